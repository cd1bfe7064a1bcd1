import 'global-jsdom/register';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EnvelopeError,
  encodeContent,
  encryptBytes,
  encryptPart,
  newId,
  newLinkSecret,
  partLabel,
  randomBytes,
  toBase64Url,
} from '../shared/crypto';
import { browserEnvelope } from './envelope';
import { memorySink, pumpDecrypted, type PartSink } from './features/read/decrypt-stream';
import { content } from './test-support';

// The portal's wiring against the real envelope: what the sender's client seals, the portal opens.
const messageId = newId();
const linkSecret = newLinkSecret();
const serverShare = toBase64Url(randomBytes(32));
const km = browserEnvelope.keyMaterial(linkSecret, serverShare, messageId);

async function sealAttachment(plaintext: Uint8Array, part: number): Promise<Uint8Array> {
  const sealed = new Response(new Blob([plaintext as Uint8Array<ArrayBuffer>]).stream().pipeThrough(encryptPart(km, partLabel(part))));
  return new Uint8Array(await sealed.arrayBuffer());
}

function chunked(bytes: Uint8Array, size = 10_000): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, (offset += size)));
    },
  });
}

function recordingSink(): PartSink & { events: string[]; bytes(): Uint8Array } {
  const inner = memorySink();
  const events: string[] = [];
  return {
    events,
    write: (chunk) => inner.write(chunk),
    close: async () => void (events.push('close'), await inner.close()),
    abort: async (reason) => void (events.push('abort'), await inner.abort(reason)),
    bytes: () => inner.bytes(),
  };
}

describe('portal envelope with the shared crypto', () => {
  it('opens the content that the sender sealed as part 0', async () => {
    const sealed = content({ attachments: [{ part: 1, name: 'a.bin', type: 'application/octet-stream', size: 3 }] });
    const ciphertext = await encryptBytes(km, partLabel(0), encodeContent(sealed));
    assert.deepEqual(await browserEnvelope.openContent(km, ciphertext), sealed);
  });

  it('refuses part 0 with the wrong link secret', async () => {
    const ciphertext = await encryptBytes(km, partLabel(0), encodeContent(content()));
    const wrong = browserEnvelope.keyMaterial(newLinkSecret(), serverShare, messageId);
    await assert.rejects(browserEnvelope.openContent(wrong, ciphertext), EnvelopeError);
  });

  it('reads the link secret from a fragment and nothing else', () => {
    const fragment = `#${toBase64Url(linkSecret)}`;
    assert.deepEqual(browserEnvelope.parseFragment(fragment), linkSecret);
    assert.equal(browserEnvelope.parseFragment('#short'), null);
    assert.equal(browserEnvelope.parseFragment(''), null);
  });

  it('streams an attachment of several records back to its bytes, counting ciphertext', async () => {
    const plaintext = randomBytes(200_000);
    const ciphertext = await sealAttachment(plaintext, 1);
    const sink = recordingSink();
    let received = 0;
    await pumpDecrypted(chunked(ciphertext), browserEnvelope.decryptAttachment(km, 1), sink, (n) => (received = n));
    assert.deepEqual(sink.bytes(), plaintext);
    assert.equal(received, ciphertext.length);
    assert.deepEqual(sink.events, ['close']);
  });

  it('aborts the sink, never closing it, when a later record was altered', async () => {
    const ciphertext = await sealAttachment(randomBytes(200_000), 1);
    const at = ciphertext.length - 100;
    ciphertext[at] = ciphertext[at]! ^ 1;
    const sink = recordingSink();
    await assert.rejects(pumpDecrypted(chunked(ciphertext), browserEnvelope.decryptAttachment(km, 1), sink));
    assert.deepEqual(sink.events, ['abort']);
  });

  it('aborts the sink when the stream was cut off partway', async () => {
    const ciphertext = await sealAttachment(randomBytes(200_000), 2);
    const sink = recordingSink();
    await assert.rejects(pumpDecrypted(chunked(ciphertext.subarray(0, 70_000)), browserEnvelope.decryptAttachment(km, 2), sink));
    assert.deepEqual(sink.events, ['abort']);
  });

  it('does not decrypt one part with another part\u2019s label', async () => {
    const ciphertext = await sealAttachment(randomBytes(1000), 1);
    const sink = recordingSink();
    await assert.rejects(pumpDecrypted(chunked(ciphertext), browserEnvelope.decryptAttachment(km, 2), sink));
    assert.deepEqual(sink.events, ['abort']);
  });
});
