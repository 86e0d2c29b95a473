import type { Locale } from '@glocal/contracts';
import type { Executor } from '../../platform/db/database.js';

/**
 * Records another module keeps about a case: the directory's "referred to this service" links.
 * The person's data download lists them and erasure clears their free text; app.ts hands the
 * directory's implementation in, so this module never imports the directory or queries its tables.
 */
export type CaseServiceReferralRecords = {
  ofCases(db: Executor, caseIds: readonly string[], locale: Locale): Promise<{
    caseId: string;
    serviceName: string;
    organizationName: string;
    note: string | null;
    outcome: string;
    outcomeAt: Date | null;
    createdAt: Date;
  }[]>;
  /** Runs in the erasure's transaction; answers how many notes it cleared. */
  eraseNotes(db: Executor, caseIds: readonly string[]): Promise<number>;
};
