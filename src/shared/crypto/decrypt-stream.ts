import { HEADER_SIZE, SEALED_RECORD_SIZE, TAG_BYTES } from './constants';
import { EnvelopeError } from './envelope-error';
import { checkHeaderPrefix, parseHeader } from './header';
import { checkKeyMaterial, derivePartKey, type PartKeyMaterial } from './part-key';
import { openRecord } from './record';
import { RecordBuffer } from './record-buffer';

/**
 * Decrypts one part as a stream. One sealed record of look-ahead is kept: a full-size record is
 * opened as non-final only once a further byte has arrived, and whatever remains at the end is
 * opened as the final record. Every emitted record is authentic, but the part is complete only
 * when the stream closes without error; consumers must discard the output on error.
 */
export function decryptPart(km: PartKeyMaterial, label: string): TransformStream<Uint8Array, Uint8Array<ArrayBuffer>> {
  checkKeyMaterial(km, label);
  // Copies, so that a caller wiping its key material after this call does not change the result.
  const material: PartKeyMaterial = {
    linkSecret: km.linkSecret.slice(),
    serverShare: km.serverShare.slice(),
    messageId: km.messageId,
  };
  const pending = new RecordBuffer();
  let header: Uint8Array<ArrayBuffer> | null = null;
  let key: CryptoKey;
  let counter = 0;

  async function readHeader(): Promise<boolean> {
    if (header) return true;
    if (pending.size < HEADER_SIZE) {
      checkHeaderPrefix(pending.peek(HEADER_SIZE));
      return false;
    }
    const bytes = pending.take(HEADER_SIZE).slice();
    const salt = parseHeader(bytes);
    key = await derivePartKey(material, label, salt, 'decrypt');
    header = bytes;
    return true;
  }

  async function openFullRecords(controller: TransformStreamDefaultController<Uint8Array<ArrayBuffer>>): Promise<void> {
    if (!(await readHeader())) return;
    // Strictly more than one sealed record buffered: the first one cannot be the final record.
    while (pending.size > SEALED_RECORD_SIZE) {
      const sealed = pending.take(SEALED_RECORD_SIZE);
      const plain = await openRecord(key, header!, counter, false, sealed);
      if (!plain) {
        // Diagnosis only: a record that opens as final but is followed by more bytes was extended.
        const asFinal = await openRecord(key, header!, counter, true, sealed);
        throw new EnvelopeError(asFinal ? 'trailing_data' : 'auth_failed');
      }
      controller.enqueue(plain);
      counter += 1;
    }
  }

  return new TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>({
    // Not async: most small chunks complete no record, and skipping a promise per chunk matters.
    transform(chunk, controller) {
      pending.push(chunk);
      if (header ? pending.size > SEALED_RECORD_SIZE : pending.size >= HEADER_SIZE) return openFullRecords(controller);
      if (!header) checkHeaderPrefix(pending.peek(HEADER_SIZE));
      return undefined;
    },
    async flush(controller) {
      if (!(await readHeader())) throw new EnvelopeError('truncated');
      const sealed = pending.take(pending.size);
      if (sealed.length < TAG_BYTES) throw new EnvelopeError('truncated');
      const plain = await openRecord(key, header!, counter, true, sealed);
      if (!plain) {
        // A full record that opens as non-final means the real final record was cut off.
        const cut = sealed.length === SEALED_RECORD_SIZE && (await openRecord(key, header!, counter, false, sealed));
        throw new EnvelopeError(cut ? 'truncated' : 'auth_failed');
      }
      // An empty final record is only canonical for an empty part; after full records the last
      // full record must have been the final one, so this record is extra data.
      if (plain.length === 0 && counter > 0) throw new EnvelopeError('trailing_data');
      controller.enqueue(plain);
    },
  });
}
