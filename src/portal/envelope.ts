/**
 * The portal's only door to the envelope crypto. Components receive this through the services
 * context, so tests can replace it with a fake and the real implementation stays in one place.
 */
import {
  decodeContent,
  decryptBytes,
  decryptPart,
  fromBase64Url,
  parseFragment,
  partLabel,
  type PartKeyMaterial,
  type SealedContent,
} from '../shared/crypto';

export interface PortalEnvelope {
  /** The 32-byte link secret from `#…`, or null when the fragment is missing or malformed. */
  parseFragment(hash: string): Uint8Array | null;
  keyMaterial(linkSecret: Uint8Array, serverShareBase64Url: string, messageId: string): PartKeyMaterial;
  /** Decrypts and decodes part 0; throws (an EnvelopeError) when it does not authenticate. */
  openContent(km: PartKeyMaterial, ciphertext: Uint8Array): Promise<SealedContent>;
  /** A stream that decrypts one attachment part and errors on any failed or missing record. */
  decryptAttachment(km: PartKeyMaterial, part: number): TransformStream<Uint8Array, Uint8Array>;
}

export const browserEnvelope: PortalEnvelope = {
  parseFragment,
  keyMaterial: (linkSecret, serverShare, messageId) => ({
    linkSecret,
    serverShare: fromBase64Url(serverShare),
    messageId,
  }),
  openContent: async (km, ciphertext) => decodeContent(await decryptBytes(km, partLabel(0), ciphertext)),
  decryptAttachment: (km, part) => decryptPart(km, partLabel(part)),
};
