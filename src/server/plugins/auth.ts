/**
 * Sender authentication: a bearer token, validated by the verifier responsible for its issuer,
 * then resolved to the sender's account. Routes opt in with `preHandler: app.authenticate`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { AppError } from '../../shared/errors';
import type { TokenVerifier } from '../auth/identity';
import type { Sender, SenderService } from '../services/senders';

declare module 'fastify' {
  interface FastifyRequest {
    sender?: Sender;
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
  });
}

export function requireSender(request: FastifyRequest): Sender {
  if (!request.sender) throw new AppError('unauthenticated', 'Sign in first.');
  return request.sender;
}
