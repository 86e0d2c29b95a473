export { directoryRoutes } from './directory.routes.js';
export { createDirectoryService, type DirectoryService } from './directory.service.js';
export { hsdsRoutes } from './hsds/hsds.routes.js';
export { createHsdsApiService, type HsdsApiService } from './hsds/hsds-api.service.js';
export { createHsdsTransferService, type HsdsTransferService } from './hsds/hsds-transfer.service.js';
export { seedDemoDirectory } from './directory.demo.js';
export { exportHsdsDirectory, importHsdsDirectory } from './hsds/hsds-cli.js';
export { caseServiceReferralRecords, createCaseReferralsService, type CaseReferralsService } from './case-referrals.service.js';
export { createStaleNoticesService, runStaleNotices, type StaleNoticesService } from './stale-notices.service.js';
