import { CaseIdParams, CaseMessageBody, CaseMessageList, CaseMessageView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { MessagesService } from './messages.service.js';

/** Under `/api/v1/cases`: the thread between the person and the lead desk. */
export const caseMessagesRoutes: FastifyPluginAsyncZod<{ messages: MessagesService }> = async (app, { messages }) => {
  const tags = ['messages'];
  app.get(
    '/:caseId/messages',
    { config: { permission: 'cases:read' }, schema: { tags, summary: 'The message thread with the person (audited read)', params: CaseIdParams, response: { 200: CaseMessageList } } },
    (request) => messages.list(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/messages',
    {
      config: { permission: 'cases:update' },
      schema: { tags, summary: 'Write to the person (they get an e-mail with a link, not the text)', params: CaseIdParams, body: CaseMessageBody, response: { 201: CaseMessageView } },
    },
    async (request, reply) => reply.status(201).send(await messages.post(request.actor, request.params.caseId, request.body.body, clientOf(request))),
  );
};
