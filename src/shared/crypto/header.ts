import { HEADER_SIZE, SALT_BYTES } from './constants';
import { EnvelopeError } from './envelope-error';

/**
 * The first 8 header bytes are fixed for format version 1: "SPE1", version 0x01, record-size
 * exponent 0x10 (2^16-byte records) and two reserved zero bytes. The 16-byte salt follows.
 */
const FIXED_PREFIX = Uint8Array.of(0x53, 0x50, 0x45, 0x31, 0x01, 0x10, 0x00, 0x00);

export function buildHeader(salt: Uint8Array): Uint8Array<ArrayBuffer> {
  if (!(salt instanceof Uint8Array) || salt.length !== SALT_BYTES) {
    throw new TypeError(`salt must be a Uint8Array of ${SALT_BYTES} bytes`);
  }
  const header = new Uint8Array(HEADER_SIZE);
  header.set(FIXED_PREFIX);
  header.set(salt, FIXED_PREFIX.length);
  return header;
}

/** Rejects a header, or the first bytes of one, as soon as a fixed byte is wrong. */
export function checkHeaderPrefix(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, FIXED_PREFIX.length);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== FIXED_PREFIX[i]) throw new EnvelopeError('bad_header');
  }
}

/** Validates a complete 24-byte header and returns its salt. */
export function parseHeader(header: Uint8Array): Uint8Array<ArrayBuffer> {
  if (header.length !== HEADER_SIZE) throw new EnvelopeError('bad_header');
  checkHeaderPrefix(header);
  return header.slice(FIXED_PREFIX.length);
}
