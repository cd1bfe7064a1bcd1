/**
 * Sender authentication: a bearer token, validated by the verifier responsible for its issuer,
 * then resolved to the sender's account. Routes opt in with `preHandler: app.authenticate`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { AppError } from '../../shared/errors';
import { ADMIN_ROLE, type TokenVerifier } from '../auth/identity';
import type { Sender, SenderService } from '../services/senders';

declare module 'fastify' {
  interface FastifyRequest {
    sender?: Sender;
    senderIsAdmin?: boolean;
  }
  interface FastifyInstance {
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  return match?.[1];
}

export function registerAuth(app: FastifyInstance, verifiers: TokenVerifier[], senders: SenderService) {
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (!token) throw new AppError('unauthenticated', 'Sign in first.');
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new AppError('unauthenticated', 'The token is not valid.');
    }
    const verifier = issuer ? verifiers.find((v) => v.accepts(issuer)) : undefined;
    if (!verifier) throw new AppError('unauthenticated', 'The token is not valid.');
    const identity = await verifier.verify(token);
    request.sender = await senders.resolve(identity);
    request.senderIsAdmin = identity.roles?.includes(ADMIN_ROLE) ?? false;
  });
}

export function requireSender(request: FastifyRequest): Sender {
  if (!request.sender) throw new AppError('unauthenticated', 'Sign in first.');
  return request.sender;
}

export function requireAdmin(request: FastifyRequest): Sender {
  const sender = requireSender(request);
  if (!request.senderIsAdmin) throw new AppError('forbidden', 'Only an administrator of the organisation may do this.');
  return sender;
}
