export { organisationsRoutes, partnershipsRoutes } from './organisations.routes.js';
export { createOrganisationsService, type OrganisationsService } from './organisations.service.js';
export { seedDemoNetwork } from './organisations.demo.js';
