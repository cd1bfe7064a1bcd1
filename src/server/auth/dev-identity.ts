/**
 * The embedded default's development identity provider: the service itself signs short-lived
 * sender tokens. It is off unless configured and refused in production. The signing key is
 * derived from the code key, so that every process of one deployment accepts the same tokens.
 */
import { createHash, hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../../shared/errors';
import { ADMIN_ROLE, type SenderIdentity, type TokenVerifier } from './identity';

const AUDIENCE = 'sealpost-dev';
const TTL_SECONDS = 60 * 60;

export class DevIdentityProvider implements TokenVerifier {
  private readonly key: Uint8Array;
  readonly issuer: string;

  constructor(codeKey: Uint8Array, publicUrl: string) {
    this.key = new Uint8Array(hkdfSync('sha256', codeKey, new Uint8Array(0), 'sealpost/v1/dev-sign-in', 32));
    this.issuer = `${publicUrl}/dev-idp`;
  }

  accepts(issuer: string) {
    return issuer === this.issuer;
  }

  async signIn(email: string, name: string, organisation: string, admin = false) {
    const normalised = email.trim().toLowerCase();
    // A stable pseudo object id per address, so a sender keeps their messages across sign-ins.
    const oid = createHash('sha256').update(`dev-oid:${normalised}`).digest('base64url').slice(0, 22);
    const expiresAt = new Date(Date.now() + TTL_SECONDS * 1000);
    const token = await new SignJWT({ tid: 'local', oid, name, email: normalised, org: organisation, roles: admin ? [ADMIN_ROLE] : [] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(AUDIENCE)
      .setSubject(oid)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  async verify(token: string): Promise<SenderIdentity> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: this.issuer,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const { oid, name, email, org, roles } = payload as Record<string, unknown>;
      if (typeof oid !== 'string' || typeof name !== 'string' || typeof email !== 'string' || typeof org !== 'string') {
        throw new AppError('unauthenticated', 'The token lacks required claims.');
      }
      const roleList = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
      return { issuer: 'local', tid: 'local', oid, name, email, organisationName: org, roles: roleList };
    } catch (err) {
      if (err instanceof AppError) throw err;
      const expired = err instanceof joseErrors.JWTExpired;
      throw new AppError('unauthenticated', expired ? 'The sign-in has expired.' : 'The token is not valid.');
    }
  }
}
