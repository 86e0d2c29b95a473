import {
  CaseServiceReferralCreateBody,
  CaseServiceReferralList,
  CaseServiceReferralQuery,
  CaseServiceReferralUpdateBody,
  CaseServiceReferralView,
  DirectorySearchQuery,
  EditableOrganizationList,
  FlagCreateBody,
  FlagView,
  HsdsExportView,
  HsdsImportBody,
  HsdsImportReport,
  EntryIdParams,
  LocaleQuery,
  LocationChangedView,
  LocationCreateBody,
  LocationUpdateBody,
  MapPointsQuery,
  MapPointsView,
  ReviewList,
  ReviewQuery,
  ServiceCreateBody,
  ServiceDetailView,
  ServiceSearchResult,
  ServiceUpdateBody,
  TaxonomyTermList,
} from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { requestLocale } from '../../platform/i18n/locale.js';
import { zipFiles } from '../../platform/zip/zip.js';
import type { DirectoryService } from './directory.service.js';
import type { CaseReferralsService } from './case-referrals.service.js';
import type { HsdsTransferService } from './hsds/hsds-transfer.service.js';

/** Uploads of HSDS data: large enough for a regional directory, refused with 413 beyond. */
export const IMPORT_BODY_LIMIT = 100 * 1024 * 1024;

export const directoryRoutes: FastifyPluginAsyncZod<{ directory: DirectoryService; transfer: HsdsTransferService; caseReferrals: CaseReferralsService }> = async (
  app,
  { directory, transfer, caseReferrals },
) => {
  const tags = ['directory'];
  app.get(
    '/services',
    { schema: { tags, summary: 'Search services: text in the reader’s language, filters, distance', querystring: DirectorySearchQuery, response: { 200: ServiceSearchResult } } },
    (request) => directory.search(request.query, requestLocale(request, request.query.locale)),
  );
  app.get(
    '/map-points',
    { schema: { tags, summary: 'Coordinates of every matching service, for the map', querystring: MapPointsQuery, response: { 200: MapPointsView } } },
    (request) => directory.mapPoints({ ...request.query, limit: 1 }, requestLocale(request, request.query.locale)),
  );
  app.get(
    '/services/:id',
    { schema: { tags, summary: 'One service, everything its page shows', params: EntryIdParams, querystring: LocaleQuery, response: { 200: ServiceDetailView } } },
    (request) => directory.get(request.actor, request.params.id, requestLocale(request, request.query.locale)),
  );
  app.post(
    '/services',
    { config: { permission: 'directory:edit' }, schema: { tags, summary: 'Add a service to an organization', body: ServiceCreateBody, response: { 201: ServiceDetailView } } },
    async (request, reply) => {
      const id = await directory.create(request.actor, request.body, clientOf(request));
      return reply.status(201).send(await directory.get(request.actor, id, request.body.locale));
    },
  );
  app.patch(
    '/services/:id',
    { config: { permission: 'directory:edit' }, schema: { tags, summary: 'Change a service (texts in one language), or mark it verified', params: EntryIdParams, body: ServiceUpdateBody, response: { 200: ServiceDetailView } } },
    (request) => directory.update(request.actor, request.params.id, request.body, clientOf(request)),
  );
  app.post(
    '/services/:id/locations',
    { config: { permission: 'directory:edit' }, schema: { tags, summary: 'Add a location (address, coordinates) to a service', params: EntryIdParams, body: LocationCreateBody, response: { 201: LocationChangedView } } },
    async (request, reply) => reply.status(201).send(await directory.createLocation(request.actor, request.params.id, request.body, clientOf(request))),
  );
  app.get(
    '/editable-organizations',
    { config: { permission: 'directory:edit' }, schema: { tags, summary: 'The organizations the reader may add services to', querystring: LocaleQuery, response: { 200: EditableOrganizationList } } },
    (request) => directory.editableOrganizations(request.actor, requestLocale(request, request.query.locale)),
  );
  app.patch(
    '/locations/:id',
    { config: { permission: 'directory:edit' }, schema: { tags, summary: 'Change a location', params: EntryIdParams, body: LocationUpdateBody, response: { 200: LocationChangedView } } },
    (request) => directory.updateLocation(request.actor, request.params.id, request.body, clientOf(request)),
  );
  app.delete(
    '/locations/:id',
    {
      config: { permission: 'directory:edit' },
      schema: { tags, summary: 'Remove a location from the directory, with its links to services (the audit trail keeps what it held)', params: EntryIdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await directory.deleteLocation(request.actor, request.params.id, clientOf(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/flags',
    { config: { permission: 'directory:flag' }, schema: { tags, summary: 'Flag an entry as wrong or outdated', body: FlagCreateBody, response: { 201: FlagView } } },
    async (request, reply) => reply.status(201).send(await directory.flag(request.actor, request.body, clientOf(request))),
  );
  app.get(
    '/review',
    { config: { permission: 'directory:review' }, schema: { tags, summary: 'Services to check: unverified for 12 months, or flagged', querystring: ReviewQuery, response: { 200: ReviewList } } },
    (request) => directory.review(request.actor, request.query, requestLocale(request, request.query.locale)),
  );
  app.get(
    '/taxonomy-terms',
    { schema: { tags, summary: 'The directory taxonomy, in the reader’s language', querystring: LocaleQuery, response: { 200: TaxonomyTermList } } },
    (request) => directory.taxonomy(requestLocale(request, request.query.locale)),
  );
  app.post(
    '/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { permission: 'directory:import' },
      schema: { tags, summary: 'Import HSDS data (CSV datapackage files or JSON): all or nothing, or the valid rows', body: HsdsImportBody, response: { 200: HsdsImportReport } },
    },
    (request) => transfer.importForActor(request.actor, request.body, clientOf(request)),
  );
  app.post(
    '/services/:id/case-referrals',
    { config: { permission: 'cases:update' }, schema: { tags, summary: 'Refer a case to this service ("referred to this service")', params: EntryIdParams, querystring: LocaleQuery, body: CaseServiceReferralCreateBody, response: { 201: CaseServiceReferralView } } },
    async (request, reply) =>
      reply.status(201).send(await caseReferrals.create(request.actor, request.params.id, request.body, requestLocale(request, request.query.locale), clientOf(request))),
  );
  app.patch(
    '/case-referrals/:id',
    { config: { permission: 'cases:update' }, schema: { tags, summary: 'Record whether the person got the service', params: EntryIdParams, querystring: LocaleQuery, body: CaseServiceReferralUpdateBody, response: { 200: CaseServiceReferralView } } },
    (request) => caseReferrals.setOutcome(request.actor, request.params.id, request.body.outcome, requestLocale(request, request.query.locale), clientOf(request)),
  );
  app.get(
    '/case-referrals',
    { config: { permission: 'cases:read' }, schema: { tags, summary: 'The services a case was referred to (read audited)', querystring: CaseServiceReferralQuery, response: { 200: CaseServiceReferralList } } },
    (request) => caseReferrals.list(request.actor, request.query.caseId, requestLocale(request, request.query.locale), clientOf(request)),
  );
  app.get(
    '/exports',
    { config: { permission: 'directory:import' }, schema: { tags, summary: 'Export the directory as HSDS CSV files with datapackage.json', response: { 200: HsdsExportView } } },
    (request) => transfer.exportForActor(request.actor, clientOf(request)),
  );
  app.get(
    '/exports/datapackage.zip',
    {
      config: { permission: 'directory:import' },
      schema: { tags, summary: 'The same export as one zip file (the HSDS datapackage: CSV files and datapackage.json)', produces: ['application/zip'] },
    },
    async (request, reply) => {
      const { files } = await transfer.exportForActor(request.actor, clientOf(request));
      return reply
        .type('application/zip')
        .header('content-disposition', 'attachment; filename="hsds-datapackage.zip"')
        .header('cache-control', 'no-store')
        .send(await zipFiles(files));
    },
  );
};
