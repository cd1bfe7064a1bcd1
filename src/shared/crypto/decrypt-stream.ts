import { HEADER_SIZE, SEALED_RECORD_SIZE } from './constants';
import { EnvelopeError } from './envelope-error';
import { checkHeaderPrefix, parseHeader } from './header';
import { OrderedRecords, RECORDS_IN_FLIGHT } from './in-flight';
import { checkKeyMaterial, derivePartKey, type PartKeyMaterial } from './part-key';
import { decryptRecord } from './record';
import { RecordBuffer } from './record-buffer';
import { diagnoseInnerRecord, openFinalRecord } from './record-open';

/**
 * Decrypts one part as a stream. One sealed record of look-ahead is kept: a full-size record is
 * opened as non-final only once a further byte has arrived, and whatever remains at the end is
 * opened as the final record. Up to RECORDS_IN_FLIGHT records are opened at once, but results are
 * released strictly in order: plaintext of a record is emitted only after every earlier record has
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
  const records = new OrderedRecords(RECORDS_IN_FLIGHT);
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

  /**
   * Starts the buffered non-final records while there is room; true once all are started. Only
   * while fewer than RECORDS_IN_FLIGHT run, which keeps a record's bytes intact for its diagnosis.
   */
  function openFullRecords(): boolean {
    // Strictly more than one sealed record buffered: the first one cannot be the final record.
    while (pending.size > SEALED_RECORD_SIZE) {
      if (records.full) return false;
      const sealed = pending.take(SEALED_RECORD_SIZE);
      const at = counter++;
      records.add(decryptRecord(key, header!, records.nonce(at, false), sealed), (error) => diagnoseInnerRecord(error, key, header!, at, sealed));
    }
    // Records still in flight are emitted as they complete, at the latest before flush ends.
    return true;
  }

  function openFinal(): boolean {
    if (records.full) return false;
    records.add(openFinalRecord(key, header!, counter++, pending.take(pending.size)));
    return true;
  }

  return new TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>({
    start(controller) {
      records.attach(controller);
    },
    // Not async: most small chunks complete no record, and skipping a promise per chunk matters.
    transform(chunk) {
      pending.push(chunk);
      if (header) return pending.size > SEALED_RECORD_SIZE ? records.run(openFullRecords) : undefined;
      if (pending.size >= HEADER_SIZE) return readHeader().then(() => records.run(openFullRecords));
      checkHeaderPrefix(pending.peek(HEADER_SIZE));
      return undefined;
    },
    async flush() {
      if (!(await readHeader())) throw new EnvelopeError('truncated');
      await records.run(openFinal);
      await records.drain();
    },
  });
}
