/** The cases module's public surface (shared by intake, case work and collaboration). */
export { createPeopleProtection, normaliseName, type PeopleProtection } from './people.service.js';
export { seedDemoCases } from './cases.demo.js';
export { createIntakeService, type IntakeService } from './intake.service.js';
export { intakeRoutes } from './intake.routes.js';
export { createDuplicatesService, type DuplicatesService } from './duplicates.service.js';
export { duplicatesRoutes } from './duplicates.routes.js';
export { createConsentsService, type ConsentsService } from './consents.service.js';
export { caseConsentsRoutes } from './consents.routes.js';
export { createReferralsService, type ReferralsService } from './referrals.service.js';
export { caseReferralsRoutes, referralsRoutes } from './referrals.routes.js';
// Case work: lists, board, case page, pipeline, tasks, notes, outcomes, workload.
export { casesRoutes } from './cases.routes.js';
export { createCasesService, type CasesService } from './cases.service.js';
export { createPipelineService, type PipelineService } from './pipeline.service.js';
export { caseTasksRoutes } from './tasks.routes.js';
export { createTasksService, runTaskReminders, type TasksService } from './tasks.service.js';
export { caseNotesRoutes } from './notes.routes.js';
export { createNotesService, type NotesService } from './notes.service.js';
export { caseOutcomesRoutes } from './outcomes.routes.js';
export { createOutcomesService, type OutcomesService } from './outcomes.service.js';
export { deskWorkloadRoutes } from './workload.routes.js';
export { createWorkloadService, type WorkloadService } from './workload.service.js';
export { createDocumentsService, type DocumentsService } from './documents.service.js';
export { caseDocumentsRoutes } from './documents.routes.js';
export { openDocumentStorage } from './documents.storage.js';
export { createMessagesService, type MessagesService } from './messages.service.js';
export { caseMessagesRoutes } from './messages.routes.js';
export { createSelfServiceService, type SelfServiceService } from './self-service.service.js';
export { myRequestsRoutes } from './self-service.routes.js';
export { createErasureService, type ErasureService } from './erasure.service.js';
export { erasureRequestsRoutes } from './erasure.routes.js';
// Which desks reach a case, for other modules that link records to cases (the directory's service referrals).
export { caseLeadScope, caseReadScope, loadCaseScope } from './case-access.js';
