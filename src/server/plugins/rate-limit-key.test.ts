import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyRequest } from 'fastify';
import { hmac } from '../secrets';
import { rateLimitKeyGenerator } from './rate-limit-key';

const codeKey = Buffer.alloc(32, 9);
const expected = (ip: string) => hmac(codeKey, 'rate-limit', ip).toString('base64url').slice(0, 22);

/** A request as the generator sees it: the client address and the connection's own address. */
function request(ip: string, socket: { remoteAddress?: string } | undefined): FastifyRequest {
  return { ip, raw: { socket } } as unknown as FastifyRequest;
}

describe('rate-limit key', () => {
  it('is the keyed hash of the address, as before, and never the address', () => {
    const key = rateLimitKeyGenerator(codeKey);
    for (const ip of ['127.0.0.1', '::1', '2001:db8::1', '::ffff:10.0.0.7']) {
      const k = key(request(ip, { remoteAddress: ip }));
      assert.equal(k, expected(ip));
      assert.ok(!k.includes(ip));
    }
    assert.notEqual(rateLimitKeyGenerator(Buffer.alloc(32, 1))(request('127.0.0.1', undefined)), expected('127.0.0.1'), 'depends on the key');
  });

  it('hashes once per connection, but every forwarded address apart', () => {
    const key = rateLimitKeyGenerator(codeKey);
    const socket = { remoteAddress: '10.0.0.1' };
    assert.equal(key(request('10.0.0.1', socket)), expected('10.0.0.1'));
    assert.equal(key(request('10.0.0.1', socket)), expected('10.0.0.1'));
    // Behind a trusted proxy one connection carries many clients: each keeps its own key.
    assert.equal(key(request('192.0.2.1', socket)), expected('192.0.2.1'));
    assert.equal(key(request('192.0.2.2', socket)), expected('192.0.2.2'));
    assert.equal(key(request('10.0.0.1', { remoteAddress: '10.0.0.1' })), expected('10.0.0.1'));
    assert.equal(key(request('10.0.0.2', { remoteAddress: '10.0.0.2' })), expected('10.0.0.2'));
  });
});
