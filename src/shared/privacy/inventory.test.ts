import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LEGAL_BASES, LOCATIONS, NOTICE_ITEMS, PURPOSES, RETENTION } from './catalogue';
import { DATABASE_INVENTORY } from './database-inventory';
import { declaredColumns, INVENTORY, isDeclaredLogKey } from './inventory';
import type { NoticeItemId } from './types';

const personal = INVENTORY.filter((r) => r.category !== 'none');

describe('data inventory', () => {
  it('gives every field a unique id', () => {
    const ids = INVENTORY.map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('ties every piece of personal data to a notice item and a legal basis', () => {
    for (const r of personal) {
      assert.ok(r.item, `${r.id} has no notice item`);
      assert.notEqual(r.basis, 'not-personal', `${r.id} is personal data without a basis`);
    }
  });

  it('says "not personal data" for exactly the fields of category none, and lists none of them in the notice', () => {
    for (const r of INVENTORY.filter((x) => x.category === 'none')) {
      assert.equal(r.basis, 'not-personal', r.id);
      assert.equal(r.item, undefined, `${r.id} is not personal but has a notice item`);
    }
  });

  it('uses the basis of its purpose for every personal field', () => {
    for (const r of personal) assert.equal(r.basis, PURPOSES[r.purpose].basis, r.id);
  });

  it('keeps development outboxes out of real processing: test data only', () => {
    for (const r of INVENTORY.filter((x) => x.developmentOnly)) {
      assert.equal(r.purpose, 'development', r.id);
      assert.ok(r.basis === 'test-data-only' || r.basis === 'not-personal', r.id);
    }
    assert.ok(INVENTORY.filter((x) => x.purpose === 'development').every((x) => x.developmentOnly));
  });

  it('keeps codes, tokens and addresses typed by a visitor only as hashes', () => {
    const hashed: NoticeItemId[] = ['code-hashes', 'address-hash', 'session', 'network-address-hash'];
    for (const r of INVENTORY.filter((x) => x.item && hashed.includes(x.item) && x.form !== 'identifier' && x.form !== 'time')) {
      assert.ok(r.form === 'keyed-hash' || r.form === 'hash', `${r.id} keeps ${r.item} as ${r.form}`);
    }
  });

  it('keeps message content only as end-to-end ciphertext', () => {
    const content = INVENTORY.filter((r) => /content|data$/.test(r.id) && (r.location === 'blob-store' || r.table === 'blob_chunks'));
    assert.ok(content.length >= 2);
    for (const r of content) assert.equal(r.form, 'end-to-end', r.id);
  });

  it('shares phone numbers only with the SMS provider and addresses only with the mail provider', () => {
    for (const r of INVENTORY) {
      if (r.sharedWith?.includes('sms-provider')) assert.equal(r.item, 'phone', r.id);
      if (r.sharedWith?.includes('mail-provider')) assert.equal(r.item, 'email', r.id);
    }
  });

  it('has Dutch and English text for every purpose, basis, retention rule, place and item, and uses each one', () => {
    const catalogues = { PURPOSES, LEGAL_BASES, RETENTION, LOCATIONS, NOTICE_ITEMS };
    for (const [name, catalogue] of Object.entries(catalogues)) {
      for (const [key, value] of Object.entries(catalogue)) {
        const text = 'text' in value ? value.text : value;
        assert.ok(text.nl.trim() && text.en.trim(), `${name}.${key} lacks a translation`);
        assert.notEqual(text.nl, text.en, `${name}.${key} is not translated`);
      }
    }
    const used = {
      purpose: new Set(INVENTORY.map((r) => r.purpose)),
      retention: new Set(INVENTORY.map((r) => r.retention)),
      location: new Set(INVENTORY.map((r) => r.location)),
      item: new Set(INVENTORY.map((r) => r.item)),
    };
    for (const p of Object.keys(PURPOSES)) assert.ok(used.purpose.has(p as never), `purpose ${p} is unused`);
    for (const k of Object.keys(RETENTION)) assert.ok(used.retention.has(k as never), `retention ${k} is unused`);
    for (const l of Object.keys(LOCATIONS)) assert.ok(used.location.has(l as never), `location ${l} is unused`);
    for (const i of Object.keys(NOTICE_ITEMS)) assert.ok(used.item.has(i as never), `notice item ${i} is unused`);
  });

  it('declares Kysely bookkeeping as system metadata on both engines, and blob chunks only on PostgreSQL', () => {
    assert.equal(DATABASE_INVENTORY.kysely_migration.system, true);
    assert.equal(DATABASE_INVENTORY.kysely_migration_lock.system, true);
    assert.ok(declaredColumns('sqlite').has('kysely_migration.name'));
    assert.ok(declaredColumns('postgres').has('kysely_migration_lock.is_locked'));
    assert.ok(declaredColumns('postgres').has('blob_chunks.data'));
    assert.ok(!declaredColumns('sqlite').has('blob_chunks.data'));
    assert.ok(!declaredColumns('postgres').has('sqlite_sequence.seq'));
  });

  it('treats a log key as declared together with its nested keys, and nothing else', () => {
    assert.ok(isDeclaredLogKey('req.url'));
    assert.ok(isDeclaredLogKey('err.stack'));
    assert.ok(!isDeclaredLogKey('req.headers'));
    assert.ok(!isDeclaredLogKey('req.remoteAddress'));
    assert.ok(!isDeclaredLogKey('errors'));
    assert.ok(!isDeclaredLogKey('err.detail'), "PostgreSQL's detail repeats key values");
  });
});
