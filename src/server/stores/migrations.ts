/**
 * Schema migrations, shared by SQLite and PostgreSQL. Only the binary column type differs.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from './db';
import type { Database } from './schema';
import { backfillChain, GENESIS_HASH } from '../services/audit-chain';

export function migrations(engine: Engine): Record<string, Migration> {
  const binary = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    '001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('organisations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('tenant_id', 'text', (c) => c.unique())
          .addColumn('contract_ends_at', 'bigint')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('senders')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
          .addColumn('issuer', 'text', (c) => c.notNull())
          .addColumn('tid', 'text')
          .addColumn('oid', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull())
          .addColumn('outlook_host', 'text')
          .addColumn('outlook_version', 'text')
          .addColumn('outlook_platform', 'text')
          .addColumn('browser', 'text')
          .addColumn('device', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
          .addUniqueConstraint('senders_identity', ['issuer', 'tid', 'oid'])
          .execute();
        await db.schema
          .createTable('messages')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
          .addColumn('sender_id', 'text', (c) => c.notNull().references('senders.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('wrapped_share', sql.raw(binary), (c) => c.notNull())
          .addColumn('part_count', 'integer', (c) => c.notNull())
          .addColumn('total_size', 'bigint', (c) => c.notNull())
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('finalised_at', 'bigint')
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema.createIndex('messages_sender').on('messages').columns(['sender_id', 'created_at']).execute();
        await db.schema.createIndex('messages_expiry').on('messages').columns(['expires_at']).execute();
        await db.schema
          .createTable('message_parts')
          .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('size', 'bigint', (c) => c.notNull())
          .addColumn('uploaded_at', 'bigint')
          .addPrimaryKeyConstraint('message_parts_pk', ['message_id', 'idx'])
          .execute();
        await db.schema
          .createTable('recipients')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('email', 'text', (c) => c.notNull())
          .addColumn('method', 'text', (c) => c.notNull())
          .addColumn('phone', 'text')
          .addColumn('access_code_hash', sql.raw(binary))
          .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locked_at', 'bigint')
          .addColumn('code_sent_at', 'bigint')
          .addColumn('verified_at', 'bigint')
          .addColumn('opened_at', 'bigint')
          .addColumn('downloaded_at', 'bigint')
          .addColumn('browser', 'text')
          .addColumn('device', 'text')
          .execute();
        await db.schema.createIndex('recipients_message').on('recipients').columns(['message_id', 'email']).execute();
        await db.schema
          .createTable('verifications')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
          .addColumn('recipient_id', 'text', (c) => c.references('recipients.id').onDelete('cascade'))
          .addColumn('subject_hash', sql.raw(binary), (c) => c.notNull())
          .addColumn('code_hash', sql.raw(binary))
          .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('used_at', 'bigint')
          .execute();
        await db.schema
          .createIndex('verifications_subject')
          .on('verifications')
          .columns(['message_id', 'subject_hash', 'created_at'])
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', sql.raw(binary), (c) => c.primaryKey())
          .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
          .addColumn('recipient_id', 'text', (c) => c.notNull().references('recipients.id').onDelete('cascade'))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('audit_events')
          .addColumn('seq', engine === 'postgres' ? 'bigserial' : 'integer', (c) =>
            engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('organisation_id', 'text')
          .addColumn('message_id', 'text')
          .addColumn('recipient_id', 'text')
          .addColumn('sender_id', 'text')
          .execute();
        if (engine === 'postgres') {
          await db.schema
            .createTable('blob_chunks')
            .addColumn('blob_key', 'text', (c) => c.notNull())
            .addColumn('seq', 'integer', (c) => c.notNull())
            .addColumn('data', 'bytea', (c) => c.notNull())
            .addPrimaryKeyConstraint('blob_chunks_pk', ['blob_key', 'seq'])
            .execute();
        }
      },
    },
    '002_organisation_settings': {
      async up(db: Kysely<unknown>) {
        // The admin's settings (detection policy, fail-open or fail-closed) as one JSON document.
        await db.schema.alterTable('organisations').addColumn('settings', 'text').execute();
      },
    },
    '003_audit_chain_and_retention': {
      async up(db: Kysely<unknown>) {
        // The audit log becomes a hash chain with one head row; events from before are chained in order.
        await db.schema.alterTable('audit_events').addColumn('prev_hash', sql.raw(binary)).execute();
        await db.schema.alterTable('audit_events').addColumn('hash', sql.raw(binary)).execute();
        await db.schema.createIndex('audit_events_organisation').on('audit_events').columns(['organisation_id', 'seq']).execute();
        await db.schema
          .createTable('audit_chain')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('head_seq', 'bigint', (c) => c.notNull())
          .addColumn('head_hash', sql.raw(binary), (c) => c.notNull())
          .addColumn('anchor_seq', 'bigint', (c) => c.notNull())
          .addColumn('anchor_hash', sql.raw(binary), (c) => c.notNull())
          .addColumn('anchored_at', 'bigint')
          .execute();
        const typed = db as unknown as Kysely<Database>;
        const head = await backfillChain(typed);
        await typed
          .insertInto('audit_chain')
          .values({ id: 1, head_seq: head.seq, head_hash: head.hash, anchor_seq: 0, anchor_hash: GENESIS_HASH, anchored_at: null })
          .execute();
        // The retention purge marks a message before deleting anything, and stamps it when done.
        await db.schema.alterTable('messages').addColumn('purge_started_at', 'bigint').execute();
        await db.schema.alterTable('messages').addColumn('purged_at', 'bigint').execute();
        await db.schema
          .createIndex('messages_unpurged')
          .on('messages')
          .columns(['status', 'expires_at'])
          .where(sql.ref('purged_at'), 'is', null)
          .execute();
      },
    },
    '004_privacy_requests': {
      async up(db: Kysely<unknown>) {
        // A recipient erased at their own request keeps a tombstone row for the sender's overview.
        await db.schema.alterTable('recipients').addColumn('erased_at', 'bigint').execute();
        await db.schema.createIndex('recipients_email').on('recipients').column('email').execute();
        await db.schema.createIndex('senders_email').on('senders').column('email').execute();
        // Proof of an e-mail address for a data-subject request, and then the short session it opens.
        await db.schema
          .createTable('privacy_challenges')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('address', 'text', (c) => c.notNull())
          .addColumn('subject_hash', sql.raw(binary), (c) => c.notNull())
          .addColumn('code_hash', sql.raw(binary), (c) => c.notNull())
          .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('used_at', 'bigint')
          .addColumn('token_hash', sql.raw(binary), (c) => c.unique())
          .addColumn('session_expires_at', 'bigint')
          .execute();
        await db.schema.createIndex('privacy_challenges_subject').on('privacy_challenges').columns(['subject_hash', 'created_at']).execute();
        // The organisation's queue of data-subject requests, each with its 48-hour deadline.
        await db.schema
          .createTable('privacy_requests')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
          .addColumn('subject_kind', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('subject_email', 'text')
          .addColumn('requested_change', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('due_at', 'bigint', (c) => c.notNull())
          .addColumn('handled_at', 'bigint')
          .addColumn('handled_by', 'text')
          .execute();
        await db.schema.createIndex('privacy_requests_queue').on('privacy_requests').columns(['organisation_id', 'status', 'due_at']).execute();
        // Objection to product e-mails, kept as a keyed hash of the address.
        await db.schema
          .createTable('mail_opt_outs')
          .addColumn('address_hash', sql.raw(binary), (c) => c.primaryKey())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
  };
}
