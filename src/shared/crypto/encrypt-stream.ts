import { RECORD_SIZE } from './constants';
import { buildHeader } from './header';
import { InFlight, RECORDS_IN_FLIGHT } from './in-flight';
import { checkKeyMaterial, derivePartKey, type PartKeyMaterial } from './part-key';
import { sealRecord } from './record';
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
  const sealing = new InFlight<Uint8Array<ArrayBuffer>>(RECORDS_IN_FLIGHT);
  let key: CryptoKey;
  let counter = 0;

  /** Starts the next record; only while fewer than RECORDS_IN_FLIGHT run, which keeps its bytes intact. */
  function startRecord(final: boolean): void {
    // 0..65536 bytes remain for the final record; it is empty only when the whole part is empty.
    const plaintext = pending.take(final ? pending.size : RECORD_SIZE);
    sealing.add(sealRecord(key, header, counter, final, plaintext));
    counter += 1;
  }

  /** Starts the buffered non-final records; returns a promise only when it has to wait for room. */
  function sealFullRecords(controller: TransformStreamDefaultController<Uint8Array<ArrayBuffer>>): Promise<void> | undefined {
    // Strictly more than one record buffered: the first one cannot be the final record.
    while (pending.size > RECORD_SIZE) {
      if (sealing.full) return sealAfterWaiting(controller);
      startRecord(false);
    }
    // Records still in flight are emitted by the next call, or by flush.
    return undefined;
  }

  async function sealAfterWaiting(controller: TransformStreamDefaultController<Uint8Array<ArrayBuffer>>): Promise<void> {
    while (pending.size > RECORD_SIZE) {
      if (sealing.full) controller.enqueue(await sealing.next());
      startRecord(false);
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
      if (sealing.full) controller.enqueue(await sealing.next());
      startRecord(true);
      while (sealing.size > 0) controller.enqueue(await sealing.next());
    },
  });
}
