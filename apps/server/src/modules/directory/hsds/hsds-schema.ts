import datapackageJson from './datapackage.json' with { type: 'json' };

/**
 * The HSDS 3.0 tabular schema (Open Referral's datapackage.json, CC BY-SA 4.0, copied unchanged
 * beside this file) and Glocal's profile, in the same Frictionless form. Import validation, export,
 * the HSDS API's JSON and its response schemas are all driven from these definitions.
 */
export type FieldDef = {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'time' | 'array';
  format?: string;
  description?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string };
};
export type ResourceDef = {
  name: string;
  path: string;
  description?: string;
  schema: {
    fields: FieldDef[];
    primaryKey?: string | string[];
    foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
  };
};
export type DataPackage = { name: string; title?: string; profile?: string; version?: string; resources: ResourceDef[] };

export const HSDS_DATAPACKAGE = datapackageJson as unknown as DataPackage;
export const HSDS_VERSION = '3.0';

/** Creation order: every table after those it references. */
export const CORE_ORDER = [
  'organization', 'program', 'service', 'location', 'service_at_location', 'contact', 'phone', 'address', 'schedule',
  'funding', 'service_area', 'required_document', 'language', 'accessibility', 'taxonomy', 'taxonomy_term', 'attribute',
  'metadata', 'meta_table_description', 'cost_option', 'organization_identifier',
] as const;
export type CoreTable = (typeof CORE_ORDER)[number];

/** Text columns kept per locale in `hsds_<table>_translation` (the base row holds the source language). */
export const TRANSLATABLE: Partial<Record<CoreTable, string[]>> = {
  organization: ['name', 'alternate_name', 'description'],
  program: ['name', 'alternate_name', 'description'],
  service: ['name', 'alternate_name', 'description', 'interpretation_services', 'application_process', 'fees_description', 'eligibility_description', 'alert'],
  location: ['name', 'alternate_name', 'description', 'transportation'],
  service_at_location: ['description'],
  schedule: ['description', 'notes'],
  service_area: ['name', 'description'],
  required_document: ['document'],
  accessibility: ['description', 'details'],
  taxonomy: ['name', 'description'],
  taxonomy_term: ['name', 'description'],
  cost_option: ['option', 'amount_description'],
};

export const PROFILE_URI_PATH = '/api/hsds/v3/profile';

const uuid = (name: string, required = false): FieldDef => ({ name, type: 'string', format: 'uuid', constraints: { required } });
const TERRITORY_CODE_PATTERN = '^[A-Z]{2}(-[A-Z0-9]{1,3}){0,2}$';
const LOCALE_FIELD: FieldDef = { name: 'locale', type: 'string', constraints: { required: true, enum: ['en', 'fr', 'es', 'it', 'ar'] } };

/** Glocal's profile: resources added to the package (HSDS's own tables keep exactly their fields). */
export const PROFILE_RESOURCES: ResourceDef[] = [
  {
    name: 'service_profile',
    path: 'glocal_service_profiles.csv',
    description: 'Glocal profile: one row per service with its territory, verification and business-finance terms.',
    schema: {
      primaryKey: 'service_id',
      fields: [
        { ...uuid('service_id', true), constraints: { required: true, unique: true } },
        { name: 'territory_code', type: 'string', description: 'ISO 3166 code of the territory the service is in (ISO 3166-2 for regions).', constraints: { pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3}){0,2}$' } },
        { name: 'source_locale', type: 'string', description: 'Language of the text in services.csv.', constraints: { enum: ['en', 'fr', 'es', 'it', 'ar'] } },
        { name: 'last_verified', type: 'date', description: 'When the entry was last checked with its provider.' },
        { name: 'diaspora_eligible', type: 'boolean', description: 'Open to members of the diaspora living abroad.' },
        { name: 'returnee_eligible', type: 'boolean', description: 'Open to returnees.' },
        { name: 'loan_min', type: 'number', description: 'Smallest loan, a decimal in loan_currency.' },
        { name: 'loan_max', type: 'number', description: 'Largest loan, a decimal in loan_currency.' },
        { name: 'loan_currency', type: 'string', description: 'ISO 4217 code.', constraints: { pattern: '^[A-Z]{3}$' } },
        { name: 'collateral_required', type: 'boolean', description: 'Whether a guarantee or collateral is required.' },
        { name: 'interest_min', type: 'number', description: 'Lowest yearly interest rate, percent.' },
        { name: 'interest_max', type: 'number', description: 'Highest yearly interest rate, percent.' },
        { name: 'target_groups', type: 'string', description: 'Space-separated codes: women youth diaspora returnees refugees entrepreneurs farmers students.', constraints: { pattern: '^((women|youth|diaspora|returnees|refugees|entrepreneurs|farmers|students)( (women|youth|diaspora|returnees|refugees|entrepreneurs|farmers|students))*)?$' } },
        { name: 'staff_languages', type: 'string', description: 'Space-separated ISO 639-1 codes of the languages the staff speak.', constraints: { pattern: '^([a-z]{2}( [a-z]{2})*)?$' } },
      ],
      foreignKeys: [{ fields: 'service_id', reference: { resource: 'service', fields: 'id' } }],
    },
  },
  {
    name: 'organization_profile',
    path: 'glocal_organization_profiles.csv',
    description: 'Glocal profile: the territory of each organization and the language of its text.',
    schema: {
      primaryKey: 'organization_id',
      fields: [
        { ...uuid('organization_id', true), constraints: { required: true, unique: true } },
        { name: 'territory_code', type: 'string', constraints: { pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3}){0,2}$' } },
        { name: 'source_locale', type: 'string', constraints: { enum: ['en', 'fr', 'es', 'it', 'ar'] } },
      ],
      foreignKeys: [{ fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } }],
    },
  },
  {
    name: 'opportunity',
    path: 'glocal_opportunities.csv',
    description: 'Glocal profile: economic opportunities of a territory (sectors and value chains, investment opportunities, income-generating activities), with their ISIC Rev.4 sector.',
    schema: {
      primaryKey: 'id',
      fields: [
        { ...uuid('id', true), constraints: { required: true, unique: true } },
        { name: 'territory_code', type: 'string', description: 'ISO 3166 code of the territory (ISO 3166-2 for regions).', constraints: { required: true, pattern: TERRITORY_CODE_PATTERN } },
        { name: 'kind', type: 'string', constraints: { required: true, enum: ['value_chain', 'investment', 'income_generating'] } },
        { name: 'isic_code', type: 'string', description: 'ISIC Rev.4: a section letter, or a division (2 digits), group (3) or class (4).', constraints: { required: true, pattern: '^([A-U]|[0-9]{2,4})$' } },
        { name: 'title', type: 'string', description: 'In source_locale.', constraints: { required: true } },
        { name: 'description', type: 'string', description: 'In source_locale.', constraints: { required: true } },
        { name: 'contact_name', type: 'string' },
        { name: 'contact_email', type: 'string', format: 'email' },
        { name: 'contact_phone', type: 'string' },
        { ...uuid('organization_id'), description: 'The organization offering it, if any.' },
        { name: 'source_locale', type: 'string', description: 'Language of title and description.', constraints: { enum: ['en', 'fr', 'es', 'it', 'ar'] } },
      ],
      foreignKeys: [{ fields: 'organization_id', reference: { resource: 'organization', fields: 'id' } }],
    },
  },
  {
    name: 'opportunity_translation',
    path: 'glocal_opportunity_translations.csv',
    description: 'Glocal profile: opportunity text in other languages, one row per opportunity and locale.',
    schema: {
      primaryKey: ['opportunity_id', 'locale'],
      fields: [uuid('opportunity_id', true), LOCALE_FIELD, { name: 'title', type: 'string' }, { name: 'description', type: 'string' }],
      foreignKeys: [{ fields: 'opportunity_id', reference: { resource: 'opportunity', fields: 'id' } }],
    },
  },
  ...Object.entries(TRANSLATABLE).map(([table, columns]): ResourceDef => ({
    name: `${table}_translation`,
    path: `glocal_${table}_translations.csv`,
    description: `Glocal profile: ${table} text in other languages, one row per ${table} and locale.`,
    schema: {
      primaryKey: [`${table}_id`, 'locale'],
      fields: [uuid(`${table}_id`, true), LOCALE_FIELD, ...columns!.map((name): FieldDef => ({ name, type: 'string' }))],
      foreignKeys: [{ fields: `${table}_id`, reference: { resource: table, fields: 'id' } }],
    },
  })),
];

/** The package an export writes: HSDS's resources unchanged, then the profile's. */
export const GLOCAL_DATAPACKAGE: DataPackage = {
  ...HSDS_DATAPACKAGE,
  name: 'glocal-hsds',
  title: 'Glocal services directory (HSDS 3.0 with the Glocal profile)',
  resources: [...HSDS_DATAPACKAGE.resources, ...PROFILE_RESOURCES],
};

export const resourceByName = new Map(GLOCAL_DATAPACKAGE.resources.map((resource) => [resource.name, resource]));
export const resourceByPath = new Map(GLOCAL_DATAPACKAGE.resources.map((resource) => [resource.path, resource]));

export function resource(name: string): ResourceDef {
  const found = resourceByName.get(name);
  if (!found) throw new Error(`no HSDS resource ${name}`);
  return found;
}

/** HSDS `address_1` is our column `address1`: Kysely's camel-case mapping cannot round-trip digits after `_`. */
export const dbColumn = (field: string) => field.replace(/_(\d)/g, '$1');
export const coreTable = (name: string) => `hsds_${name}`;
/** The tables of the profile's own records (not HSDS's), by resource name. */
const GLOCAL_TABLES: Record<string, string> = { opportunity: 'directory_opportunity' };
/** The table a resource with its own ids is stored in (its translations in `<table>_translation`). */
export const tableOf = (name: string) => GLOCAL_TABLES[name] ?? coreTable(name);

/** The profile document `/api/hsds/v3/` links to. */
export function profileDocument(publicUrl: string) {
  return {
    name: 'glocal',
    title: 'Glocal profile of HSDS 3.0: migration and local development services',
    version: '1.0',
    hsds_version: HSDS_VERSION,
    uri: `${publicUrl.replace(/\/$/, '')}${PROFILE_URI_PATH}`,
    description:
      "HSDS 3.0 unchanged, plus resources for business-finance terms (diaspora and returnee eligibility, loan size range and currency, collateral, interest range, staff languages, target groups), each entry's territory and last verification, the territories' economic opportunities (ISIC Rev.4 sector, kind, contact), and translations of text fields into en, fr, es, it and ar. Taxonomy: Glocal migration and local development services (codes FIN, BDS, EMP, TRN, LEG, SOC, MIG), each term mapped to an Open Eligibility category in its `taxonomy` field.",
    // HSDS's own resources are left as they are; the profile only adds these to datapackage.json.
    added_resources: PROFILE_RESOURCES,
  };
}
