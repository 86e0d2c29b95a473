import { CaseNoteCreateBody, CaseNoteList, CaseNoteView, CaseParams } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { NotesService } from './notes.service.js';

/** `/api/v1/cases/:caseId/notes`: each desk's own notes on the case, encrypted at rest. */
export const caseNotesRoutes: FastifyPluginAsyncZod<{ notes: NotesService }> = async (app, { notes }) => {
  const tags = ['cases'];
  app.get(
    '/:caseId/notes',
    { config: { permission: 'cases:read' }, schema: { tags, summary: "My desk's notes on the case, newest first (read audited)", params: CaseParams, response: { 200: CaseNoteList } } },
    (request) => notes.list(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/notes',
    { config: { permission: 'cases:update' }, schema: { tags, summary: 'Write a note for my desk', params: CaseParams, body: CaseNoteCreateBody, response: { 201: CaseNoteView } } },
    async (request, reply) => reply.status(201).send(await notes.create(request.actor, request.params.caseId, request.body, clientOf(request))),
  );
};
