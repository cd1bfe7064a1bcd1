/** The recipient's API: is the message there, verify a second factor, fetch encrypted parts. */
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ErrorResponse,
  Id,
  MessageAvailability,
  ResendRequest,
  SessionInfo,
  StartVerificationRequest,
  StartVerificationResponse,
  VerifyRequest,
  VerifyResponse,
} from '../../shared/protocol/api';
import { bearerToken } from '../plugins/auth';
import { classifyUserAgent } from '../client-hints';
import type { RecipientAccessService } from '../services/recipient-access';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 423: ErrorResponse, 429: ErrorResponse };
const IdParams = Type.Object({ id: Id });
const VerificationParams = Type.Object({ id: Id, verificationId: Id });

export function recipientRoutes(parent: FastifyInstance, access: RecipientAccessService, verifyRateLimit: object) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['recipient'];

  app.get(
    '/api/r/:id',
    { schema: { tags, params: IdParams, response: { 200: MessageAvailability, ...errors } } },
    async (request) => access.availability(request.params.id),
  );

  app.post(
    '/api/r/:id/verifications',
    { config: { rateLimit: verifyRateLimit }, schema: { tags, params: IdParams, body: StartVerificationRequest, response: { 200: StartVerificationResponse, ...errors } } },
    async (request) => access.start(request.params.id, request.body.email, request.body.locale),
  );

  app.post(
    '/api/r/:id/verifications/:verificationId/resend',
    { config: { rateLimit: verifyRateLimit }, schema: { tags, params: VerificationParams, body: ResendRequest, response: { 200: StartVerificationResponse, ...errors } } },
    async (request) => access.resend(request.params.id, request.params.verificationId, request.body.email, request.body.locale),
  );

  app.post(
    '/api/r/:id/verifications/:verificationId/verify',
    { config: { rateLimit: verifyRateLimit }, schema: { tags, params: VerificationParams, body: VerifyRequest, response: { 200: VerifyResponse, ...errors } } },
    async (request) =>
      access.verify(request.params.id, request.params.verificationId, request.body.code, classifyUserAgent(request.headers['user-agent'])),
  );

  app.get(
    '/api/r/:id/session',
    { schema: { tags, summary: 'The part list of a verified session', params: IdParams, response: { 200: SessionInfo, ...errors } } },
    async (request) => access.sessionInfo(request.params.id, bearerToken(request)),
  );

  app.get(
    '/api/r/:id/parts/:index',
    {
      schema: {
        tags,
        summary: 'One encrypted part (application/octet-stream); needs the session token from verify',
        params: Type.Object({ id: Id, index: Type.Integer({ minimum: 0, maximum: 1000 }) }),
        response: { 200: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }), ...errors },
      },
    },
    async (request, reply) => {
      const { stream, size } = await access.part(request.params.id, request.params.index, bearerToken(request));
      return reply
        .header('Content-Type', 'application/octet-stream')
        .header('Content-Length', String(size))
        .header('Cache-Control', 'no-store')
        .send(stream);
    },
  );
}
