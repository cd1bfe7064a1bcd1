/**
 * What the pane reports about where it runs (category B): Outlook's host, version and platform,
 * and two coarse words for the browser family and the device type. The user-agent string itself
 * is read here, on the device, and never sent.
 */
import type { HostInfo } from '../../office/office-adapter';
import type { ClientInfo } from '../../../shared/protocol/api';

export interface NavigatorHints {
  userAgent?: string;
  userAgentData?: { brands?: ReadonlyArray<{ brand: string }>; mobile?: boolean };
}

type Browser = 'edge' | 'chrome' | 'firefox' | 'safari' | 'webview' | 'other';
type Device = 'desktop' | 'mobile' | 'tablet';

function browserOf({ userAgent = '', userAgentData }: NavigatorHints): Browser {
  const brands = (userAgentData?.brands ?? []).map((b) => b.brand);
  if (brands.includes('Microsoft Edge') || brands.includes('Microsoft Edge WebView2')) return 'edge';
  if (brands.includes('Google Chrome')) return 'chrome';
  if (/Edg(A|iOS)?\//.test(userAgent)) return 'edge';
  if (/Firefox\//.test(userAgent)) return 'firefox';
  if (/(Chrome|Chromium|CriOS)\//.test(userAgent)) return 'chrome';
  if (/Safari\//.test(userAgent) && /Version\//.test(userAgent)) return 'safari';
  // Outlook on Mac hosts the pane in a WebKit view that names no browser.
  if (/AppleWebKit\//.test(userAgent)) return 'webview';
  return 'other';
}

function deviceOf({ userAgent = '', userAgentData }: NavigatorHints): Device {
  if (/iPad|Tablet/.test(userAgent)) return 'tablet';
  if (userAgentData?.mobile || /Mobi|iPhone|Android/.test(userAgent)) return 'mobile';
  return 'desktop';
}

const clip = (value: string) => value.slice(0, 40);

export function clientInfo(host: HostInfo, nav: NavigatorHints): ClientInfo {
  return {
    outlookHost: clip(host.host),
    outlookVersion: clip(host.version),
    outlookPlatform: clip(host.platform),
    browser: browserOf(nav),
    device: deviceOf(nav),
  };
}
