import { RECORD_SIZE } from './constants';
import { buildHeader } from './header';
import { checkKeyMaterial, derivePartKey, type PartKeyMaterial } from './part-key';
import { sealRecord } from './record';
import { RecordBuffer } from './record-buffer';

/**
 * Encrypts one part as a stream: emits the 24-byte header, then one sealed record per 65536
 * plaintext bytes. Input chunks may have any size. A full record is held back until more input
 * arrives, because only then is it known not to be the final one. Each record is awaited before
 * the next is started, so memory follows the size of the input chunks, never the size of the part.
 * Chunks are read, not copied, until they are encrypted: do not modify a chunk after writing it.
 */
export function createEncryptStream(
  km: PartKeyMaterial,
  label: string,
  salt: Uint8Array,
): TransformStream<Uint8Array, Uint8Array<ArrayBuffer>> {
  checkKeyMaterial(km, label);
  const header = buildHeader(salt);
  const keyPromise = derivePartKey(km, label, salt, 'encrypt');
  // Marked handled here; the error still surfaces through start() below.
  keyPromise.catch(() => undefined);
  const pending = new RecordBuffer();
  let key: CryptoKey;
  let counter = 0;

  async function sealFullRecords(controller: TransformStreamDefaultController<Uint8Array<ArrayBuffer>>): Promise<void> {
    // Strictly more than one record buffered: the first one cannot be the final record.
    while (pending.size > RECORD_SIZE) {
      controller.enqueue(await sealRecord(key, header, counter, false, pending.take(RECORD_SIZE)));
      counter += 1;
    }
  }

  return new TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>({
    async start(controller) {
      key = await keyPromise;
      controller.enqueue(header.slice());
    },
    // Not async: most small chunks complete no record, and skipping a promise per chunk matters.
    transform(chunk, controller) {
      pending.push(chunk);
      return pending.size > RECORD_SIZE ? sealFullRecords(controller) : undefined;
    },
    async flush(controller) {
      // 0..65536 bytes remain; an empty final record only occurs when the whole part is empty.
      controller.enqueue(await sealRecord(key, header, counter, true, pending.take(pending.size)));
    },
  });
}
