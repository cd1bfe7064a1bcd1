/**
 * Coarse browser family and device type from a user-agent string. Only these two words are
 * stored (category B/C: "browser and device type"); the full string never is.
 */
export interface ClientKind {
  browser: 'edge' | 'chrome' | 'firefox' | 'safari' | 'outlook' | 'other';
  device: 'desktop' | 'mobile' | 'tablet' | 'other';
}

export function classifyUserAgent(ua: string | undefined): ClientKind {
  const s = (ua ?? '').slice(0, 512);
  const browser: ClientKind['browser'] = /Edg\//.test(s)
    ? 'edge'
    : /Firefox\//.test(s)
      ? 'firefox'
      : /(Chrome|Chromium|CriOS)\//.test(s)
        ? 'chrome'
        : /Safari\//.test(s) && /Version\//.test(s)
          ? 'safari'
          : /Outlook|Microsoft Office/.test(s)
            ? 'outlook'
            : 'other';
  const device: ClientKind['device'] = /iPad|Tablet/.test(s)
    ? 'tablet'
    : /Mobi|iPhone|Android/.test(s)
      ? 'mobile'
      : /Windows|Macintosh|X11|Linux/.test(s)
        ? 'desktop'
        : 'other';
  return { browser, device };
}
