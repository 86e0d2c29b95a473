export { auditRoutes } from './audit.routes.js';
export { createAuditService, type AuditService } from './audit.service.js';
