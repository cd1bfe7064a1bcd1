import type { SealedAttachment } from '../../../shared/crypto';

/** Inline images larger than this are not embedded; they stay downloadable as attachments. */
export const INLINE_IMAGE_LIMIT = 5 * 1024 * 1024;
const INLINE_TYPES = /^image\/(?:png|gif|jpeg|webp|bmp|avif)$/i;

/** Normalises `cid:<x>` / `<x>` / `x` (percent-encoded or not) to one lookup key. */
export function cidKey(raw: string): string {
  let value = raw.trim().replace(/^cid:/i, '').replace(/^<|>$/g, '');
  try {
    value = decodeURIComponent(value);
  } catch {
    // Not percent-encoded after all; use it as written.
  }
  return value.toLowerCase();
}

/**
 * Which attachments the body shows inline. The sealed format has no content ids, so a reference
 * matches by file name: Outlook names an inline image `image001.png` and refers to it as
 * `cid:image001.png@01DA…`. Only raster images are embedded.
 */
export function findInlineImages(html: string, attachments: readonly SealedAttachment[]): Map<string, SealedAttachment> {
  const found = new Map<string, SealedAttachment>();
  for (const match of html.matchAll(/cid:([^"'\s)>]+)/gi)) {
    const key = cidKey(match[1] ?? '');
    const attachment = attachments.find((candidate) => {
      const name = candidate.name.toLowerCase();
      return key === name || key.split('@')[0] === name;
    });
    if (attachment && INLINE_TYPES.test(attachment.type) && attachment.size <= INLINE_IMAGE_LIMIT) {
      found.set(key, attachment);
    }
  }
  return found;
}

/** A data: URL for decrypted image bytes (the page's CSP allows data: images, not blob: in frames). */
export function toDataUrl(type: string, bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return `data:${type.toLowerCase()};base64,${btoa(binary)}`;
}
