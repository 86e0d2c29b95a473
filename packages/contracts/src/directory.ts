import { z } from 'zod';
import { CurrencyCode, Locale, PageQuery, listEnvelope } from './common.js';

/**
 * The services and opportunities directory, as our own web reads it (`/api/v1/directory`). The
 * records are Open Referral HSDS 3.0 (served as such under `/api/hsds/v3`); these shapes are the
 * directory's views of them, in the reader's language.
 */

/**
 * HSDS ids are UUIDs, but imported directories often mint them without RFC 4122's version and
 * variant bits (name hashes): any 8-4-4-4-12 hexadecimal id is accepted here.
 */
export const EntryId = z.guid();
export const EntryIdParams = z.object({ id: EntryId });

/** Groups a service is meant for (Glocal profile field `target_groups`). */
export const TARGET_GROUPS = ['women', 'youth', 'diaspora', 'returnees', 'refugees', 'entrepreneurs', 'farmers', 'students'] as const;
export const TargetGroup = z.enum(TARGET_GROUPS);
export type TargetGroup = z.infer<typeof TargetGroup>;

export const ServiceStatus = z.enum(['active', 'inactive', 'defunct', 'temporarily closed']);
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** ISO 639-1 code. */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/);
const DecimalString = z.string().regex(/^\d{1,12}(\.\d{1,6})?$/);
const queryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');
/** Search text: any characters but NUL, which no PostgreSQL text can hold (refused here, not by the database). */
const SearchText = z.string().trim().max(200).refine((text) => !text.includes('\u0000'), { message: 'NUL character' });

export const DirectorySearchQuery = PageQuery.extend({
  /** Free text in the reader's language; treated as text, never as syntax. */
  q: SearchText.optional(),
  locale: Locale.optional(),
  /** A term, or a parent term (which includes its children). */
  taxonomyTermId: EntryId.optional(),
  /** A territory and every territory under it. */
  territoryId: EntryId.optional(),
  language: LanguageCode.optional(),
  cost: z.enum(['free', 'paid']).optional(),
  eligibility: z.enum(['diaspora', 'returnee']).optional(),
  targetGroup: TargetGroup.optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  radiusKm: z.coerce.number().positive().max(20_000).optional(),
  sort: z.enum(['relevance', 'distance', 'name']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type DirectorySearchQuery = z.infer<typeof DirectorySearchQuery>;

export const TaxonomyTermRef = z.object({ id: EntryId, code: z.string().nullable(), name: z.string() });
export type TaxonomyTermRef = z.infer<typeof TaxonomyTermRef>;

export const ServiceSummaryView = z.object({
  id: EntryId,
  name: z.string(),
  description: z.string().nullable(),
  organizationId: EntryId,
  organizationName: z.string(),
  status: ServiceStatus,
  terms: z.array(TaxonomyTermRef),
  /** The nearest location with coordinates. */
  location: z.object({ latitude: z.number(), longitude: z.number(), city: z.string().nullable() }).nullable(),
  distanceKm: z.number().nullable(),
  lastVerified: z.string().nullable(),
  /** Not verified for 12 months (or never). */
  stale: z.boolean(),
});
export type ServiceSummaryView = z.infer<typeof ServiceSummaryView>;
export const ServiceSearchResult = listEnvelope(ServiceSummaryView);
export type ServiceSearchResult = z.infer<typeof ServiceSearchResult>;

export const ScheduleView = z.object({
  byday: z.string().nullable(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  description: z.string().nullable(),
});
export const CostOptionView = z.object({
  id: EntryId,
  option: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  amountDescription: z.string().nullable(),
});
/** A location's physical address as HSDS holds it; `country` is ISO 3166-1 alpha-2. */
export const PostalAddressView = z.object({
  address1: z.string(),
  address2: z.string().nullable(),
  city: z.string(),
  stateProvince: z.string(),
  postalCode: z.string(),
  country: z.string(),
});
export type PostalAddressView = z.infer<typeof PostalAddressView>;

export const LocationView = z.object({
  id: EntryId,
  name: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** The physical address on one line, for reading. */
  address: z.string().nullable(),
  /** The same address field by field, for editing. */
  postalAddress: PostalAddressView.nullable(),
  transportation: z.string().nullable(),
});
export type LocationView = z.infer<typeof LocationView>;
export const ContactPointView = z.object({ kind: z.enum(['phone', 'email', 'website']), value: z.string(), label: z.string().nullable() });

/** Glocal's HSDS profile fields. Money as decimal strings with an ISO 4217 code. */
export const FinanceProfileView = z.object({
  diasporaEligible: z.boolean().nullable(),
  returneeEligible: z.boolean().nullable(),
  loanMin: z.string().nullable(),
  loanMax: z.string().nullable(),
  loanCurrency: z.string().nullable(),
  collateralRequired: z.boolean().nullable(),
  interestMin: z.string().nullable(),
  interestMax: z.string().nullable(),
  targetGroups: z.array(TargetGroup),
  staffLanguages: z.array(z.string()),
});

export const ServiceDetailView = ServiceSummaryView.extend({
  alternateName: z.string().nullable(),
  eligibility: z.string().nullable(),
  applicationProcess: z.string().nullable(),
  feesDescription: z.string().nullable(),
  alert: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  territoryId: EntryId.nullable(),
  requiredDocuments: z.array(z.object({ id: EntryId, document: z.string() })),
  schedules: z.array(ScheduleView),
  languages: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable() })),
  costs: z.array(CostOptionView),
  locations: z.array(LocationView),
  contacts: z.array(ContactPointView),
  profile: FinanceProfileView,
  openFlags: z.number().int(),
  /** What the reader may do here, decided by the server. */
  canEdit: z.boolean(),
});
export type ServiceDetailView = z.infer<typeof ServiceDetailView>;

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * A service's lists, each given whole (what is left out is removed): an item with the `id` of one the
 * service has keeps it (its text rewritten in `locale` when given, its translations in other
 * languages kept); without an id, it is new and needs its text.
 */
export const RequiredDocumentBody = z
  .object({ id: EntryId.optional(), document: Text(500).optional() })
  .strict()
  .refine((item) => item.id !== undefined || item.document !== undefined, { path: ['document'], message: 'A new document needs its text' });
export const CostOptionBody = z
  .object({ id: EntryId.optional(), option: OptionalText(200), amount: DecimalString.nullable().optional(), currency: CurrencyCode.nullable().optional() })
  .strict()
  .refine((cost) => cost.amount == null || cost.currency != null, { path: ['currency'], message: 'An amount needs its currency' })
  .refine((cost) => cost.id !== undefined || cost.option != null || cost.amount != null, { path: ['option'], message: 'A new cost needs what it is or its amount' });
export type CostOptionBody = z.infer<typeof CostOptionBody>;

/** A change to a service. Texts are written in `locale` (the source row if it is the service's own language). */
export const ServiceUpdateBody = z
  .object({
    locale: Locale,
    name: Text(200).optional(),
    description: OptionalText(5000),
    eligibilityDescription: OptionalText(2000),
    applicationProcess: OptionalText(2000),
    feesDescription: OptionalText(2000),
    alert: OptionalText(500),
    status: ServiceStatus.optional(),
    url: z.url().max(500).nullable().optional(),
    email: z.email().max(200).nullable().optional(),
    territoryId: EntryId.nullable().optional(),
    diasporaEligible: z.boolean().nullable().optional(),
    returneeEligible: z.boolean().nullable().optional(),
    loanMin: DecimalString.nullable().optional(),
    loanMax: DecimalString.nullable().optional(),
    loanCurrency: CurrencyCode.nullable().optional(),
    collateralRequired: z.boolean().nullable().optional(),
    interestMin: DecimalString.nullable().optional(),
    interestMax: DecimalString.nullable().optional(),
    targetGroups: z.array(TargetGroup).max(TARGET_GROUPS.length).optional(),
    staffLanguages: z.array(LanguageCode).max(20).optional(),
    taxonomyTermIds: z.array(EntryId).max(20).optional(),
    /** Documents to bring, texts in `locale`. */
    requiredDocuments: z.array(RequiredDocumentBody).max(20).optional(),
    /** What it costs: an amount of 0 or none is free; the `cost` filter reads the amounts. */
    costs: z.array(CostOptionBody).max(10).optional(),
    /** Languages the service is offered in (ISO 639-1), as the `language` filter reads them. */
    languages: z.array(LanguageCode).max(20).optional(),
    /** Mark the entry checked today. */
    verified: z.literal(true).optional(),
  })
  .strict();
export type ServiceUpdateBody = z.infer<typeof ServiceUpdateBody>;

/**
 * A new service of an organization: its texts in `locale` (which becomes its source language), and
 * any of the fields a change may set.
 */
export const ServiceCreateBody = ServiceUpdateBody.omit({ verified: true, name: true, status: true, territoryId: true, taxonomyTermIds: true })
  .extend({
    organizationId: EntryId,
    name: Text(200),
    status: ServiceStatus.default('active'),
    territoryId: EntryId.nullable().optional(),
    taxonomyTermIds: z.array(EntryId).max(20).default([]),
  })
  .strict();
export type ServiceCreateBody = z.infer<typeof ServiceCreateBody>;

/** A physical address: street, city and country required (HSDS also requires a region and postal code, stored empty when unknown). */
export const PostalAddressBody = z
  .object({
    address1: Text(200),
    address2: OptionalText(200),
    city: Text(100),
    stateProvince: z.string().trim().max(100).default(''),
    postalCode: z.string().trim().max(20).default(''),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
  })
  .strict();
export type PostalAddressBody = z.infer<typeof PostalAddressBody>;

/** Coordinates go together: both or neither (null for both removes them). */
const coordinatesTogether = (body: { latitude?: number | null | undefined; longitude?: number | null | undefined }) =>
  (body.latitude === undefined) === (body.longitude === undefined) && (body.latitude === null) === (body.longitude === null);
const COORDINATES_ISSUE = { message: 'latitude and longitude go together', path: ['longitude'] };

const LocationFields = z
  .object({
    locale: Locale,
    name: OptionalText(200),
    description: OptionalText(2000),
    transportation: OptionalText(1000),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    /** The physical address; null removes it. */
    address: PostalAddressBody.nullable().optional(),
  })
  .strict();

export const LocationUpdateBody = LocationFields.refine(coordinatesTogether, COORDINATES_ISSUE);
export type LocationUpdateBody = z.infer<typeof LocationUpdateBody>;
/** A new location of a service (where it is offered), its texts in `locale`. */
export const LocationCreateBody = LocationFields.refine(coordinatesTogether, COORDINATES_ISSUE);
export type LocationCreateBody = z.infer<typeof LocationCreateBody>;
export const LocationChangedView = LocationView;

export const FlagEntityType = z.enum(['service', 'organization', 'location', 'opportunity']);
export const FlagCreateBody = z.object({ entityType: FlagEntityType, entityId: EntryId, reason: Text(1000) }).strict();
export type FlagCreateBody = z.infer<typeof FlagCreateBody>;
export const FlagView = z.object({ id: EntryId, entityType: FlagEntityType, entityId: EntryId, reason: z.string(), createdAt: z.string() });
export type FlagView = z.infer<typeof FlagView>;

/** Services needing a check: not verified for 12 months, or with an open flag; scoped to the reader. */
export const ReviewQuery = PageQuery.extend({ locale: Locale.optional() });
export const ReviewItemView = z.object({
  id: EntryId,
  name: z.string(),
  organizationName: z.string(),
  lastVerified: z.string().nullable(),
  stale: z.boolean(),
  openFlags: z.number().int(),
  /** What the open flags say is wrong, oldest first. */
  flagReasons: z.array(z.string()),
});
export type ReviewItemView = z.infer<typeof ReviewItemView>;
export const ReviewList = listEnvelope(ReviewItemView);
export type ReviewList = z.infer<typeof ReviewList>;

/** An organization of the directory the reader may add services to (the access policy decides). */
export const EditableOrganizationView = z.object({
  id: EntryId,
  name: z.string(),
  /** The territory a new service of it gets unless the editor picks another they reach. */
  territoryId: EntryId.nullable(),
});
export type EditableOrganizationView = z.infer<typeof EditableOrganizationView>;
export const EditableOrganizationList = listEnvelope(EditableOrganizationView);
export type EditableOrganizationList = z.infer<typeof EditableOrganizationList>;

export const TaxonomyTermView = TaxonomyTermRef.extend({ parentId: EntryId.nullable(), description: z.string() });
export type TaxonomyTermView = z.infer<typeof TaxonomyTermView>;
export const TaxonomyTermList = listEnvelope(TaxonomyTermView);
export const LocaleQuery = z.object({ locale: Locale.optional() });

export const MapPointsQuery = DirectorySearchQuery.omit({ cursor: true, limit: true, sort: true });
/** Every matching service location as `[serviceId, latitude, longitude]`: compact, for clustering. */
export const MapPointsView = z.object({ points: z.array(z.tuple([EntryId, z.number(), z.number()])) });
export type MapPointsView = z.infer<typeof MapPointsView>;

export const OpportunityKind = z.enum(['value_chain', 'investment', 'income_generating']);
export type OpportunityKind = z.infer<typeof OpportunityKind>;
export const OpportunityQuery = PageQuery.extend({
  q: SearchText.optional(),
  locale: Locale.optional(),
  territoryId: EntryId.optional(),
  kind: OpportunityKind.optional(),
  /** ISIC Rev.4 section letter or the leading digits of a division, group or class. */
  isic: z.string().regex(/^([A-U]|\d{2,4})$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type OpportunityQuery = z.infer<typeof OpportunityQuery>;
export const OpportunityView = z.object({
  id: EntryId,
  kind: OpportunityKind,
  isicCode: z.string(),
  title: z.string(),
  description: z.string(),
  territoryId: EntryId,
  territoryName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Whether the reader may edit or delete it (directory:edit in its territory or organization), decided by the server. */
  canEdit: z.boolean(),
});
export type OpportunityView = z.infer<typeof OpportunityView>;
export const OpportunityList = listEnvelope(OpportunityView);

export const HsdsImportMode = z.enum(['all_or_nothing', 'valid_rows']);
export type HsdsImportMode = z.infer<typeof HsdsImportMode>;
/**
 * An HSDS import: either the CSV files of a datapackage by file name (`services.csv`, …) or the
 * JSON form (an array of fully nested services under `services`). Imported services are placed in
 * `territoryCode` when given.
 */
export const HsdsImportBody = z
  .object({
    mode: HsdsImportMode.default('all_or_nothing'),
    territoryId: EntryId.optional(),
    files: z.record(z.string().regex(/^([a-z_]+\.csv|datapackage\.json)$/), z.string()).optional(),
    json: z.object({ services: z.array(z.record(z.string(), z.unknown())) }).optional(),
  })
  .strict()
  .refine((body) => Boolean(body.files) !== Boolean(body.json), { message: 'either files or json', path: ['files'] });
export type HsdsImportBody = z.infer<typeof HsdsImportBody>;

export const HsdsImportProblem = z.object({
  table: z.string(),
  /** 1-based data row (the header is not counted); 0 for a problem with the whole file. */
  row: z.number().int(),
  field: z.string().nullable(),
  reason: z.string(),
});
export type HsdsImportProblem = z.infer<typeof HsdsImportProblem>;
export const HsdsImportReport = z.object({
  mode: HsdsImportMode,
  imported: z.record(z.string(), z.number().int()),
  rejected: z.number().int(),
  problems: z.array(HsdsImportProblem),
});
export type HsdsImportReport = z.infer<typeof HsdsImportReport>;
export const HsdsExportView = z.object({ files: z.record(z.string(), z.string()) });

/** "Referred to this service": a service linked to a case, and whether the person got it. */
export const CaseServiceReferralOutcome = z.enum(['pending', 'received', 'not_received']);
export type CaseServiceReferralOutcome = z.infer<typeof CaseServiceReferralOutcome>;
export const CaseServiceReferralCreateBody = z.object({ caseId: EntryId, note: z.string().trim().max(1000).optional() }).strict();
export type CaseServiceReferralCreateBody = z.infer<typeof CaseServiceReferralCreateBody>;
export const CaseServiceReferralUpdateBody = z.object({ outcome: CaseServiceReferralOutcome }).strict();
export const CaseServiceReferralQuery = z.object({ caseId: EntryId, locale: Locale.optional() });
export const CaseServiceReferralView = z.object({
  id: EntryId,
  caseId: EntryId,
  serviceId: EntryId,
  serviceName: z.string(),
  organizationName: z.string(),
  note: z.string().nullable(),
  outcome: CaseServiceReferralOutcome,
  outcomeAt: z.string().nullable(),
  referredAt: z.string(),
});
export type CaseServiceReferralView = z.infer<typeof CaseServiceReferralView>;
export const CaseServiceReferralList = listEnvelope(CaseServiceReferralView);
