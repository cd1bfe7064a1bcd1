/** Plaintext bytes per record (2^16); every record but the final one carries exactly this many. */
export const RECORD_SIZE = 65536;
/** Bytes of the part header: magic, version, record-size exponent, reserved, salt. */
export const HEADER_SIZE = 24;
/** Bytes of every symmetric secret: link secret, server share, part keys, wrap key. */
export const KEY_BYTES = 32;

export const SALT_BYTES = 16;
export const TAG_BYTES = 16;
export const NONCE_BYTES = 12;
export const ID_BYTES = 16;
/** Bytes of one encrypted record that is not the final one. */
export const SEALED_RECORD_SIZE = RECORD_SIZE + TAG_BYTES;
