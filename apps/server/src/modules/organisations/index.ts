import type { Executor } from '../../platform/db/database.js';
import { organisationsRepository } from './organisations.repository.js';
export { organisationsRoutes, partnershipsRoutes } from './organisations.routes.js';
export { createOrganisationsService, type OrganisationsService } from './organisations.service.js';
export { seedDemoNetwork } from './organisations.demo.js';

/** For other modules: one organisation's record, or undefined. Callers do their own access check. */
export const findOrganisation = (db: Executor, id: string) => organisationsRepository(db).findById(id);
