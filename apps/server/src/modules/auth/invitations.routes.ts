import {
  IdParams,
  InvitationAcceptBody,
  InvitationAcceptedView,
  InvitationCreateBody,
  InvitationList,
  InvitationLookupQuery,
  InvitationLookupView,
  InvitationSentView,
  InvitationView,
} from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { InvitationsService } from './invitations.service.js';

const tags = ['invitations'];

/** Under `/api/v1/organisations`: an organisation's administrators invite staff. */
export const organisationInvitationsRoutes: FastifyPluginAsyncZod<{ invitations: InvitationsService }> = async (app, { invitations }) => {
  app.post(
    '/:id/invitations',
    {
      config: { permission: 'members:invite' },
      schema: {
        tags,
        summary: 'Invite someone by e-mail to a staff role of this organisation',
        params: IdParams,
        body: InvitationCreateBody,
        response: { 201: InvitationSentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitations.create(request.actor, request.params.id, request.body, clientOf(request))),
  );
  app.get(
    '/:id/invitations',
    {
      config: { permission: 'members:invite' },
      schema: { tags, summary: 'Invitations not yet accepted or revoked', params: IdParams, response: { 200: InvitationList } },
    },
    (request) => invitations.listOpen(request.actor, request.params.id, clientOf(request)),
  );
};

/** Under `/api/v1/invitations`: managing one invitation, and the invitee's side (public, by token). */
export const invitationsRoutes: FastifyPluginAsyncZod<{ invitations: InvitationsService }> = async (app, { invitations }) => {
  app.post(
    '/:id/revoke',
    {
      config: { permission: 'members:invite' },
      schema: { tags, summary: 'Withdraw an invitation: its link stops working', params: IdParams, response: { 200: InvitationView } },
    },
    (request) => invitations.revoke(request.actor, request.params.id, clientOf(request)),
  );
  app.post(
    '/:id/resend',
    {
      config: { permission: 'members:invite' },
      schema: {
        tags,
        summary: 'Send an invitation again with a new link, valid seven more days',
        params: IdParams,
        response: { 200: InvitationSentView },
      },
    },
    (request) => invitations.resend(request.actor, request.params.id, clientOf(request)),
  );
  app.get(
    '/lookup',
    {
      schema: {
        tags,
        summary: 'What an invitation link offers: organisation, role, address',
        querystring: InvitationLookupQuery,
        response: { 200: InvitationLookupView },
      },
    },
    (request) => invitations.lookup(request.query.token),
  );
  app.post(
    '/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: creates the account and signs it in, or adds the role to the existing account',
        body: InvitationAcceptBody,
        response: { 200: InvitationAcceptedView },
      },
    },
    async (request, reply) => {
      const { view, sessionToken } = await invitations.accept(request.body, clientOf(request));
      if (sessionToken) reply.setSessionCookie(sessionToken);
      return view;
    },
  );
};
