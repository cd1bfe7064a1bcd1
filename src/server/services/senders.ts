/**
 * Turns a validated identity into the sender's account row (category B), creating the
 * organisation and account on first sight.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { SenderIdentity } from '../auth/identity';
import type { ClientInfo } from '../../shared/protocol/api';
import type { ServiceDeps } from './deps';

export interface Sender {
  id: string;
  organisationId: string;
  name: string;
  email: string;
}

const newId = () => randomBytes(16).toString('base64url');

export class SenderService {
  // Identity → sender, so that an authenticated request costs no database round trip.
  private readonly cache = new Map<string, { sender: Sender; at: number }>();

  constructor(private readonly deps: ServiceDeps) {}

  async resolve(identity: SenderIdentity): Promise<Sender> {
    const cacheKey = `${identity.issuer}|${identity.tid}|${identity.oid}`;
    const now = this.deps.now();
    const hit = this.cache.get(cacheKey);
    if (hit && now - hit.at < 60_000) return hit.sender;
    const sender = await this.upsert(identity, now);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(cacheKey, { sender, at: now });
    return sender;
  }

  /**
   * Insert-if-absent, then read: safe when many first requests of one new user arrive at once
   * (a select-then-insert would race and fail on the unique keys).
   */
  private async upsert(identity: SenderIdentity, now: number): Promise<Sender> {
    const db = this.deps.db.kysely;
    // Azure tenants map to one organisation each; local development users group by organisation name.
    const tenantKey = identity.issuer === 'azure' ? identity.tid : `local:${identity.organisationName.toLowerCase()}`;
    await db
      .insertInto('organisations')
      .values({ id: newId(), name: identity.organisationName, tenant_id: tenantKey, contract_ends_at: null, created_at: now, settings: null })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .execute();
    const org = await db.selectFrom('organisations').select(['id', 'contract_ends_at']).where('tenant_id', '=', tenantKey).executeTakeFirstOrThrow();
    // After the contract or trial ends nobody signs in; the accounts are deleted 30 days later.
    if (org.contract_ends_at !== null && org.contract_ends_at <= now) {
      throw new AppError('forbidden', "Your organisation's Sealpost contract or trial has ended.");
    }
    await db
      .insertInto('senders')
      .values({
        id: newId(),
        organisation_id: org.id,
        issuer: identity.issuer,
        tid: identity.tid,
        oid: identity.oid,
        name: identity.name,
        email: identity.email,
        outlook_host: null,
        outlook_version: null,
        outlook_platform: null,
        browser: null,
        device: null,
        created_at: now,
        last_seen_at: now,
      })
      .onConflict((oc) => oc.columns(['issuer', 'tid', 'oid']).doNothing())
      .execute();
    const sender = await db
      .updateTable('senders')
      .set({ last_seen_at: now, name: identity.name, email: identity.email })
      .where('issuer', '=', identity.issuer)
      .where('tid', '=', identity.tid)
      .where('oid', '=', identity.oid)
      .returning(['id', 'organisation_id'])
      .executeTakeFirstOrThrow();
    return { id: sender.id, organisationId: sender.organisation_id, name: identity.name, email: identity.email };
  }

  /** Drops a cached account (after its data was corrected or erased). */
  forget(senderId: string): void {
    for (const [key, entry] of this.cache) if (entry.sender.id === senderId) this.cache.delete(key);
  }

  async recordClient(senderId: string, info: ClientInfo) {
    await this.deps.db.kysely
      .updateTable('senders')
      .set({
        outlook_host: info.outlookHost ?? null,
        outlook_version: info.outlookVersion ?? null,
        outlook_platform: info.outlookPlatform ?? null,
        browser: info.browser ?? null,
        device: info.device ?? null,
      })
      .where('id', '=', senderId)
      .execute();
  }
}
