import type { ColumnType, Generated } from 'kysely';
import type { ColumnList, UnlistedColumns } from './schema/columns.js';
import { CASES_COLUMNS, type CasesDB } from './schema/cases.js';
import { DIRECTORY_COLUMNS, type DirectoryDB } from './schema/directory.js';
import { REMITTANCES_COLUMNS, type RemittancesDB } from './schema/remittances.js';

/**
 * Table types, in camelCase as the CamelCasePlugin exposes them. Kept in step with migrations.
 * The foundation's and identity's tables are here; each later domain keeps its own in `schema/<domain>.ts`.
 */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TerritoryTable {
  id: Generated<string>;
  parentId: string | null;
  level: 'country' | 'region' | 'department' | 'commune';
  code: string;
  countryCode: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface TerritoryNameTable {
  territoryId: string;
  locale: string;
  name: string;
}

export interface OrganisationTable {
  id: Generated<string>;
  type: string;
  name: string;
  hostOrganisationId: string | null;
  homeTerritoryId: string;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  email: string | null;
  phone: string | null;
  website: string | null;
  requireMfa: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface OrganisationTerritoryTable {
  organisationId: string;
  territoryId: string;
}

export interface PartnershipTable {
  id: Generated<string>;
  kind: string;
  name: string;
  description: string | null;
  startsOn: ColumnType<string | null, string | null | undefined, string | null>;
  endsOn: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface PartnershipMemberTable {
  id: Generated<string>;
  partnershipId: string;
  organisationId: string | null;
  territoryId: string | null;
  role: string;
}

export interface TerritoryStatisticTable {
  territoryId: string;
  year: number;
  populationTotal: number | null;
  populationFemale: number | null;
  populationMale: number | null;
  foreignBorn: number | null;
  emigrantsAbroad: number | null;
  source: string;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  passwordHash: string | null;
  locale: Generated<string>;
  kind: Generated<'staff' | 'migrant'>;
  disabledAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface MembershipTable {
  id: Generated<string>;
  userId: string;
  organisationId: string | null;
  role: string;
  createdAt: CreatedAt;
}

export interface UserSessionTable {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: ColumnType<Date, Date | undefined, Date>;
  expiresAt: ColumnType<Date, Date, Date>;
  ip: string | null;
  userAgent: string | null;
  mfaEnrollmentPending: Generated<boolean>;
}

export interface SignInThrottleTable {
  key: string;
  failures: Generated<number>;
  windowStartedAt: ColumnType<Date, Date | undefined, Date>;
  lockedUntil: Date | null;
}

export interface AuditEventTable {
  seq: ColumnType<number, never, never>;
  occurredAt: ColumnType<Date, Date | undefined, never>;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  organisationId: string | null;
  outcome: Generated<'success' | 'denied' | 'failure'>;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface UserMfaTable {
  userId: string;
  /** AES-256-GCM ciphertext (platform/crypto/field-encryption.ts), never the secret itself. */
  secretEncrypted: string;
  confirmedAt: Date | null;
  lastUsedStep: number | null;
  createdAt: CreatedAt;
}

export interface MfaRecoveryCodeTable {
  id: Generated<string>;
  userId: string;
  codeHash: string;
  usedAt: Date | null;
  createdAt: CreatedAt;
}

export interface MfaChallengeTable {
  tokenHash: string;
  userId: string;
  expiresAt: ColumnType<Date, Date, Date>;
  attempts: Generated<number>;
  createdAt: CreatedAt;
}

export interface ApiTokenTable {
  id: Generated<string>;
  organisationId: string;
  createdBy: string;
  name: string;
  tokenPrefix: string;
  tokenHash: string;
  permissions: string[];
  createdAt: CreatedAt;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

export interface InvitationTable {
  id: Generated<string>;
  organisationId: string;
  email: string;
  role: string;
  tokenHash: string;
  invitedBy: string | null;
  locale: string;
  expiresAt: ColumnType<Date, Date, Date>;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: CreatedAt;
}

export interface PasswordResetTable {
  tokenHash: string;
  userId: string;
  expiresAt: ColumnType<Date, Date, Date>;
  usedAt: Date | null;
  createdAt: CreatedAt;
}

export interface PendingRegistrationTable {
  tokenHash: string;
  email: string;
  displayName: string;
  passwordHash: string;
  locale: string;
  expiresAt: ColumnType<Date, Date, Date>;
  createdAt: CreatedAt;
}

export interface DB extends CasesDB, DirectoryDB, RemittancesDB {
  territory: TerritoryTable;
  territoryName: TerritoryNameTable;
  organisation: OrganisationTable;
  organisationTerritory: OrganisationTerritoryTable;
  partnership: PartnershipTable;
  partnershipMember: PartnershipMemberTable;
  territoryStatistic: TerritoryStatisticTable;
  appUser: AppUserTable;
  membership: MembershipTable;
  userSession: UserSessionTable;
  signInThrottle: SignInThrottleTable;
  auditEvent: AuditEventTable;
  invitation: InvitationTable;
  passwordReset: PasswordResetTable;
  pendingRegistration: PendingRegistrationTable;
  userMfa: UserMfaTable;
  mfaRecoveryCode: MfaRecoveryCodeTable;
  mfaChallenge: MfaChallengeTable;
  apiToken: ApiTokenTable;
}

/**
 * The columns of each table, checked against the migrated database by a test. The type below
 * fails to compile when this list and the interfaces above disagree.
 */
const CORE_COLUMNS = {
  territory: ['id', 'parentId', 'level', 'code', 'countryCode', 'createdAt', 'updatedAt'],
  territoryName: ['territoryId', 'locale', 'name'],
  organisation: [
    'id', 'type', 'name', 'hostOrganisationId', 'homeTerritoryId', 'languages', 'email', 'phone', 'website',
    'requireMfa', 'createdAt', 'updatedAt',
  ],
  organisationTerritory: ['organisationId', 'territoryId'],
  partnership: ['id', 'kind', 'name', 'description', 'startsOn', 'endsOn', 'createdAt', 'updatedAt'],
  partnershipMember: ['id', 'partnershipId', 'organisationId', 'territoryId', 'role'],
  territoryStatistic: [
    'territoryId', 'year', 'populationTotal', 'populationFemale', 'populationMale', 'foreignBorn', 'emigrantsAbroad', 'source',
  ],
  appUser: ['id', 'email', 'displayName', 'passwordHash', 'locale', 'kind', 'disabledAt', 'createdAt', 'updatedAt'],
  membership: ['id', 'userId', 'organisationId', 'role', 'createdAt'],
  userSession: ['tokenHash', 'userId', 'csrfToken', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip', 'userAgent', 'mfaEnrollmentPending'],
  signInThrottle: ['key', 'failures', 'windowStartedAt', 'lockedUntil'],
  auditEvent: [
    'seq', 'occurredAt', 'actorUserId', 'actorLabel', 'action', 'subjectType', 'subjectId', 'organisationId', 'outcome',
    'details', 'ip', 'requestId', 'prevHash', 'hash',
  ],
  invitation: [
    'id', 'organisationId', 'email', 'role', 'tokenHash', 'invitedBy', 'locale', 'expiresAt', 'acceptedAt', 'revokedAt',
    'createdAt',
  ],
  passwordReset: ['tokenHash', 'userId', 'expiresAt', 'usedAt', 'createdAt'],
  pendingRegistration: ['tokenHash', 'email', 'displayName', 'passwordHash', 'locale', 'expiresAt', 'createdAt'],
  userMfa: ['userId', 'secretEncrypted', 'confirmedAt', 'lastUsedStep', 'createdAt'],
  mfaRecoveryCode: ['id', 'userId', 'codeHash', 'usedAt', 'createdAt'],
  mfaChallenge: ['tokenHash', 'userId', 'expiresAt', 'attempts', 'createdAt'],
  apiToken: [
    'id', 'organisationId', 'createdBy', 'name', 'tokenPrefix', 'tokenHash', 'permissions', 'createdAt', 'lastUsedAt',
    'revokedAt', 'expiresAt',
  ],
} as const;

export const DB_COLUMNS = { ...CORE_COLUMNS, ...CASES_COLUMNS, ...DIRECTORY_COLUMNS, ...REMITTANCES_COLUMNS } as const satisfies ColumnList<DB>;
export const everyColumnListed: { [Table in keyof DB]: never } = {} as UnlistedColumns<DB, typeof DB_COLUMNS>;
