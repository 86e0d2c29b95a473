import type { Migration, MigrationProvider } from 'kysely';
import * as territoriesCreateTerritory from './202611220900_territories_create_territory.js';
import * as identityOrganisationsAccountsAudit from './202611221000_identity_organisations_accounts_audit.js';
import * as identityMfaApiTokens from './202611221100_identity_mfa_api_tokens.js';
import * as identityInvitationsPasswordReset from './202611221110_identity_invitations_password_reset.js';
import * as identitySessionMfaEnrollment from './202611221200_identity_session_mfa_enrollment.js';
import * as casesPeopleCasesPipeline from './202612010900_cases_people_cases_pipeline.js';
import * as auditAppendFunction from './202612010905_audit_append_function.js';
import * as casesOpenCaseIndexes from './202612010930_cases_open_case_indexes.js';
import * as casesCollaborationErasureRetained from './202612010945_cases_collaboration_erasure_retained.js';
import * as directoryHsdsCore from './202612011000_directory_hsds_core.js';
import * as directoryTaxonomy from './202612011010_directory_taxonomy.js';
import * as directoryCaseServiceReferral from './202612011020_directory_case_service_referral.js';
import * as remittancesPrices from './202612011100_remittances_prices.js';
import * as directoryStaleNotice from './202612011150_directory_stale_notice.js';
import * as directorySearchPoints from './202612011200_directory_search_points.js';
import * as remittancesSetBasedReferences from './202612011300_remittances_set_based_references.js';
import * as remittancesSetBasedCodes from './202612021000_remittances_set_based_codes.js';
import * as remittancesOneInsertTrigger from './202612071000_remittances_one_insert_trigger.js';
import * as remittancesProductPickupService from './202612071100_remittances_product_pickup_service.js';

/**
 * Every migration, by name. Listed statically (not read from disk) so the bundled server
 * carries them; a test checks this list matches the files in this folder.
 */
export const migrations: Record<string, Migration> = {
  '202611220900_territories_create_territory': territoriesCreateTerritory,
  '202611221000_identity_organisations_accounts_audit': identityOrganisationsAccountsAudit,
  '202611221100_identity_mfa_api_tokens': identityMfaApiTokens,
  '202611221110_identity_invitations_password_reset': identityInvitationsPasswordReset,
  '202611221200_identity_session_mfa_enrollment': identitySessionMfaEnrollment,
  '202612010900_cases_people_cases_pipeline': casesPeopleCasesPipeline,
  '202612010905_audit_append_function': auditAppendFunction,
  '202612010930_cases_open_case_indexes': casesOpenCaseIndexes,
  '202612010945_cases_collaboration_erasure_retained': casesCollaborationErasureRetained,
  '202612011000_directory_hsds_core': directoryHsdsCore,
  '202612011010_directory_taxonomy': directoryTaxonomy,
  '202612011020_directory_case_service_referral': directoryCaseServiceReferral,
  '202612011100_remittances_prices': remittancesPrices,
  '202612011150_directory_stale_notice': directoryStaleNotice,
  '202612011200_directory_search_points': directorySearchPoints,
  '202612011300_remittances_set_based_references': remittancesSetBasedReferences,
  '202612021000_remittances_set_based_codes': remittancesSetBasedCodes,
  '202612071000_remittances_one_insert_trigger': remittancesOneInsertTrigger,
  '202612071100_remittances_product_pickup_service': remittancesProductPickupService,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
