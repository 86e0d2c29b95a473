import type { ColumnType, Generated } from 'kysely';
import type { ColumnList, UnlistedColumns } from './columns.js';

/**
 * The directory domain's tables, in camelCase as the CamelCasePlugin exposes them. Kept in step with its migrations.
 * HSDS tables are prefixed `hsds_`; numeric columns read as strings (exact), dates as `yyyy-mm-dd` text
 * where the repository casts them.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** HSDS 3.0 `organization`: The details about each organization delivering services. */
export interface HsdsOrganizationTable {
  id: Generated<string>;
  name: string;
  alternateName: string | null;
  description: string;
  email: string | null;
  website: string | null;
  taxStatus: string | null;
  taxId: string | null;
  yearIncorporated: string | null;
  legalStatus: string | null;
  logo: string | null;
  uri: string | null;
  parentOrganizationId: string | null;
  organisationId: string | null;
  territoryId: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsOrganizationTranslationTable {
  organizationId: string;
  locale: string;
  name: string | null;
  alternateName: string | null;
  description: string | null;
}

/** HSDS 3.0 `program`: The details of collections of related services. */
export interface HsdsProgramTable {
  id: Generated<string>;
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsProgramTranslationTable {
  programId: string;
  locale: string;
  name: string | null;
  alternateName: string | null;
  description: string | null;
}

/** HSDS 3.0 `service`: The details of the services provided by organizations to a range of different groups. */
export interface HsdsServiceTable {
  id: Generated<string>;
  organizationId: string;
  programId: string | null;
  name: string;
  alternateName: string | null;
  description: string | null;
  url: string | null;
  email: string | null;
  status: string;
  interpretationServices: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  waitTime: string | null;
  fees: string | null;
  accreditations: string | null;
  eligibilityDescription: string | null;
  minimumAge: string | null;
  maximumAge: string | null;
  assuredDate: string | null;
  assurerEmail: string | null;
  licenses: string | null;
  alert: string | null;
  lastModified: Date | null;
  territoryId: string | null;
  lastVerified: string | null;
  diasporaEligible: boolean | null;
  returneeEligible: boolean | null;
  loanMin: string | null;
  loanMax: string | null;
  loanCurrency: string | null;
  collateralRequired: boolean | null;
  interestMin: string | null;
  interestMax: string | null;
  targetGroups: ColumnType<string[], string[] | undefined, string[]>;
  staffLanguages: ColumnType<string[], string[] | undefined, string[]>;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsServiceTranslationTable {
  serviceId: string;
  locale: string;
  name: string | null;
  alternateName: string | null;
  description: string | null;
  interpretationServices: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  alert: string | null;
}

/** HSDS 3.0 `location`: The locations where organizations operate. */
export interface HsdsLocationTable {
  id: Generated<string>;
  locationType: string;
  url: string | null;
  organizationId: string | null;
  name: string | null;
  alternateName: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null | null;
  longitude: number | null | null;
  externalIdentifier: string | null;
  externalIdentifierType: string | null;
  territoryId: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsLocationTranslationTable {
  locationId: string;
  locale: string;
  name: string | null;
  alternateName: string | null;
  description: string | null;
  transportation: string | null;
}

/** HSDS 3.0 `service_at_location`: A link between a service and a specific location. */
export interface HsdsServiceAtLocationTable {
  id: Generated<string>;
  serviceId: string;
  locationId: string;
  description: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsServiceAtLocationTranslationTable {
  serviceAtLocationId: string;
  locale: string;
  description: string | null;
}

/** HSDS 3.0 `contact`: The details of the named contacts for services and organizations. */
export interface HsdsContactTable {
  id: Generated<string>;
  organizationId: string | null;
  serviceId: string | null;
  serviceAtLocationId: string | null;
  locationId: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
  isPrivate: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** HSDS 3.0 `phone`: The details of the telephone numbers used to contact organizations, services, and locations. */
export interface HsdsPhoneTable {
  id: Generated<string>;
  locationId: string | null;
  serviceId: string | null;
  organizationId: string | null;
  contactId: string | null;
  serviceAtLocationId: string | null;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
  isPrivate: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** HSDS 3.0 `address`: The addresses of locations where organizations operate. */
export interface HsdsAddressTable {
  id: Generated<string>;
  locationId: string | null;
  attention: string | null;
  address1: string;
  address2: string | null;
  city: string;
  region: string | null;
  stateProvince: string;
  postalCode: string;
  country: string;
  addressType: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** HSDS 3.0 `schedule`: The details of when a service or location is open. */
export interface HsdsScheduleTable {
  id: Generated<string>;
  serviceId: string | null;
  locationId: string | null;
  serviceAtLocationId: string | null;
  validFrom: string | null;
  validTo: string | null;
  dtstart: string | null;
  timezone: string | null;
  until: string | null;
  count: string | null;
  wkst: string | null;
  freq: string | null;
  interval: string | null;
  byday: string | null;
  byweekno: string | null;
  bymonthday: string | null;
  byyearday: string | null;
  description: string | null;
  opensAt: string | null;
  closesAt: string | null;
  scheduleLink: string | null;
  attendingType: string | null;
  notes: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsScheduleTranslationTable {
  scheduleId: string;
  locale: string;
  description: string | null;
  notes: string | null;
}

/** HSDS 3.0 `funding`: The sources of funding for a service or organization. */
export interface HsdsFundingTable {
  id: Generated<string>;
  organizationId: string | null;
  serviceId: string | null;
  source: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** HSDS 3.0 `service_area`: The details of the geographic area for which a service is available. */
export interface HsdsServiceAreaTable {
  id: Generated<string>;
  serviceId: string | null;
  name: string | null;
  description: string | null;
  extent: string | null;
  extentType: string | null;
  uri: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsServiceAreaTranslationTable {
  serviceAreaId: string;
  locale: string;
  name: string | null;
  description: string | null;
}

/** HSDS 3.0 `required_document`: The details of any documents that are required in order to access or use services. */
export interface HsdsRequiredDocumentTable {
  id: Generated<string>;
  serviceId: string | null;
  document: string | null;
  uri: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsRequiredDocumentTranslationTable {
  requiredDocumentId: string;
  locale: string;
  document: string | null;
}

/** HSDS 3.0 `language`: The languages that are spoken at locations or services. */
export interface HsdsLanguageTable {
  id: Generated<string>;
  serviceId: string | null;
  locationId: string | null;
  phoneId: string | null;
  name: string | null;
  code: string | null;
  note: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** HSDS 3.0 `accessibility`: The details of the arrangements for access to locations for people who have disabilities. */
export interface HsdsAccessibilityTable {
  id: Generated<string>;
  locationId: string | null;
  description: string | null;
  details: string | null;
  url: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsAccessibilityTranslationTable {
  accessibilityId: string;
  locale: string;
  description: string | null;
  details: string | null;
}

/** HSDS 3.0 `taxonomy`: The taxonomies from which taxonomy terms are taken. */
export interface HsdsTaxonomyTable {
  id: Generated<string>;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsTaxonomyTranslationTable {
  taxonomyId: string;
  locale: string;
  name: string | null;
  description: string | null;
}

/** HSDS 3.0 `taxonomy_term`: Each service can be categorized according to one or more taxonomy terms. */
export interface HsdsTaxonomyTermTable {
  id: Generated<string>;
  code: string | null;
  name: string;
  description: string;
  parentId: string | null;
  taxonomy: string | null;
  language: string | null;
  taxonomyId: string | null;
  termUri: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsTaxonomyTermTranslationTable {
  taxonomyTermId: string;
  locale: string;
  name: string | null;
  description: string | null;
}

/** HSDS 3.0 `attribute`: A link between a service and one or more classifications that describe the nature of the service provided. */
export interface HsdsAttributeTable {
  id: Generated<string>;
  linkId: string;
  taxonomyTermId: string;
  linkType: string | null;
  linkEntity: string;
  value: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** HSDS 3.0 `metadata`: A record of the changes that have been made to the data in order to maintain provenance information. */
export interface HsdsMetadataTable {
  id: Generated<string>;
  resourceId: string;
  resourceType: string;
  lastActionDate: string;
  lastActionType: string;
  fieldName: string;
  previousValue: string;
  replacementValue: string;
  updatedBy: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** HSDS 3.0 `meta_table_description`: Metadata about individual tables. */
export interface HsdsMetaTableDescriptionTable {
  id: Generated<string>;
  name: string | null;
  language: string | null;
  characterSet: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** HSDS 3.0 `cost_option`: The costs of a service at certain points in time. */
export interface HsdsCostOptionTable {
  id: Generated<string>;
  serviceId: string;
  validFrom: string | null;
  validTo: string | null;
  option: string | null;
  currency: string | null;
  amount: string | null;
  amountDescription: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface HsdsCostOptionTranslationTable {
  costOptionId: string;
  locale: string;
  option: string | null;
  amountDescription: string | null;
}

/** HSDS 3.0 `organization_identifier`: The details of the third party identifiers for organizations, such as: company registration number, charity number, tax registration number. */
export interface HsdsOrganizationIdentifierTable {
  id: Generated<string>;
  organizationId: string;
  identifierScheme: string | null;
  identifierType: string;
  identifier: string;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface DirectoryOpportunityTable {
  id: Generated<string>;
  territoryId: string;
  kind: string;
  isicCode: string;
  title: string;
  description: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  organizationId: string | null;
  sourceLocale: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface DirectoryOpportunityTranslationTable {
  opportunityId: string;
  locale: string;
  title: string | null;
  description: string | null;
}

export interface DirectoryServiceSearchTable {
  serviceId: string;
  locale: string;
  document: string;
  keywords: string;
  status: string;
  territoryId: string | null;
  termIds: string[];
  languages: string[];
  paid: boolean;
  diasporaEligible: boolean;
  returneeEligible: boolean;
  targetGroups: string[];
  latitudes: number[];
  longitudes: number[];
  minLatitude: number | null;
  maxLatitude: number | null;
  minLongitude: number | null;
  maxLongitude: number | null;
  cell: number | null;
}

export interface DirectorySearchWordTable {
  word: string;
}

export interface DirectoryFlagTable {
  id: Generated<string>;
  entityType: string;
  entityId: string;
  reason: string;
  flaggedBy: string | null;
  createdAt: CreatedAt;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

/** One notice per staleness period: the verification date it was about, and when it went out. */
export interface DirectoryStaleNoticeTable {
  serviceId: string;
  lastVerified: string | null;
  notifiedAt: Generated<Date>;
}

export interface CaseServiceReferralTable {
  id: Generated<string>;
  caseId: string;
  serviceId: string;
  referredBy: string | null;
  note: string | null;
  outcome: Generated<string>;
  outcomeAt: Date | null;
  outcomeBy: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface DirectoryDB {
  caseServiceReferral: CaseServiceReferralTable;
  hsdsOrganization: HsdsOrganizationTable;
  hsdsOrganizationTranslation: HsdsOrganizationTranslationTable;
  hsdsProgram: HsdsProgramTable;
  hsdsProgramTranslation: HsdsProgramTranslationTable;
  hsdsService: HsdsServiceTable;
  hsdsServiceTranslation: HsdsServiceTranslationTable;
  hsdsLocation: HsdsLocationTable;
  hsdsLocationTranslation: HsdsLocationTranslationTable;
  hsdsServiceAtLocation: HsdsServiceAtLocationTable;
  hsdsServiceAtLocationTranslation: HsdsServiceAtLocationTranslationTable;
  hsdsContact: HsdsContactTable;
  hsdsPhone: HsdsPhoneTable;
  hsdsAddress: HsdsAddressTable;
  hsdsSchedule: HsdsScheduleTable;
  hsdsScheduleTranslation: HsdsScheduleTranslationTable;
  hsdsFunding: HsdsFundingTable;
  hsdsServiceArea: HsdsServiceAreaTable;
  hsdsServiceAreaTranslation: HsdsServiceAreaTranslationTable;
  hsdsRequiredDocument: HsdsRequiredDocumentTable;
  hsdsRequiredDocumentTranslation: HsdsRequiredDocumentTranslationTable;
  hsdsLanguage: HsdsLanguageTable;
  hsdsAccessibility: HsdsAccessibilityTable;
  hsdsAccessibilityTranslation: HsdsAccessibilityTranslationTable;
  hsdsTaxonomy: HsdsTaxonomyTable;
  hsdsTaxonomyTranslation: HsdsTaxonomyTranslationTable;
  hsdsTaxonomyTerm: HsdsTaxonomyTermTable;
  hsdsTaxonomyTermTranslation: HsdsTaxonomyTermTranslationTable;
  hsdsAttribute: HsdsAttributeTable;
  hsdsMetadata: HsdsMetadataTable;
  hsdsMetaTableDescription: HsdsMetaTableDescriptionTable;
  hsdsCostOption: HsdsCostOptionTable;
  hsdsCostOptionTranslation: HsdsCostOptionTranslationTable;
  hsdsOrganizationIdentifier: HsdsOrganizationIdentifierTable;
  directoryOpportunity: DirectoryOpportunityTable;
  directoryOpportunityTranslation: DirectoryOpportunityTranslationTable;
  directoryServiceSearch: DirectoryServiceSearchTable;
  directorySearchWord: DirectorySearchWordTable;
  directoryFlag: DirectoryFlagTable;
  directoryStaleNotice: DirectoryStaleNoticeTable;
}

export const DIRECTORY_COLUMNS = {
  caseServiceReferral: ['id', 'caseId', 'serviceId', 'referredBy', 'note', 'outcome', 'outcomeAt', 'outcomeBy', 'createdAt', 'updatedAt'],
  hsdsOrganization: ['id', 'name', 'alternateName', 'description', 'email', 'website', 'taxStatus', 'taxId', 'yearIncorporated', 'legalStatus', 'logo', 'uri', 'parentOrganizationId', 'organisationId', 'territoryId', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsOrganizationTranslation: ['organizationId', 'locale', 'name', 'alternateName', 'description'],
  hsdsProgram: ['id', 'organizationId', 'name', 'alternateName', 'description', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsProgramTranslation: ['programId', 'locale', 'name', 'alternateName', 'description'],
  hsdsService: ['id', 'organizationId', 'programId', 'name', 'alternateName', 'description', 'url', 'email', 'status', 'interpretationServices', 'applicationProcess', 'feesDescription', 'waitTime', 'fees', 'accreditations', 'eligibilityDescription', 'minimumAge', 'maximumAge', 'assuredDate', 'assurerEmail', 'licenses', 'alert', 'lastModified', 'territoryId', 'lastVerified', 'diasporaEligible', 'returneeEligible', 'loanMin', 'loanMax', 'loanCurrency', 'collateralRequired', 'interestMin', 'interestMax', 'targetGroups', 'staffLanguages', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsServiceTranslation: ['serviceId', 'locale', 'name', 'alternateName', 'description', 'interpretationServices', 'applicationProcess', 'feesDescription', 'eligibilityDescription', 'alert'],
  hsdsLocation: ['id', 'locationType', 'url', 'organizationId', 'name', 'alternateName', 'description', 'transportation', 'latitude', 'longitude', 'externalIdentifier', 'externalIdentifierType', 'territoryId', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsLocationTranslation: ['locationId', 'locale', 'name', 'alternateName', 'description', 'transportation'],
  hsdsServiceAtLocation: ['id', 'serviceId', 'locationId', 'description', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsServiceAtLocationTranslation: ['serviceAtLocationId', 'locale', 'description'],
  hsdsContact: ['id', 'organizationId', 'serviceId', 'serviceAtLocationId', 'locationId', 'name', 'title', 'department', 'email', 'isPrivate', 'createdAt', 'updatedAt'],
  hsdsPhone: ['id', 'locationId', 'serviceId', 'organizationId', 'contactId', 'serviceAtLocationId', 'number', 'extension', 'type', 'description', 'isPrivate', 'createdAt', 'updatedAt'],
  hsdsAddress: ['id', 'locationId', 'attention', 'address1', 'address2', 'city', 'region', 'stateProvince', 'postalCode', 'country', 'addressType', 'createdAt', 'updatedAt'],
  hsdsSchedule: ['id', 'serviceId', 'locationId', 'serviceAtLocationId', 'validFrom', 'validTo', 'dtstart', 'timezone', 'until', 'count', 'wkst', 'freq', 'interval', 'byday', 'byweekno', 'bymonthday', 'byyearday', 'description', 'opensAt', 'closesAt', 'scheduleLink', 'attendingType', 'notes', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsScheduleTranslation: ['scheduleId', 'locale', 'description', 'notes'],
  hsdsFunding: ['id', 'organizationId', 'serviceId', 'source', 'createdAt', 'updatedAt'],
  hsdsServiceArea: ['id', 'serviceId', 'name', 'description', 'extent', 'extentType', 'uri', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsServiceAreaTranslation: ['serviceAreaId', 'locale', 'name', 'description'],
  hsdsRequiredDocument: ['id', 'serviceId', 'document', 'uri', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsRequiredDocumentTranslation: ['requiredDocumentId', 'locale', 'document'],
  hsdsLanguage: ['id', 'serviceId', 'locationId', 'phoneId', 'name', 'code', 'note', 'createdAt', 'updatedAt'],
  hsdsAccessibility: ['id', 'locationId', 'description', 'details', 'url', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsAccessibilityTranslation: ['accessibilityId', 'locale', 'description', 'details'],
  hsdsTaxonomy: ['id', 'name', 'description', 'uri', 'version', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsTaxonomyTranslation: ['taxonomyId', 'locale', 'name', 'description'],
  hsdsTaxonomyTerm: ['id', 'code', 'name', 'description', 'parentId', 'taxonomy', 'language', 'taxonomyId', 'termUri', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsTaxonomyTermTranslation: ['taxonomyTermId', 'locale', 'name', 'description'],
  hsdsAttribute: ['id', 'linkId', 'taxonomyTermId', 'linkType', 'linkEntity', 'value', 'createdAt', 'updatedAt'],
  hsdsMetadata: ['id', 'resourceId', 'resourceType', 'lastActionDate', 'lastActionType', 'fieldName', 'previousValue', 'replacementValue', 'updatedBy', 'createdAt', 'updatedAt'],
  hsdsMetaTableDescription: ['id', 'name', 'language', 'characterSet', 'createdAt', 'updatedAt'],
  hsdsCostOption: ['id', 'serviceId', 'validFrom', 'validTo', 'option', 'currency', 'amount', 'amountDescription', 'sourceLocale', 'createdAt', 'updatedAt'],
  hsdsCostOptionTranslation: ['costOptionId', 'locale', 'option', 'amountDescription'],
  hsdsOrganizationIdentifier: ['id', 'organizationId', 'identifierScheme', 'identifierType', 'identifier', 'createdAt', 'updatedAt'],
  directoryOpportunity: ['id', 'territoryId', 'kind', 'isicCode', 'title', 'description', 'contactName', 'contactEmail', 'contactPhone', 'organizationId', 'sourceLocale', 'createdAt', 'updatedAt'],
  directoryOpportunityTranslation: ['opportunityId', 'locale', 'title', 'description'],
  directoryServiceSearch: ['serviceId', 'locale', 'document', 'keywords', 'status', 'territoryId', 'termIds', 'languages', 'paid', 'diasporaEligible', 'returneeEligible', 'targetGroups', 'latitudes', 'longitudes', 'minLatitude', 'maxLatitude', 'minLongitude', 'maxLongitude', 'cell'],
  directorySearchWord: ['word'],
  directoryFlag: ['id', 'entityType', 'entityId', 'reason', 'flaggedBy', 'createdAt', 'resolvedAt', 'resolvedBy'],
  directoryStaleNotice: ['serviceId', 'lastVerified', 'notifiedAt'],
} as const satisfies ColumnList<DirectoryDB>;
export const directoryColumnsListed: { [Table in keyof DirectoryDB]: never } = {} as UnlistedColumns<DirectoryDB, typeof DIRECTORY_COLUMNS>;
