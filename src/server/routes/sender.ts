/** The sender's API: sign-in (development provider), account, messages. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ClientInfo,
  CreateMessageRequest,
  CreateMessageResponse,
  DevSignInRequest,
  ErrorResponse,
  Id,
  MessageList,
  SignInResponse,
  UnlockResponse,
} from '../../shared/protocol/api';
import { AppError } from '../../shared/errors';
import type { DevIdentityProvider } from '../auth/dev-identity';
import { requireSender } from '../plugins/auth';
import type { MessageService } from '../services/messages';
import type { SenderService } from '../services/senders';

const security = [{ bearer: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const IdParams = Type.Object({ id: Id });

export function senderRoutes(
  parent: FastifyInstance,
  deps: { messages: MessageService; senders: SenderService; devIdentity: DevIdentityProvider | null; maxPartBytes: number },
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  if (deps.devIdentity) {
    const idp = deps.devIdentity;
    app.post(
      '/api/auth/dev/sign-in',
      { schema: { tags: ['sender'], summary: 'Local development sign-in', body: DevSignInRequest, response: { 200: SignInResponse, 400: ErrorResponse } } },
      async (request) => idp.signIn(request.body.email, request.body.name, request.body.organisation ?? 'Sealpost development', request.body.admin ?? false),
    );
  }

  app.get(
    '/api/me',
    { preHandler: app.authenticate, schema: { tags: ['sender'], security, response: { 200: Type.Object({ id: Id, name: Type.String(), email: Type.String() }), ...errors } } },
    async (request) => {
      const s = requireSender(request);
      return { id: s.id, name: s.name, email: s.email };
    },
  );

  app.put(
    '/api/me/client',
    { preHandler: app.authenticate, schema: { tags: ['sender'], security, body: ClientInfo, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await deps.senders.recordClient(requireSender(request).id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/messages',
    { preHandler: app.authenticate, schema: { tags: ['sender'], security, body: CreateMessageRequest, response: { 201: CreateMessageResponse, 413: ErrorResponse, ...errors } } },
    async (request, reply) => reply.status(201).send(await deps.messages.create(requireSender(request), request.body)),
  );

  app.get(
    '/api/messages',
    { preHandler: app.authenticate, schema: { tags: ['sender'], security, response: { 200: MessageList, ...errors } } },
    async (request) => ({ messages: await deps.messages.list(requireSender(request)) }),
  );

  // Encrypted parts arrive as raw bytes and go straight to the blob store as a stream.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<TypeBoxTypeProvider>().put(
      '/api/messages/:id/parts/:index',
      {
        preHandler: app.authenticate,
        schema: {
          tags: ['sender'],
          security,
          summary: 'Upload one encrypted part (application/octet-stream, exactly the declared size)',
          params: Type.Object({ id: Id, index: Type.Integer({ minimum: 0, maximum: 1000 }) }),
          response: { 204: Type.Null(), 413: ErrorResponse, 415: ErrorResponse, ...errors },
        },
      },
      async (request, reply) => {
        const type = request.headers['content-type'] ?? '';
        if (!type.startsWith('application/octet-stream')) {
          throw new AppError('unsupported_media_type', 'Upload parts as application/octet-stream.');
        }
        const length = request.headers['content-length'];
        const contentLength = length === undefined ? null : Number(length);
        if (contentLength !== null && (!Number.isSafeInteger(contentLength) || contentLength > deps.maxPartBytes)) {
          throw new AppError('payload_too_large', 'The part is larger than allowed.');
        }
        await deps.messages.uploadPart(requireSender(request), request.params.id, request.params.index, request.body as NodeJS.ReadableStream as never, contentLength);
        return reply.status(204).send(null);
      },
    );
  });

  app.post(
    '/api/messages/:id/finalise',
    { preHandler: app.authenticate, schema: { tags: ['sender'], security, params: IdParams, response: { 200: Type.Object({ id: Id, status: Type.Literal('sealed') }), ...errors } } },
    async (request) => deps.messages.finalise(requireSender(request), request.params.id),
  );

  app.post(
    '/api/messages/:id/revoke',
    { preHandler: app.authenticate, schema: { tags: ['sender'], security, params: IdParams, response: { 200: Type.Object({ id: Id, status: Type.Literal('revoked') }), ...errors } } },
    async (request) => deps.messages.revoke(requireSender(request), request.params.id),
  );

  app.post(
    '/api/messages/:id/recipients/:recipientId/unlock',
    {
      preHandler: app.authenticate,
      schema: { tags: ['sender'], security, params: Type.Object({ id: Id, recipientId: Id }), response: { 200: UnlockResponse, ...errors } },
    },
    async (request) => deps.messages.unlock(requireSender(request), request.params.id, request.params.recipientId),
  );
}
