/**
 * Two service processes on one PostgreSQL database and one Redis, as behind a load balancer: any
 * step of the flow may land on either, and the rate limit is shared.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { decryptBytes, fromBase64Url, parseLink, partLabel } from '../src/shared/crypto';
import pg from 'pg';
import { NO_RATE_LIMITS, PG_URL, postgresAvailable, REDIS_URL, signIn, startService, waitForCode, type TestService } from './support/service';
import { bytesAttachment, fetchPart, fetchPartWhile, post, sendSample, startVerification, verify } from './support/flow';

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

/**
 * Two processes on one schema: they share database, schema, outbox directory, secrets and Redis,
 * not memory. Null when PostgreSQL or Redis is missing (outside CI).
 */
async function startPair(env: Record<string, string>): Promise<{ a: TestService; b: TestService; stop: () => Promise<void> } | null> {
  if (!(await postgresAvailable()) || !(await redisAvailable())) return null;
  const schema = `scale_${Date.now().toString(36)}`;
  const shared = {
    SEALPOST_SHARE_KEY: Buffer.alloc(32, 9).toString('base64url'),
    SEALPOST_CODE_KEY: Buffer.alloc(32, 3).toString('base64url'),
    REDIS_URL,
    ...env,
  };
  const a = await startService('postgres', { schema, env: shared });
  const b = await startService('postgres', { schema, env: { ...shared, SEALPOST_OUTBOX_DIR: `${a.dataDir}/outbox` } });
  return {
    a,
    b,
    async stop() {
      await b.stop();
      await a.stop();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

describe('two service processes on PostgreSQL and Redis', () => {
  let a: TestService;
  let b: TestService;
  let pair: Awaited<ReturnType<typeof startPair>> = null;
  let skip = false;

  before(async () => {
    // Start from a clean window: a run a minute ago also counted against this address.
    if (await redisAvailable()) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys('sealpost-rl:*');
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    pair = await startPair({ SEALPOST_VERIFY_RATE_LIMIT_PER_MINUTE: '6' });
    if (!pair) skip = true;
    else ({ a, b } = pair);
  });
  after(async () => {
    await pair?.stop();
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

// After the rate-limit test, on processes with a higher limit: the window it filled stays shared.
describe('an erasure in one process cuts a download that another process streams', () => {
  let pair: Awaited<ReturnType<typeof startPair>> = null;

  before(async () => {
    pair = await startPair({ ...NO_RATE_LIMITS });
  });
  after(async () => {
    await pair?.stop();
  });

  it('cuts the transfer in the other process through Redis', async (t) => {
    if (!pair) return t.skip('PostgreSQL or Redis not available');
    const { a, b } = pair;
    const address = 'dora@client.example';
    const token = await signIn(a.baseUrl);
    const big = new Uint8Array(24 * 1024 * 1024).map((_, i) => i % 253);
    const sent = await sendSample(a.baseUrl, token, [{ name: 'Dora', email: address, method: 'email' }], [bytesAttachment('scan.tif', 'image/tiff', big)]);
    const start = await startVerification(a.baseUrl, sent.id, address);
    const read = await verify(a.baseUrl, sent.id, start.body.verificationId, await waitForCode(a.mailOutbox, address));
    assert.equal(read.status, 200);

    // The recipient erases their data through process A while process B streams the part.
    const erase = async () => {
      const challenge = await post<{ challengeId: string }>(`${a.baseUrl}/api/privacy/challenges`, { email: address, locale: 'en' });
      assert.equal(challenge.status, 202);
      const code = await waitForCode(a.mailOutbox, address, 1);
      const proven = await post<{ token: string }>(`${a.baseUrl}/api/privacy/challenges/${challenge.body.challengeId}/verify`, { code });
      const erased = await fetch(`${a.baseUrl}/api/privacy/me`, { method: 'DELETE', headers: { authorization: `Bearer ${proven.body.token}` } });
      assert.equal(erased.status, 200);
    };
    // Read on a moment after the erasure, once the message on the channel has had time to arrive.
    const outcome = await fetchPartWhile(b.baseUrl, sent.id, 1, read.body.sessionToken, erase, 300);
    assert.ok(outcome.expected > big.length, 'the whole part was on its way');
    assert.ok(outcome.error || outcome.received < outcome.expected, `process B went on after the erase (${outcome.received} of ${outcome.expected})`);
    assert.equal((await fetchPart(b.baseUrl, sent.id, 1, read.body.sessionToken)).status, 401);
  });
});
