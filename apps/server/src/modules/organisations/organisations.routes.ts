import {
  IdParams,
  MemberList,
  MemberParams,
  MemberRolesBody,
  MemberRolesView,
  OrganisationCreateBody,
  OrganisationList,
  OrganisationListQuery,
  OrganisationUpdateBody,
  OrganisationView,
  PageQuery,
  PartnershipCreateBody,
  PartnershipList,
  PartnershipView,
  Id,
} from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { requestLocale } from '../../platform/i18n/locale.js';
import type { OrganisationsService } from './organisations.service.js';

export const organisationsRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationsService }> = async (app, { organisations }) => {
  const tags = ['organisations'];
  app.get(
    '/',
    { config: { permission: 'organisations:read' }, schema: { tags, summary: 'Organisations: desks, authorities, partners', querystring: OrganisationListQuery, response: { 200: OrganisationList } } },
    (request) => organisations.list(request.actor, request.query),
  );
  app.post(
    '/',
    { config: { permission: 'organisations:create' }, schema: { tags, summary: 'Register an organisation', body: OrganisationCreateBody, response: { 201: OrganisationView } } },
    async (request, reply) => reply.status(201).send(await organisations.create(request.actor, request.body, clientOf(request))),
  );
  app.get(
    '/:id',
    { config: { permission: 'organisations:read' }, schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: OrganisationView } } },
    (request) => organisations.get(request.actor, request.params.id),
  );
  app.patch(
    '/:id',
    { config: { permission: 'organisations:update' }, schema: { tags, summary: 'Change an organisation', params: IdParams, body: OrganisationUpdateBody, response: { 200: OrganisationView } } },
    (request) => organisations.update(request.actor, request.params.id, request.body, clientOf(request)),
  );
  app.get(
    '/:id/members',
    { config: { permission: 'members:read' }, schema: { tags, summary: 'Staff of an organisation and their roles', params: IdParams, response: { 200: MemberList } } },
    (request) => organisations.members(request.actor, request.params.id, clientOf(request)),
  );
  app.put(
    '/:id/members/:userId/roles',
    {
      config: { permission: 'members:invite' },
      schema: { tags, summary: "Set a member's roles in this organisation", params: MemberParams, body: MemberRolesBody, response: { 200: MemberRolesView } },
    },
    (request) => organisations.setMemberRoles(request.actor, request.params.id, request.params.userId, request.body.roles, clientOf(request)),
  );
  app.delete(
    '/:id/members/:userId',
    {
      config: { permission: 'members:invite' },
      schema: { tags, summary: 'Remove a member from this organisation', params: MemberParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await organisations.setMemberRoles(request.actor, request.params.id, request.params.userId, [], clientOf(request));
      return reply.status(204).send(null);
    },
  );
};

const PartnershipListQuery = PageQuery.extend({ organisationId: Id.optional(), locale: z.string().max(35).optional() });
const LocaleQuery = z.object({ locale: z.string().max(35).optional() });

export const partnershipsRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationsService }> = async (app, { organisations }) => {
  const tags = ['partnerships'];
  app.get(
    '/',
    { config: { permission: 'partnerships:read' }, schema: { tags, summary: 'Partnerships: desk networks, conventions, decentralised cooperation', querystring: PartnershipListQuery, response: { 200: PartnershipList } } },
    (request) => organisations.listPartnerships(request.actor, request.query, requestLocale(request, request.query.locale)),
  );
  app.post(
    '/',
    { config: { permission: 'partnerships:manage' }, schema: { tags, summary: 'Record a partnership', querystring: LocaleQuery, body: PartnershipCreateBody, response: { 201: PartnershipView } } },
    async (request, reply) =>
      reply.status(201).send(await organisations.createPartnership(request.actor, request.body, requestLocale(request, request.query.locale), clientOf(request))),
  );
  app.get(
    '/:id',
    { config: { permission: 'partnerships:read' }, schema: { tags, summary: 'One partnership and its partners', params: IdParams, querystring: LocaleQuery, response: { 200: PartnershipView } } },
    (request) => organisations.getPartnership(request.actor, request.params.id, requestLocale(request, request.query.locale)),
  );
};
