import type { ColumnType, Generated } from 'kysely';
import type { ColumnList, UnlistedColumns } from './columns.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric: read and written as decimal strings, never as JS numbers. */
type Numeric = ColumnType<string, string, string>;
/** date: written as 'YYYY-MM-DD'; read it with to_char (drivers would turn it into a local Date). */
type DateColumn = ColumnType<string, string, string>;

export interface RemittanceProviderTable {
  id: Generated<string>;
  name: string;
  type: string;
  organisationId: string | null;
  website: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface RemittanceProductTable {
  id: Generated<string>;
  providerId: string;
  name: string;
  payIn: string;
  pickup: string;
  speed: string;
  accessible: boolean;
  feeChargedOnTop: boolean;
  coverageNote: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** A product's pickup points: directory services where the family collects the money. */
export interface RemittanceProductPickupServiceTable {
  productId: string;
  serviceId: string;
  createdAt: CreatedAt;
}

export interface RemittanceImportTable {
  id: Generated<string>;
  format: string;
  fileName: string | null;
  fileSha256: string;
  rowsTotal: number;
  rowsImported: number;
  rowsUnchanged: number;
  rowsRejected: number;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface RemittancePriceTable {
  id: Generated<number>;
  productId: string;
  sendingCountry: string;
  receivingCountry: string;
  sendingCurrency: string;
  receivingCurrency: string;
  amount: ColumnType<string | null, string | null | undefined, string | null>;
  standardAmount: string | null;
  /** A FeeSchedule (remittance-cost.ts), decimals as strings. */
  feeSchedule: ColumnType<unknown, string, string>;
  rateOffered: ColumnType<string | null, string | null, string | null>;
  interbankRate: Numeric;
  observedOn: DateColumn;
  period: string;
  source: string;
  illustrative: ColumnType<boolean, boolean | undefined, boolean>;
  importId: string | null;
  /** A uuid made from an MD5 of the observation's identity (see the repository). */
  naturalKey: string;
  reportedBy: string | null;
  createdAt: CreatedAt;
}

/** Kept by a trigger on remittance_price; read only. */
export interface RemittanceCorridorTable {
  sendingCountry: string;
  receivingCountry: string;
  sendingCurrency: string;
  receivingCurrency: string;
  latestPeriod: string;
  latestObservedOn: DateColumn;
  observations: number;
  illustrative: boolean;
}

export interface RemittanceReferenceRateTable {
  baseCurrency: string;
  quoteCurrency: string;
  rateDate: DateColumn;
  rate: Numeric;
  source: string;
}

export interface RemittanceTransferTable {
  id: Generated<string>;
  deskOrganisationId: string;
  productId: string | null;
  providerId: string;
  sendingCountry: string;
  receivingCountry: string;
  sendingCurrency: string;
  receivingCurrency: string;
  amountSent: Numeric;
  feePaid: Numeric;
  rateApplied: Numeric;
  transferredOn: DateColumn;
  beneficiaryRef: string | null;
  recordedBy: string | null;
  createdAt: CreatedAt;
}

export interface RemittanceCorridorFollowTable {
  userId: string;
  sendingCountry: string;
  receivingCountry: string;
  lastCheapestProductId: string | null;
  createdAt: CreatedAt;
}

/** The remittances domain's tables, in camelCase as the CamelCasePlugin exposes them. Kept in step with its migrations. */
export interface RemittancesDB {
  remittanceProvider: RemittanceProviderTable;
  remittanceProduct: RemittanceProductTable;
  remittanceProductPickupService: RemittanceProductPickupServiceTable;
  remittanceImport: RemittanceImportTable;
  remittancePrice: RemittancePriceTable;
  remittanceCorridor: RemittanceCorridorTable;
  remittanceReferenceRate: RemittanceReferenceRateTable;
  remittanceTransfer: RemittanceTransferTable;
  remittanceCorridorFollow: RemittanceCorridorFollowTable;
}

export const REMITTANCES_COLUMNS = {
  remittanceProvider: ['id', 'name', 'type', 'organisationId', 'website', 'createdAt', 'updatedAt'],
  remittanceProduct: [
    'id', 'providerId', 'name', 'payIn', 'pickup', 'speed', 'accessible', 'feeChargedOnTop', 'coverageNote', 'createdAt', 'updatedAt',
  ],
  remittanceProductPickupService: ['productId', 'serviceId', 'createdAt'],
  remittanceImport: [
    'id', 'format', 'fileName', 'fileSha256', 'rowsTotal', 'rowsImported', 'rowsUnchanged', 'rowsRejected', 'createdBy', 'createdAt',
  ],
  remittancePrice: [
    'id', 'productId', 'sendingCountry', 'receivingCountry', 'sendingCurrency', 'receivingCurrency', 'amount', 'standardAmount',
    'feeSchedule', 'rateOffered', 'interbankRate', 'observedOn', 'period', 'source', 'illustrative', 'importId', 'naturalKey', 'reportedBy',
    'createdAt',
  ],
  remittanceCorridor: [
    'sendingCountry', 'receivingCountry', 'sendingCurrency', 'receivingCurrency', 'latestPeriod', 'latestObservedOn', 'observations', 'illustrative',
  ],
  remittanceReferenceRate: ['baseCurrency', 'quoteCurrency', 'rateDate', 'rate', 'source'],
  remittanceTransfer: [
    'id', 'deskOrganisationId', 'productId', 'providerId', 'sendingCountry', 'receivingCountry', 'sendingCurrency', 'receivingCurrency',
    'amountSent', 'feePaid', 'rateApplied', 'transferredOn', 'beneficiaryRef', 'recordedBy', 'createdAt',
  ],
  remittanceCorridorFollow: ['userId', 'sendingCountry', 'receivingCountry', 'lastCheapestProductId', 'createdAt'],
} as const satisfies ColumnList<RemittancesDB>;
export const remittancesColumnsListed: { [Table in keyof RemittancesDB]: never } = {} as UnlistedColumns<RemittancesDB, typeof REMITTANCES_COLUMNS>;
