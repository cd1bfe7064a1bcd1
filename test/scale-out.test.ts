/**
 * Two service processes on one PostgreSQL database and one Redis, as behind a load balancer: any
 * step of the flow may land on either, and the rate limit is shared.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { decryptBytes, fromBase64Url, parseLink, partLabel } from '../src/shared/crypto';
import pg from 'pg';
import { PG_URL, postgresAvailable, REDIS_URL, signIn, startService, waitForCode, type TestService } from './support/service';
import { bytesAttachment, fetchPart, sendSample, startVerification, verify } from './support/flow';

async function redisAvailable(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (err) {
    if (process.env.CI) throw new Error(`Redis is required under CI and is not reachable at ${REDIS_URL}: ${String(err)}`);
    return false;
  } finally {
    redis.disconnect();
  }
}

describe('two service processes on PostgreSQL and Redis', () => {
  let a: TestService;
  let b: TestService;
  let skip = false;
  let schema = '';

  before(async () => {
    if (!(await postgresAvailable()) || !(await redisAvailable())) {
      skip = true;
      return;
    }
    // Start from a clean window: a run a minute ago also counted against this address.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys('sealpost-rl:*');
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    schema = `scale_${Date.now().toString(36)}`;
    const key = Buffer.alloc(32, 9).toString('base64url');
    const env = {
      SEALPOST_SHARE_KEY: key,
      SEALPOST_CODE_KEY: Buffer.alloc(32, 3).toString('base64url'),
      REDIS_URL,
      SEALPOST_VERIFY_RATE_LIMIT_PER_MINUTE: '6',
    };
    a = await startService('postgres', { schema, env });
    // The second process shares database, schema, outbox directory and secrets, not memory.
    b = await startService('postgres', { schema, env: { ...env, SEALPOST_OUTBOX_DIR: `${a.dataDir}/outbox` } });
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
    if (schema) {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  });

  it('lets each step of sending and reading land on either process', async (t) => {
    if (skip) return t.skip('PostgreSQL or Redis not available');
    const token = await signIn(a.baseUrl);
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => i % 253);
    const sent = await sendSample(b.baseUrl, token, [{ name: 'Jan', email: 'jan@client.example', method: 'sms', phone: '+31611111111' }], [bytesAttachment('big.bin', 'application/octet-stream', bytes)]);
    const start = await startVerification(a.baseUrl, sent.id, 'jan@client.example');
    const code = await waitForCode(a.smsOutbox, '+31611111111');
    const ok = await verify(b.baseUrl, sent.id, start.body.verificationId, code);
    assert.equal(ok.status, 200);
    const { linkSecret } = parseLink(sent.link)!;
    const part = await fetchPart(a.baseUrl, sent.id, 1, ok.body.sessionToken);
    const km = { linkSecret, serverShare: fromBase64Url(ok.body.serverShare), messageId: sent.id };
    assert.deepEqual(await decryptBytes(km, partLabel(1), part.bytes), bytes);
  });

  it('shares the verification rate limit between processes through Redis', async (t) => {
    if (skip) return t.skip('PostgreSQL or Redis not available');
    const id = 'BBBBBBBBBBBBBBBBBBBBBB';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const target = i % 2 === 0 ? a : b;
      statuses.push((await startVerification(target.baseUrl, id, 'x@client.example')).status);
    }
    assert.deepEqual(statuses.slice(0, 5), [404, 404, 404, 404, 404]);
    assert.deepEqual(statuses.slice(5), [429, 429, 429], 'past the limit of six (one used by the flow above), either process refuses');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys('sealpost-rl:*');
    redis.disconnect();
    assert.ok(keys.length > 0 && keys.every((k) => !k.includes('127.0.0.1')), 'Redis holds keyed hashes, never a client address');
  });
});
