import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { QueueLock, sqliteDialect, withStatementCache } from './sqlite-dialect';

interface Db {
  t: { id: number; v: string };
}

function open() {
  const database = new SQLite(':memory:');
  let prepared = 0;
  const prepare = database.prepare.bind(database);
  database.prepare = ((text: string) => {
    prepared++;
    return prepare(text);
  }) as typeof database.prepare;
  const kysely = new Kysely<Db>({ dialect: sqliteDialect(database) });
  return { database, kysely, prepared: () => prepared };
}

describe('SQLite dialect', () => {
  it('prepares each SQL text once, whatever the parameters', async () => {
    const { kysely, prepared } = open();
    await sql`create table t (id integer primary key, v text)`.execute(kysely);
    const before = prepared();
    for (let i = 0; i < 20; i++) await kysely.insertInto('t').values({ id: i, v: `v${i}` }).execute();
    for (let i = 0; i < 20; i++) {
      const row = await kysely.selectFrom('t').select('v').where('id', '=', i).executeTakeFirst();
      assert.equal(row?.v, `v${i}`);
    }
    assert.equal(prepared() - before, 2);
    await kysely.destroy();
  });

  it('gives a statement still being iterated a fresh twin, and keeps results right', async () => {
    const database = new SQLite(':memory:');
    database.exec("create table t (id integer primary key, v text); insert into t values (1, 'a'), (2, 'b'), (3, 'c')");
    const cached = withStatementCache(database);
    const text = 'select id from t order by id';
    const outer = cached.prepare(text);
    const seen: number[][] = [];
    for (const row of outer.iterate([]) as Iterable<{ id: number }>) {
      const inner = cached.prepare(text);
      assert.notEqual(inner, outer, 'a busy statement is not handed out again');
      seen.push((inner.all([]) as { id: number }[]).map((r) => r.id).concat(row.id));
    }
    assert.deepEqual(seen, [[1, 2, 3, 1], [1, 2, 3, 2], [1, 2, 3, 3]]);
    assert.equal(cached.prepare(text), outer, 'the cached one is reused once it is free');
    cached.close();
    assert.equal(database.open, false);
  });

  it('evicts the least recently used statement beyond its size', () => {
    const database = new SQLite(':memory:');
    const cached = withStatementCache(database, 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    assert.equal(cached.prepare('select 1'), a);
    cached.prepare('select 3'); // evicts "select 2", the least recently used
    assert.equal(cached.prepare('select 1'), a);
    assert.notEqual(cached.prepare('select 2'), b);
    cached.close();
  });

  it('runs concurrent queries and transactions one at a time, in order', async () => {
    const { kysely } = open();
    await sql`create table t (id integer primary key, v text)`.execute(kysely);
    const order: string[] = [];
    const work = [
      kysely.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 1, v: 'in transaction' }).execute();
        // Other queries wait for the transaction: they never see its rows before it commits.
        await new Promise((r) => setTimeout(r, 20));
        order.push('transaction');
      }),
      ...Array.from({ length: 30 }, (_, i) =>
        kysely
          .selectFrom('t')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => {
            assert.equal(Number(r.n), 1);
            order.push(`query ${i}`);
          }),
      ),
    ];
    await Promise.all(work);
    assert.deepEqual(order, ['transaction', ...Array.from({ length: 30 }, (_, i) => `query ${i}`)]);
    await assert.rejects(
      kysely.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 2, v: 'rolled back' }).execute();
        throw new Error('stop');
      }),
      /stop/,
    );
    const rows = await kysely.selectFrom('t').select('id').execute();
    assert.deepEqual(rows, [{ id: 1 }], 'the rolled-back row is gone and the connection is free again');
    await kysely.destroy();
  });

  it('hands the lock to one waiter at a time, first come first served', async () => {
    const lock = new QueueLock();
    const got: number[] = [];
    await lock.acquire();
    const waiters = [1, 2, 3].map((n) => lock.acquire().then(() => got.push(n)));
    assert.equal(lock.queued, 3);
    for (let i = 0; i < 3; i++) {
      lock.release();
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(got, [1, 2, 3].slice(0, i + 1));
    }
    await Promise.all(waiters);
    lock.release();
    await lock.acquire(); // free again
  });
});
