import { z } from 'zod';
import { Id, PageQuery, listEnvelope } from './common.js';
import { Email } from './auth.js';
import { Role } from './permissions.js';

export const ORGANISATION_TYPES = [
  'local_authority', 'help_desk', 'bank', 'credit_union', 'microfinance', 'mutual', 'money_transfer_operator',
  'employer', 'public_employment_service', 'ngo', 'migrant_association', 'chamber_of_commerce', 'training_centre',
  'university', 'trade_union', 'national_agency',
] as const;
export const OrganisationType = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof OrganisationType>;

const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as "fr"');

export const OrganisationView = z.object({
  id: Id,
  type: OrganisationType,
  name: z.string(),
  hostOrganisationId: Id.nullable(),
  homeTerritoryId: Id,
  servedTerritoryIds: z.array(Id),
  languages: z.array(z.string()),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  requireMfa: z.boolean(),
});
export type OrganisationView = z.infer<typeof OrganisationView>;
export const OrganisationList = listEnvelope(OrganisationView);

export const OrganisationListQuery = PageQuery.extend({
  type: OrganisationType.optional(),
  territoryId: Id.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

/** What may change after creation; no defaults here, so a partial update touches only what it names. */
const OrganisationEditableFields = z.object({
  name: z.string().trim().min(1).max(200),
  hostOrganisationId: Id.nullable(),
  servedTerritoryIds: z.array(Id).max(200),
  languages: z.array(LanguageCode).max(20),
  email: Email.nullable(),
  phone: z.string().trim().max(40).regex(/^\+?[0-9 ()-]{4,}$/, 'digits, spaces and + ( ) -').nullable(),
  website: z.url({ protocol: /^https?$/ }).max(300).nullable(),
  requireMfa: z.boolean(),
});

export const OrganisationCreateBody = OrganisationEditableFields.extend({
  type: OrganisationType,
  homeTerritoryId: Id,
  hostOrganisationId: OrganisationEditableFields.shape.hostOrganisationId.optional(),
  servedTerritoryIds: OrganisationEditableFields.shape.servedTerritoryIds.default([]),
  languages: OrganisationEditableFields.shape.languages.default([]),
  email: OrganisationEditableFields.shape.email.optional(),
  phone: OrganisationEditableFields.shape.phone.optional(),
  website: OrganisationEditableFields.shape.website.optional(),
  requireMfa: OrganisationEditableFields.shape.requireMfa.default(false),
});
export type OrganisationCreateBody = z.infer<typeof OrganisationCreateBody>;

export const OrganisationUpdateBody = OrganisationEditableFields.partial().refine(
  (body) => Object.keys(body).length > 0,
  { message: 'nothing to change' },
);
export type OrganisationUpdateBody = z.infer<typeof OrganisationUpdateBody>;

export const MemberView = z.object({
  userId: Id,
  displayName: z.string(),
  email: z.string(),
  role: Role,
});
export const MemberList = listEnvelope(MemberView);

export const PARTNERSHIP_KINDS = ['decentralised_cooperation', 'desk_network', 'convention', 'other'] as const;
export const PartnershipKind = z.enum(PARTNERSHIP_KINDS);

const IsoDate = z.iso.date();

export const PartnerView = z.object({
  organisationId: Id.nullable(),
  territoryId: Id.nullable(),
  name: z.string(),
  role: z.string(),
});
export const PartnershipView = z.object({
  id: Id,
  kind: PartnershipKind,
  name: z.string(),
  description: z.string().nullable(),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  partners: z.array(PartnerView),
});
export type PartnershipView = z.infer<typeof PartnershipView>;
export const PartnershipList = listEnvelope(PartnershipView);

export const PartnershipCreateBody = z
  .object({
    kind: PartnershipKind,
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).nullable().optional(),
    startsOn: IsoDate.nullable().optional(),
    endsOn: IsoDate.nullable().optional(),
    partners: z
      .array(
        z
          .object({ organisationId: Id.optional(), territoryId: Id.optional(), role: z.string().trim().min(1).max(200) })
          .refine((p) => Boolean(p.organisationId) !== Boolean(p.territoryId), {
            message: 'give either an organisation or a territory',
          }),
      )
      .min(2)
      .max(100),
  })
  .refine((body) => !body.startsOn || !body.endsOn || body.endsOn >= body.startsOn, {
    message: 'ends before it starts',
    path: ['endsOn'],
  });
export type PartnershipCreateBody = z.infer<typeof PartnershipCreateBody>;

/** The roles a member holds in one organisation; an empty list is not allowed (remove the member instead). */
export const MemberRolesBody = z.object({ roles: z.array(Role).min(1).max(5) });
export type MemberRolesBody = z.infer<typeof MemberRolesBody>;
export const MemberParams = z.object({ id: Id, userId: Id });
export const MemberRolesView = z.object({ userId: Id, roles: z.array(Role) });
