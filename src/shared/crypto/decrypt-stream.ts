import { HEADER_SIZE, SEALED_RECORD_SIZE } from './constants';
import { EnvelopeError } from './envelope-error';
import { checkHeaderPrefix, parseHeader } from './header';
import { InFlight, RECORDS_IN_FLIGHT } from './in-flight';
import { checkKeyMaterial, derivePartKey, type PartKeyMaterial } from './part-key';
import { RecordBuffer } from './record-buffer';
import { openFinalRecord, openInnerRecord } from './record-open';

/**
 * Decrypts one part as a stream. One sealed record of look-ahead is kept: a full-size record is
 * opened as non-final only once a further byte has arrived, and whatever remains at the end is
 * opened as the final record. Up to RECORDS_IN_FLIGHT records are opened at once, but results are
 * taken strictly in order: plaintext of a record is emitted only after every earlier record has
 * verified, and the first failure errors the stream before anything later is emitted. Every
 * emitted byte is authentic, but the part is complete only when the stream closes without error;
 * consumers must discard the output on error.
 */
export function decryptPart(km: PartKeyMaterial, label: string): TransformStream<Uint8Array, Uint8Array<ArrayBuffer>> {
  checkKeyMaterial(km, label);
  // Copies, so that a caller wiping its key material after this call does not change the result.
  const material: PartKeyMaterial = {
    linkSecret: km.linkSecret.slice(),
    serverShare: km.serverShare.slice(),
    messageId: km.messageId,
  };
  const pending = new RecordBuffer(RECORDS_IN_FLIGHT);
  const opening = new InFlight<Uint8Array<ArrayBuffer>>(RECORDS_IN_FLIGHT);
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

  /** Starts the next record; only while fewer than RECORDS_IN_FLIGHT run, which keeps its bytes intact. */
  function startRecord(final: boolean): void {
    const sealed = pending.take(final ? pending.size : SEALED_RECORD_SIZE);
    opening.add((final ? openFinalRecord : openInnerRecord)(key, header!, counter, sealed));
    counter += 1;
  }

  /** Starts the buffered non-final records; returns a promise only when it has to wait for room. */
  function openFullRecords(controller: TransformStreamDefaultController<Uint8Array<ArrayBuffer>>): Promise<void> | undefined {
    // Strictly more than one sealed record buffered: the first one cannot be the final record.
    while (pending.size > SEALED_RECORD_SIZE) {
      if (opening.full) return openAfterWaiting(controller);
      startRecord(false);
    }
    // Records still in flight are emitted by the next call, or by flush.
    return undefined;
  }

  async function openAfterWaiting(controller: TransformStreamDefaultController<Uint8Array<ArrayBuffer>>): Promise<void> {
    while (pending.size > SEALED_RECORD_SIZE) {
      if (opening.full) controller.enqueue(await opening.next());
      startRecord(false);
    }
  }

  return new TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>({
    // Not async: most small chunks complete no record, and skipping a promise per chunk matters.
    transform(chunk, controller) {
      pending.push(chunk);
      if (header) return pending.size > SEALED_RECORD_SIZE ? openFullRecords(controller) : undefined;
      if (pending.size >= HEADER_SIZE) return readHeader().then(() => openFullRecords(controller));
      checkHeaderPrefix(pending.peek(HEADER_SIZE));
      return undefined;
    },
    async flush(controller) {
      if (!(await readHeader())) throw new EnvelopeError('truncated');
      if (opening.full) controller.enqueue(await opening.next());
      startRecord(true);
      while (opening.size > 0) controller.enqueue(await opening.next());
    },
  });
}
