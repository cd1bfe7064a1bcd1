/**
 * The recipient's side: availability, second-factor verification, and the session that releases
 * the server share and the ciphertext.
 *
 * Rules (NIST SP 800-63B, OWASP ASVS): 6-digit codes from a CSPRNG, valid 10 minutes, single use,
 * at most 5 tries per code, at most 100 consecutive failures per recipient and then locked until the
 * sender re-issues; codes kept only as HMACs and compared in constant time; the same answer for
 * addresses that are not recipients (they get a decoy that can never succeed).
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CompiledQuery } from 'kysely';
import { AppError } from '../../shared/errors';
import { unwrapServerShare } from '../../shared/crypto';
import type { SessionInfo, StartVerificationResponse, VerificationMethod, VerifyResponse } from '../../shared/protocol/api';
import { blobKey } from '../stores/blob-store';
import { hmac, newCode, newToken, safeEqual, tokenHash } from '../secrets';
import type { ClientKind } from '../client-hints';
import { accessCodeHash } from './messages';
import { audit } from './audit';
import type { ServiceDeps } from './deps';
import { maskEmail, sendCode } from './code-delivery';
import { CODE_VALIDITY_MINUTES } from '../notify/messages';
import type { ActiveDownloads } from './active-downloads';

export const CODE_TTL_MS = CODE_VALIDITY_MINUTES * 60 * 1000;
export const TRIES_PER_CODE = 5;
export const MAX_CONSECUTIVE_FAILURES = 100;
export const SESSION_TTL_MS = 30 * 60 * 1000;
/** Codes per address per message in a sliding window: stops SMS pumping and mailbombing. */
export const CODES_PER_WINDOW = 5;
export const CODE_WINDOW_MS = 15 * 60 * 1000;

const newId = () => randomBytes(16).toString('base64url');

interface SessionRow {
  session_expires: number;
  status: string;
  message_expires: number;
  idx: number;
  size: number;
}

export class RecipientAccessService {
  private sessionQuery?: CompiledQuery<SessionRow>;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly hooks: { downloads?: ActiveDownloads; onFirstOpen?: (messageId: string) => void } = {},
  ) {}

  /** A sealed, unexpired message, or the one vague answer for every other case. */
  private async available(id: string) {
    const m = await this.deps.db.kysely
      .selectFrom('messages')
      .select(['id', 'organisation_id', 'status', 'expires_at', 'wrapped_share', 'part_count', 'locale'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!m || m.status !== 'sealed' || m.expires_at <= this.deps.now()) {
      throw new AppError('message_unavailable', 'This message is not available.');
    }
    return m;
  }

  async availability(id: string) {
    const m = await this.available(id);
    return { id: m.id, expiresAt: new Date(m.expires_at).toISOString() };
  }

  async start(id: string, email: string, locale: 'nl' | 'en' | undefined): Promise<StartVerificationResponse> {
    const m = await this.available(id);
    const address = email.trim().toLowerCase();
    const subject = hmac(this.deps.config.codeKey, 'subject', id, address);
    const recipient = await this.deps.db.kysely
      .selectFrom('recipients')
      .select(['id', 'method', 'phone', 'email'])
      .where('message_id', '=', id)
      .where('email', '=', address)
      .executeTakeFirst();
    return this.issue(m, address, subject, recipient ?? null, locale ?? (m.locale as 'nl' | 'en'));
  }

  /** A new code for the same address; the earlier verification stops working. */
  async resend(id: string, verificationId: string, email: string, locale: 'nl' | 'en' | undefined): Promise<StartVerificationResponse> {
    await this.available(id);
    await this.deps.db.kysely
      .updateTable('verifications')
      .set({ used_at: this.deps.now() })
      .where('id', '=', verificationId)
      .where('message_id', '=', id)
      .where('used_at', 'is', null)
      .execute();
    return this.start(id, email, locale);
  }

  private async issue(
    m: { id: string; organisation_id: string },
    address: string,
    subject: Buffer,
    recipient: { id: string; method: VerificationMethod; phone: string | null; email: string } | null,
    locale: 'nl' | 'en',
  ): Promise<StartVerificationResponse> {
    const { db, now, config } = this.deps;
    const at = now();
    // The window counts decoys too, so a rate limit answer reveals nothing about the address.
    const recent = await db.kysely
      .selectFrom('verifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('message_id', '=', m.id)
      .where('subject_hash', '=', subject)
      .where('created_at', '>', at - CODE_WINDOW_MS)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= CODES_PER_WINDOW) {
      throw new AppError('rate_limited', 'Too many codes requested; try again in a few minutes.');
    }
    const verificationId = newId();
    const code = newCode();
    const method = recipient ? recipient.method : await this.decoyMethod(m.id, subject);
    // A decoy stores the HMAC of a code nobody receives, so it takes the same path and work.
    const codeHash = method === 'access_code' ? null : hmac(config.codeKey, 'code', verificationId, code);
    await db.kysely
      .insertInto('verifications')
      .values({
        id: verificationId,
        message_id: m.id,
        recipient_id: recipient?.id ?? null,
        subject_hash: subject,
        code_hash: codeHash,
        tries: 0,
        created_at: at,
        expires_at: at + CODE_TTL_MS,
        used_at: null,
      })
      .execute();
    let destinationHint: string | null = null;
    if (method === 'sms') {
      destinationHint = recipient?.phone ? recipient.phone.slice(-3) : decoyDigits(subject);
    } else if (method === 'email') {
      // Masks what was typed, so a decoy's hint looks exactly like a recipient's.
      destinationHint = maskEmail(address);
    }
    if (recipient && method !== 'access_code') {
      // Delivery runs after the answer, so that its latency cannot tell a recipient from a decoy.
      const target = method === 'sms' ? recipient.phone! : recipient.email;
      setImmediate(() => {
        sendCode(this.deps, { method, target, code, locale })
          .then(() =>
            Promise.all([
              db.kysely.updateTable('recipients').set({ code_sent_at: now() }).where('id', '=', recipient.id).execute(),
              audit(db.kysely, now(), { type: 'code.sent', organisationId: m.organisation_id, messageId: m.id, recipientId: recipient.id }),
            ]),
          )
          .catch((err: unknown) => this.deps.log.error({ err: errorSummary(err), messageId: m.id, recipientId: recipient.id }, 'code delivery failed'));
      });
    }
    return { verificationId, method, destinationHint, expiresAt: new Date(at + CODE_TTL_MS).toISOString() };
  }

  /** A decoy mimics a method actually used on this message, chosen stably per address. */
  private async decoyMethod(messageId: string, subject: Buffer): Promise<VerificationMethod> {
    const rows = await this.deps.db.kysely
      .selectFrom('recipients')
      .select('method')
      .where('message_id', '=', messageId)
      .orderBy('id')
      .execute();
    const methods = [...new Set(rows.map((r) => r.method))];
    return methods[subject[0]! % methods.length] ?? 'email';
  }

  async verify(id: string, verificationId: string, code: string, client: ClientKind): Promise<VerifyResponse> {
    const m = await this.available(id);
    const { db, now, config } = this.deps;
    const at = now();
    const v = await db.kysely
      .selectFrom('verifications')
      .selectAll()
      .where('id', '=', verificationId)
      .where('message_id', '=', id)
      .executeTakeFirst();
    const recipient = v?.recipient_id
      ? await db.kysely
          .selectFrom('recipients')
          .select(['id', 'method', 'access_code_hash', 'failures', 'locked_at'])
          .where('id', '=', v.recipient_id)
          .executeTakeFirst()
      : undefined;
    if (!v) {
      hmac(config.codeKey, 'code', verificationId, code); // equal work for unknown ids
      throw new AppError('invalid_code', 'The code is not correct.', { triesLeft: 0 });
    }
    if (recipient?.locked_at != null) {
      throw new AppError('recipient_locked', 'Too many wrong codes: ask the sender to re-issue access.');
    }
    if (v.used_at !== null || v.expires_at <= at) throw new AppError('code_expired', 'The code has expired; request a new one.');
    // Count the try before comparing, atomically, so parallel guesses cannot exceed the limit.
    const counted = await db.kysely
      .updateTable('verifications')
      .set((eb) => ({ tries: eb('tries', '+', 1) }))
      .where('id', '=', v.id)
      .where('tries', '<', TRIES_PER_CODE)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) !== 1) {
      throw new AppError('code_expired', 'Too many tries for this code; request a new one.');
    }
    const expected =
      recipient?.method === 'access_code' ? recipient.access_code_hash : v.code_hash;
    const given =
      recipient?.method === 'access_code'
        ? accessCodeHash(config.codeKey, recipient.id, code)
        : hmac(config.codeKey, 'code', v.id, code);
    const ok = recipient !== undefined && safeEqual(expected, given);
    if (!ok) {
      await this.fail(m.organisation_id, id, recipient?.id ?? null, at);
      throw new AppError('invalid_code', 'The code is not correct.', { triesLeft: Math.max(0, TRIES_PER_CODE - v.tries - 1) });
    }
    const used = await db.kysely
      .updateTable('verifications')
      .set({ used_at: at })
      .where('id', '=', v.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('code_expired', 'The code has already been used.');
    const token = newToken();
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('recipients')
        .set((eb) => ({
          failures: 0,
          verified_at: eb.fn.coalesce('verified_at', eb.val(at)),
          browser: client.browser,
          device: client.device,
        }))
        .where('id', '=', recipient.id)
        .execute();
      await trx
        .insertInto('sessions')
        .values({ token_hash: tokenHash(token), message_id: id, recipient_id: recipient.id, created_at: at, expires_at: at + SESSION_TTL_MS })
        .execute();
      await audit(trx, at, { type: 'recipient.verified', organisationId: m.organisation_id, messageId: id, recipientId: recipient.id });
    });
    const share = await unwrapServerShare(config.shareKey, id, new Uint8Array(m.wrapped_share));
    const parts = await db.kysely
      .selectFrom('message_parts')
      .select(['idx', 'size'])
      .where('message_id', '=', id)
      .orderBy('idx')
      .execute();
    return {
      sessionToken: token,
      sessionExpiresAt: new Date(at + SESSION_TTL_MS).toISOString(),
      serverShare: Buffer.from(share).toString('base64url'),
      parts: parts.map((p) => ({ index: p.idx, size: p.size })),
    };
  }

  private async fail(organisationId: string, messageId: string, recipientId: string | null, at: number) {
    if (!recipientId) return;
    const db = this.deps.db.kysely;
    await db
      .updateTable('recipients')
      .set((eb) => ({ failures: eb('failures', '+', 1) }))
      .where('id', '=', recipientId)
      .execute();
    const locked = await db
      .updateTable('recipients')
      .set({ locked_at: at })
      .where('id', '=', recipientId)
      .where('failures', '>=', MAX_CONSECUTIVE_FAILURES)
      .where('locked_at', 'is', null)
      .executeTakeFirst();
    await audit(db, at, { type: 'code.failed', organisationId, messageId, recipientId });
    if (Number(locked.numUpdatedRows) === 1) {
      await audit(db, at, { type: 'recipient.locked', organisationId, messageId, recipientId });
    }
  }

  /** The live session for `bearer` on message `id`, or an error that says to verify (again). */
  private async session(id: string, bearer: string | undefined, at: number) {
    if (!bearer) throw new AppError('unauthenticated', 'Verify first.');
    const session = await this.deps.db.kysely
      .selectFrom('sessions')
      .select(['recipient_id', 'message_id', 'expires_at'])
      .where('token_hash', '=', tokenHash(bearer))
      .executeTakeFirst();
    if (!session || session.message_id !== id) throw new AppError('unauthenticated', 'Verify first.');
    if (session.expires_at <= at) throw new AppError('session_expired', 'The session has expired; verify again.');
    return session;
  }

  /** One query: the session, its message's availability and the part list together (a hot path). */
  async sessionInfo(id: string, bearer: string | undefined): Promise<SessionInfo> {
    if (!bearer) throw new AppError('unauthenticated', 'Verify first.');
    const at = this.deps.now();
    // Built once and reused with fresh parameters: query building was a quarter of this route's CPU.
    this.sessionQuery ??= this.deps.db.kysely
      .selectFrom('sessions')
      .innerJoin('messages', 'messages.id', 'sessions.message_id')
      .innerJoin('message_parts', 'message_parts.message_id', 'sessions.message_id')
      .select(['sessions.expires_at as session_expires', 'messages.status', 'messages.expires_at as message_expires', 'message_parts.idx', 'message_parts.size'])
      .where('sessions.token_hash', '=', Buffer.alloc(32))
      .where('sessions.message_id', '=', '')
      .orderBy('message_parts.idx')
      .compile();
    const { rows } = await this.deps.db.kysely.executeQuery<SessionRow>({ ...this.sessionQuery, parameters: [tokenHash(bearer), id] });
    const first = rows[0];
    if (!first) throw new AppError('unauthenticated', 'Verify first.');
    if (first.session_expires <= at) throw new AppError('session_expired', 'The session has expired; verify again.');
    if (first.status !== 'sealed' || first.message_expires <= at) throw new AppError('message_unavailable', 'This message is not available.');
    return { sessionExpiresAt: new Date(first.session_expires).toISOString(), parts: rows.map((p) => ({ index: p.idx, size: p.size })) };
  }

  /** Streams one encrypted part to a verified recipient and records the open or download. */
  async part(id: string, index: number, bearer: string | undefined): Promise<{ stream: Readable; size: number }> {
    const { db, now } = this.deps;
    const at = now();
    const session = await this.session(id, bearer, at);
    const m = await this.available(id);
    const part = await db.kysely
      .selectFrom('message_parts')
      .select(['size'])
      .where('message_id', '=', id)
      .where('idx', '=', index)
      .executeTakeFirst();
    if (!part) throw new AppError('not_found', 'No such part.');
    const stream = await this.deps.blobs.get(blobKey(id, index));
    if (!stream) throw new AppError('message_unavailable', 'This message is not available.');
    this.hooks.downloads?.track(session.recipient_id, stream);
    const column = index === 0 ? 'opened_at' : 'downloaded_at';
    // Only the first open or download is stamped; the first open also tells the sender, if they want.
    const first = await db.kysely
      .updateTable('recipients')
      .set({ [column]: at })
      .where('id', '=', session.recipient_id)
      .where(column, 'is', null)
      .executeTakeFirst();
    if (index === 0 && Number(first.numUpdatedRows) === 1) this.hooks.onFirstOpen?.(id);
    await audit(db.kysely, at, {
      type: index === 0 ? 'message.opened' : 'part.downloaded',
      organisationId: m.organisation_id,
      messageId: id,
      recipientId: session.recipient_id,
    });
    return { stream, size: part.size };
  }
}

function decoyDigits(subject: Buffer) {
  return String(subject.readUInt16BE(1) % 1000).padStart(3, '0');
}

function errorSummary(err: unknown) {
  return err instanceof Error ? { name: err.name, code: (err as { code?: unknown }).code } : { name: 'unknown' };
}
