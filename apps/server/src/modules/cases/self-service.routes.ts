import {
  CaseDocumentList,
  CaseDocumentView,
  CaseMessageBody,
  CaseMessageList,
  CaseMessageView,
  ConsentList,
  ConsentView,
  DocumentUploadQuery,
  MyErasureState,
  MyErasureView,
  MyRequestConsentParams,
  MyRequestDocumentParams,
  MyRequestLinkBody,
  MyRequestList,
  MyRequestParams,
  MyRequestView,
  ReceiptQuery,
} from '@glocal/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { acceptUploads, sendDocument, uploadReader } from './documents.routes.js';
import type { SelfServiceService } from './self-service.service.js';

/** Under `/api/v1/me/requests`: the signed-in person's own requests. No staff permission opens these. */
export const myRequestsRoutes: FastifyPluginAsyncZod<{ selfService: SelfServiceService; maxBytes: number }> = async (app, { selfService, maxBytes }) => {
  await acceptUploads(app, maxBytes);
  const tags = ['my requests'];
  const config = { signedIn: true };
  const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  app.post(
    '/link',
    {
      config,
      schema: {
        tags,
        summary: "Link this account to a request by its reference (the account's verified e-mail must be the one given at intake); throttled",
        body: MyRequestLinkBody,
        response: { 200: MyRequestList },
      },
    },
    (request) => selfService.link(request.actor, request.body.reference, clientOf(request)),
  );
  app.get('/', { config, schema: { tags, summary: 'My requests: status, stage, history', response: { 200: MyRequestList } } }, (request) =>
    selfService.list(request.actor, clientOf(request)),
  );
  app.get(
    '/export.json',
    { config, schema: { tags, summary: 'All my data, as JSON', response: { 200: z.record(z.string(), z.unknown()) } } },
    async (request, reply) => {
      const data = await selfService.exportJson(request.actor, clientOf(request));
      return reply.header('content-disposition', 'attachment; filename="my-data.json"').header('cache-control', 'no-store').send(data);
    },
  );
  app.get(
    '/export.html',
    { config, schema: { tags, summary: 'All my data, as a readable page', querystring: ReceiptQuery, response: { 200: z.string() } } },
    async (request, reply) => html(reply, await selfService.exportHtml(request.actor, request.query.locale, clientOf(request))),
  );
  app.get('/erasure', { config, schema: { tags, summary: 'My latest erasure request', response: { 200: MyErasureState } } }, (request) =>
    selfService.erasureState(request.actor),
  );
  app.post('/erasure', { config, schema: { tags, summary: 'Ask for my data to be erased', response: { 201: MyErasureView } } }, async (request, reply) =>
    reply.status(201).send(await selfService.requestErasure(request.actor, clientOf(request))),
  );
  app.get('/:caseId', { config, schema: { tags, summary: 'One of my requests', params: MyRequestParams, response: { 200: MyRequestView } } }, (request) =>
    selfService.get(request.actor, request.params.caseId, clientOf(request)),
  );
  app.get(
    '/:caseId/messages',
    { config, schema: { tags, summary: 'Messages with my coach', params: MyRequestParams, response: { 200: CaseMessageList } } },
    (request) => selfService.messages(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/messages',
    { config, schema: { tags, summary: 'Write to my coach', params: MyRequestParams, body: CaseMessageBody, response: { 201: CaseMessageView } } },
    async (request, reply) => reply.status(201).send(await selfService.writeMessage(request.actor, request.params.caseId, request.body.body, clientOf(request))),
  );
  app.get(
    '/:caseId/documents',
    { config, schema: { tags, summary: 'Documents of my request', params: MyRequestParams, response: { 200: CaseDocumentList } } },
    (request) => selfService.documents(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/documents',
    {
      config,
      schema: {
        tags,
        summary: 'Send a document to my coach (PDF, PNG, JPEG, WebP; multipart, one part named `file`)',
        consumes: ['multipart/form-data'],
        params: MyRequestParams,
        querystring: DocumentUploadQuery,
        response: { 201: CaseDocumentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await selfService.upload(request.actor, request.params.caseId, request.query.kind, uploadReader(request, maxBytes), clientOf(request))),
  );
  app.get(
    '/:caseId/documents/:documentId/content',
    { config, schema: { tags, summary: 'Download one of my documents', params: MyRequestDocumentParams } },
    async (request, reply) => sendDocument(reply, await selfService.download(request.actor, request.params.caseId, request.params.documentId, clientOf(request))),
  );
  app.get(
    '/:caseId/consents',
    { config, schema: { tags, summary: 'My consents for this request', params: MyRequestParams, response: { 200: ConsentList } } },
    (request) => selfService.consents(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/consents/:consentId/withdraw',
    { config, schema: { tags, summary: 'Withdraw a consent: the partner desk loses access at once', params: MyRequestConsentParams, response: { 200: ConsentView } } },
    (request) => selfService.withdrawConsent(request.actor, request.params.caseId, request.params.consentId, clientOf(request)),
  );
  app.get(
    '/:caseId/consents/:consentId/receipt',
    { config, schema: { tags, summary: 'A printable receipt of one of my consents', params: MyRequestConsentParams, querystring: ReceiptQuery, response: { 200: z.string() } } },
    async (request, reply) =>
      html(reply, await selfService.receipt(request.actor, request.params.caseId, request.params.consentId, request.query.locale, clientOf(request))),
  );
};
