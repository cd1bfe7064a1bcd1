/**
 * Sealpost's end-to-end encryption, shared by the add-in, the portal and the service. The format
 * is specified in docs/crypto.md; these exports are the only supported entry points.
 */
export { RECORD_SIZE, HEADER_SIZE, KEY_BYTES } from './constants';
export { EnvelopeError, type EnvelopeErrorCode } from './envelope-error';
export { toBase64Url, fromBase64Url } from './base64url';
export { randomBytes, newLinkSecret, newId } from './random';
export { partLabel, type PartKeyMaterial } from './part-key';
export { ciphertextSize, encryptPart, encryptBytes, decryptBytes } from './part';
export { decryptPart } from './decrypt-stream';
export { encodeContent, decodeContent, type SealedContent, type SealedAttachment } from './content';
export { formatLink, parseLink, parseFragment } from './link';
export { wrapServerShare, unwrapServerShare } from './share-wrap';

/** FOR KNOWN-ANSWER TESTS ONLY: fixed salt / nonce variants that must never run in production. */
export { encryptBytesWithSalt } from './part';
export { wrapServerShareWithNonce } from './share-wrap';
