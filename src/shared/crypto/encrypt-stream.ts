import { RECORD_SIZE } from './constants';
import { buildHeader } from './header';
import { OrderedRecords, RECORDS_IN_FLIGHT } from './in-flight';
import { checkKeyMaterial, derivePartKey, type PartKeyMaterial } from './part-key';
import { encryptRecord } from './record';
import { RecordBuffer } from './record-buffer';

/**
 * Encrypts one part as a stream: emits the 24-byte header, then one sealed record per 65536
 * plaintext bytes. Input chunks may have any size. A full record is held back until more input
 * arrives, because only then is it known not to be the final one. Up to RECORDS_IN_FLIGHT records
 * are sealed at once and emitted in order, so memory follows the size of the input chunks and
 * that constant, never the size of the part.
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
  const pending = new RecordBuffer(RECORDS_IN_FLIGHT);
  const records = new OrderedRecords(RECORDS_IN_FLIGHT);
  let key: CryptoKey;
  let counter = 0;

  /** Starts the buffered non-final records while there is room; true once all are started. */
  function sealFullRecords(): boolean {
    // Strictly more than one record buffered: the first one cannot be the final record.
    while (pending.size > RECORD_SIZE) {
      // Only while fewer than RECORDS_IN_FLIGHT run, which keeps a record's bytes intact.
      if (records.full) return false;
      records.add(encryptRecord(key, header, records.nonce(counter++, false), pending.take(RECORD_SIZE)));
    }
    // Records still in flight are emitted as they complete, at the latest before flush ends.
    return true;
  }

  function sealFinal(): boolean {
    if (records.full) return false;
    // 0..65536 bytes remain for the final record; it is empty only when the whole part is empty.
    records.add(encryptRecord(key, header, records.nonce(counter++, true), pending.take(pending.size)));
    return true;
  }

  return new TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>({
    async start(controller) {
      records.attach(controller);
      key = await keyPromise;
      controller.enqueue(header.slice());
    },
    // Not async: most small chunks complete no record, and skipping a promise per chunk matters.
    transform(chunk) {
      pending.push(chunk);
      return pending.size > RECORD_SIZE ? records.run(sealFullRecords) : undefined;
    },
    async flush() {
      await records.run(sealFinal);
      await records.drain();
    },
  });
}
