/**
 * The audit log's hash chain. Every event stores the hash of the event before it (`prev_hash`)
 * and its own `hash = SHA-256(prev_hash || canonical(event))`, where `canonical` is the JSON array
 *
 *   ["sealpost-audit-v1", seq, at, type, organisation_id, message_id, recipient_id, sender_id]
 *
 * (integers as JSON numbers, absent ids as null, UTF-8). `seq` is in the hash, so an event can be
 * neither moved nor slipped in between two others without breaking the links after it.
 *
 * One row of `audit_chain` holds the head (the last event's seq and hash, so a removed tail is
 * noticed) and the anchor (seq and hash of the last event deleted by retention, where the walk
 * starts; all zeros before anything was deleted). Appends lock that row first, so the chain is
 * one line under any concurrency: a row lock on PostgreSQL (like SELECT … FOR UPDATE), the write
 * lock on SQLite, held until the caller's transaction commits.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventsTable, Database } from '../stores/schema';

export const GENESIS_HASH = Buffer.alloc(32);
const CHAIN_ROW = 1;
const PAGE = 1000;

/** The fields an event is hashed over. */
export interface ChainedFields {
  seq: number;
  at: number;
  type: string;
  organisation_id: string | null;
  message_id: string | null;
  recipient_id: string | null;
  sender_id: string | null;
}

export function canonicalEvent(e: ChainedFields): string {
  return JSON.stringify(['sealpost-audit-v1', e.seq, e.at, e.type, e.organisation_id, e.message_id, e.recipient_id, e.sender_id]);
}

export function chainHash(prevHash: Uint8Array, e: ChainedFields): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalEvent(e), 'utf8').digest();
}

/**
 * Appends events, in the order given, inside `trx`; the head row stays locked until `trx`
 * commits. Returns the seq of the last one.
 */
export async function appendToChain(trx: Transaction<Database>, events: Omit<ChainedFields, 'seq'>[]): Promise<number> {
  if (!events.length) throw new Error('nothing to append');
  // Taking the head row first serialises appenders; on PostgreSQL a waiting one re-reads the new head.
  const head = await trx
    .updateTable('audit_chain')
    .set((eb) => ({ head_seq: eb('head_seq', '+', events.length) }))
    .where('id', '=', CHAIN_ROW)
    .returning(['head_seq', 'head_hash'])
    .executeTakeFirst();
  if (!head) throw new Error('the audit chain has no head row');
  let seq = Number(head.head_seq) - events.length;
  let prev: Buffer = head.head_hash;
  const rows = events.map((fields) => {
    const event = { ...fields, seq: ++seq };
    const hash = chainHash(prev, event);
    const row = { ...event, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('audit_events').values(rows.slice(i, i + 200)).execute();
  await trx.updateTable('audit_chain').set({ head_hash: prev }).where('id', '=', CHAIN_ROW).execute();
  return seq;
}

/**
 * Hashes events written before the chain existed, in seq order, and returns the new head.
 * Used once, by the migration that introduced the chain.
 */
export async function backfillChain(db: Kysely<Database>): Promise<{ seq: number; hash: Buffer }> {
  let prev: Buffer = GENESIS_HASH;
  let last = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>', last).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      const hash = chainHash(prev, row);
      await db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
      prev = hash;
      last = row.seq;
    }
    if (rows.length < PAGE) return { seq: last, hash: prev };
  }
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Events whose link and hash were checked. */
  checked: number;
  /** Where the walk started: the last event removed by retention (0 when none was). */
  anchorSeq: number;
  headSeq: number;
  /** Keep this somewhere else too: a rewrite of the whole chain is caught only against an outside copy. */
  headHash: string;
  firstBreak: ChainBreak | null;
}

type Row = Pick<AuditEventsTable, 'at' | 'type' | 'organisation_id' | 'message_id' | 'recipient_id' | 'sender_id' | 'prev_hash' | 'hash'> & { seq: number };

const ROW_FIELDS = ['seq', 'at', 'type', 'organisation_id', 'message_id', 'recipient_id', 'sender_id', 'prev_hash', 'hash'] as const;
const same = (a: Uint8Array | null, b: Uint8Array) => a !== null && Buffer.compare(a, b) === 0;

/** Whether `row` follows the event (`prevSeq`, `prevHash`) and matches its own fields. */
function checkLink(prevHash: Uint8Array, prevSeq: number, row: Row): ChainBreak | null {
  const seq = Number(row.seq);
  if (!same(row.prev_hash, prevHash)) {
    return { seq, reason: `its prev_hash does not match the event before it (seq ${prevSeq}): an event was removed, inserted or changed` };
  }
  if (!same(row.hash, chainHash(prevHash, { ...row, seq }))) return { seq, reason: 'its hash does not match its fields: the event was changed' };
  return null;
}

/**
 * Walks the chain in pages of `pageSize` events (memory stays flat) and reports the first broken
 * link: a changed field, an event removed, inserted or moved, or a tail that is missing or extra.
 */
export async function verifyChain(db: Kysely<Database>, pageSize = PAGE): Promise<VerifyReport> {
  // A retention prune running meanwhile moves the anchor; a break it caused is re-checked from the new anchor.
  for (let attempt = 0; ; attempt++) {
    const start = await readChain(db);
    if (!start) return { ok: false, checked: 0, anchorSeq: 0, headSeq: 0, headHash: '', firstBreak: { seq: 0, reason: 'the chain head row is missing' } };
    const report = await walk(db, start, pageSize);
    if (report.ok || attempt >= 2) return report;
    const now = await readChain(db);
    if (!now || now.anchor_seq === start.anchor_seq) return report;
  }
}

async function readChain(db: Kysely<Database>) {
  return db.selectFrom('audit_chain').selectAll().where('id', '=', CHAIN_ROW).executeTakeFirst();
}

async function walk(db: Kysely<Database>, chain: NonNullable<Awaited<ReturnType<typeof readChain>>>, pageSize: number): Promise<VerifyReport> {
  const anchorSeq = Number(chain.anchor_seq);
  let prevHash: Buffer = chain.anchor_hash;
  let prevSeq = anchorSeq;
  let checked = 0;
  let head = { seq: Number(chain.head_seq), hash: chain.head_hash };
  const result = (firstBreak: ChainBreak | null): VerifyReport => ({
    ok: firstBreak === null,
    checked,
    anchorSeq,
    headSeq: head.seq,
    headHash: head.hash.toString('hex'),
    firstBreak,
  });
  const stray = await db.selectFrom('audit_events').select('seq').where('seq', '<=', anchorSeq).orderBy('seq').limit(1).executeTakeFirst();
  if (stray) return result({ seq: Number(stray.seq), reason: 'an event sits at or before the retention anchor: it was inserted or kept back' });
  for (;;) {
    for (;;) {
      const rows: Row[] = await db
        .selectFrom('audit_events')
        .select(ROW_FIELDS)
        .where('seq', '>', prevSeq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const row of rows) {
        const broken = checkLink(prevHash, prevSeq, row);
        if (broken) return result(broken);
        prevHash = row.hash!;
        prevSeq = Number(row.seq);
        checked++;
      }
      if (rows.length < pageSize) break;
    }
    // Read the head after the rows: an append commits row and head together, so a head behind
    // the rows means rows were added outside the chain, a head ahead means appends came meanwhile.
    const now = await readChain(db);
    if (!now) return result({ seq: prevSeq, reason: 'the chain head row is missing' });
    head = { seq: Number(now.head_seq), hash: now.head_hash };
    if (head.seq > prevSeq) {
      const more = await db.selectFrom('audit_events').select('seq').where('seq', '>', prevSeq).limit(1).executeTakeFirst();
      if (more) continue;
      return result({ seq: prevSeq, reason: `the chain ends at seq ${prevSeq} but its head is seq ${head.seq}: events at the end were removed` });
    }
    if (head.seq < prevSeq) return result({ seq: prevSeq, reason: `events after the head (seq ${head.seq}) were added outside the chain` });
    if (!same(prevHash, head.hash)) return result({ seq: prevSeq, reason: 'the last event does not match the recorded head: the end of the chain was replaced' });
    return result(null);
  }
}

/**
 * Deletes the oldest events, those before `cutoff`, as a prefix of the chain (never from its
 * middle), in pages. Each page moves the anchor to the last deleted event in the same
 * transaction, so the rest still verifies and a crash leaves a consistent chain. Links are checked
 * before anything goes: retention never erases the evidence of tampering, it stops before a break.
 */
export async function pruneChain(
  db: Kysely<Database>,
  cutoff: number,
  now: number,
  pageSize = PAGE,
): Promise<{ deleted: number; brokenAt: ChainBreak | null }> {
  let deleted = 0;
  for (;;) {
    const page = await db.transaction().execute(async (trx) => {
      // A no-op update takes the head row's lock: appends wait while the anchor moves.
      const chain = await trx
        .updateTable('audit_chain')
        .set((eb) => ({ head_seq: eb.ref('head_seq') }))
        .where('id', '=', CHAIN_ROW)
        .returning(['anchor_seq', 'anchor_hash'])
        .executeTakeFirst();
      if (!chain) throw new Error('the audit chain has no head row');
      const rows: Row[] = await trx.selectFrom('audit_events').select(ROW_FIELDS).where('seq', '>', Number(chain.anchor_seq)).orderBy('seq').limit(pageSize).execute();
      let prev = { seq: Number(chain.anchor_seq), hash: chain.anchor_hash };
      let brokenAt: ChainBreak | null = null;
      let count = 0;
      for (const row of rows) {
        if (row.at >= cutoff) break;
        brokenAt = checkLink(prev.hash, prev.seq, row);
        if (brokenAt) break;
        prev = { seq: Number(row.seq), hash: row.hash! };
        count++;
      }
      if (count > 0) {
        await trx.deleteFrom('audit_events').where('seq', '>', Number(chain.anchor_seq)).where('seq', '<=', prev.seq).execute();
        await trx.updateTable('audit_chain').set({ anchor_seq: prev.seq, anchor_hash: prev.hash, anchored_at: now }).where('id', '=', CHAIN_ROW).execute();
      }
      return { count, brokenAt, more: count === pageSize };
    });
    deleted += page.count;
    if (!page.more) return { deleted, brokenAt: page.brokenAt };
  }
}
