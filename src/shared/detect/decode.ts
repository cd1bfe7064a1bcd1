/**
 * Attachment bytes to text without relying on `TextDecoder`, which the Outlook JavaScript-only
 * runtime may lack: UTF-8 (with or without BOM) and UTF-16 with a BOM, falling back to
 * Windows-1252 style single bytes (as Excel writes CSV) when the bytes are not valid UTF-8.
 */

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  let s = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    s += String.fromCharCode(littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  }
  return s;
}

function singleByte(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * UTF-8 without TextDecoder: the classic escape/decodeURIComponent pair, which throws on invalid
 * sequences (then the bytes are single-byte text). Small, and present in every JavaScript runtime.
 */
function utf8(bytes: Uint8Array, from: number): string | null {
  try {
    return decodeURIComponent(escape(singleByte(bytes.subarray(from))));
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, false);
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (typeof TextDecoder === 'function') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(from));
    } catch {
      return singleByte(bytes.subarray(from));
    }
  }
  return utf8(bytes, from) ?? singleByte(bytes.subarray(from));
}

/** Exposed for tests: the fallback path used where `TextDecoder` is missing. */
export const decodeUtf8WithoutTextDecoder = (bytes: Uint8Array): string | null => utf8(bytes, 0);
