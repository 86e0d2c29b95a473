import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../../platform/errors/app-error.js';
import { requestLocale } from '../../../platform/i18n/locale.js';
import type { HsdsApiService, HsdsPage, HsdsStream } from './hsds-api.service.js';
import openapi from './openapi.json' with { type: 'json' };
import { profileDocument } from './hsds-schema.js';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true').optional();
/** Text parameters: anything but NUL, which no PostgreSQL text holds (a 400 here, not a 500 from the query). */
const text = (max: number) => z.string().trim().max(max).refine((value) => !value.includes('\u0000'), { message: 'NUL character' }).optional();
/** The query parameters of HSDS's openapi.json, checked like every other input. */
const HsdsQuery = z.object({
  search: text(200),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(['json', 'ndjson']).default('json'),
  taxonomy_term_id: text(100),
  taxonomy_id: text(100),
  organization_id: text(100),
  // Year 0 is well formed but no date PostgreSQL knows: refused here rather than failing in the query.
  modified_after: z.iso.datetime({ offset: true }).or(z.iso.date()).refine((value) => !value.startsWith('0000'), { message: 'year 0 does not exist' }).optional(),
  minimal: flag,
  full: flag,
  full_service: flag,
  postcode: text(20),
  proximity: z.string().regex(/^\d{1,8}(\.\d+)?$/).optional(),
  top_only: flag,
  parent_id: text(100),
});
const IdParam = z.object({ id: z.string().max(100) });
const FullServiceQuery = z.object({ full_service: flag });
const HsdsObject = z.looseObject({});
const HsdsPageView = z.looseObject({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(HsdsObject),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** HSDS ids are UUIDs here: anything else cannot name a record. */
const checkId = (id: string) => {
  if (!UUID.test(id)) throw new NotFoundError('not_found', { id });
  return id.toLowerCase();
};

/** `format=ndjson`: every result, one JSON object a line, no pages; streamed as it is read when the list may be long. */
function send(reply: FastifyReply, format: 'json' | 'ndjson', result: HsdsPage | HsdsStream) {
  const ndjson = () => reply.type('application/x-ndjson').serializer((payload: unknown) => payload as string);
  if ('stream' in result) {
    return ndjson().send(Readable.from((async function* () {
      for await (const item of result.stream) yield `${JSON.stringify(item)}\n`;
    })()));
  }
  if (format === 'json') return result;
  return ndjson().send(result.contents.map((item) => `${JSON.stringify(item)}\n`).join(''));
}

export const hsdsRoutes: FastifyPluginAsyncZod<{ hsds: HsdsApiService; publicUrl: string }> = async (app, { hsds, publicUrl }) => {
  const tags = ['hsds'];
  const listQuery = (query: z.infer<typeof HsdsQuery>) => ({ ...query, all: query.format === 'ndjson' });
  app.get('/', { schema: { tags, summary: 'HSDS API meta: version, profile, OpenAPI document', response: { 200: z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }) } } }, () => hsds.meta(publicUrl));
  app.get('/profile', { schema: { tags, summary: 'The Glocal profile of HSDS 3.0', response: { 200: HsdsObject } } }, () => profileDocument(publicUrl));
  app.get('/openapi.json', { schema: { tags, summary: 'The HSDS 3.0 API specification this API follows', response: { 200: HsdsObject } } }, () => ({
    ...openapi,
    info: { ...openapi.info, title: 'Glocal HSDS 3.0 API', version: '1.0', summary: 'Services directory in Open Referral HSDS 3.0', description: 'Public services directory data.', license: { name: 'CC BY-SA 4.0 (specification); data: see each deployment' } },
    servers: [{ url: `${publicUrl.replace(/\/$/, '')}/api/hsds/v3` }],
  }));
  app.get('/services', { schema: { tags, summary: 'Paginated services', querystring: HsdsQuery, response: { 200: HsdsPageView } } }, async (request, reply) =>
    send(reply, request.query.format, await hsds.listServices(listQuery(request.query), requestLocale(request))),
  );
  app.get('/services/:id', { schema: { tags, summary: 'A fully nested service', params: IdParam, response: { 200: HsdsObject } } }, (request) => hsds.getService(checkId(request.params.id)));
  app.get('/service_at_locations', { schema: { tags, summary: 'Paginated services at locations', querystring: HsdsQuery, response: { 200: HsdsPageView } } }, async (request, reply) =>
    send(reply, request.query.format, await hsds.listServiceAtLocations(listQuery(request.query), requestLocale(request))),
  );
  app.get('/service_at_locations/:id', { schema: { tags, summary: 'A fully nested service at a location', params: IdParam, response: { 200: HsdsObject } } }, (request) =>
    hsds.getServiceAtLocation(checkId(request.params.id)),
  );
  app.get('/organizations', { schema: { tags, summary: 'Paginated organizations', querystring: HsdsQuery, response: { 200: HsdsPageView } } }, async (request, reply) =>
    send(reply, request.query.format, await hsds.listOrganizations(listQuery(request.query))),
  );
  app.get('/organizations/:id', { schema: { tags, summary: 'A fully nested organization', params: IdParam, querystring: FullServiceQuery, response: { 200: HsdsObject } } }, (request) =>
    hsds.getOrganization(checkId(request.params.id), Boolean(request.query.full_service)),
  );
  app.get('/taxonomies', { schema: { tags, summary: 'Paginated taxonomies', querystring: HsdsQuery, response: { 200: HsdsPageView } } }, async (request, reply) =>
    send(reply, request.query.format, await hsds.listTaxonomies(listQuery(request.query))),
  );
  app.get('/taxonomies/:id', { schema: { tags, summary: 'A taxonomy', params: IdParam, response: { 200: HsdsObject } } }, (request) => hsds.getTaxonomy(checkId(request.params.id)));
  app.get('/taxonomy_terms', { schema: { tags, summary: 'Paginated taxonomy terms', querystring: HsdsQuery, response: { 200: HsdsPageView } } }, async (request, reply) =>
    send(reply, request.query.format, await hsds.listTaxonomyTerms(listQuery(request.query))),
  );
  app.get('/taxonomy_terms/:id', { schema: { tags, summary: 'A taxonomy term', params: IdParam, response: { 200: HsdsObject } } }, (request) => hsds.getTaxonomyTerm(checkId(request.params.id)));
};
