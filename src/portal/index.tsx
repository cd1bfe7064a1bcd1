/**
 * Start-up of the recipient portal.
 *
 * Serving contract (the server side implements it): `GET /m/:id` and `GET /my-data` answer
 * `portal.html` with the literal `__CSP_NONCE__` replaced by a fresh nonce per response, and these
 * headers (the bundle picks the page by path: a message, or "Your data"):
 *
 *   Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self' 'nonce-<N>';
 *     style-src-attr 'unsafe-inline'; img-src 'self' data: blob: https:; font-src 'self';
 *     connect-src 'self'; frame-src 'self' blob: about:; child-src blob:; base-uri 'none';
 *     object-src 'none'; form-action 'none'; frame-ancestors 'none'
 *   Referrer-Policy: no-referrer
 *
 * `style-src-attr 'unsafe-inline'` exists for the message frame: it inherits this policy, and HTML
 * mail is mostly inline `style` attributes. Attributes cannot load script and this page renders no
 * untrusted markup outside that frame; the frame adds its own stricter policy (mail-document.ts).
 * Browsers without `style-src-attr` fall back to `style-src` and show the mail unstyled.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDOMRenderer, RendererProvider } from '@fluentui/react-components';
import { createPrivacyApi } from './api/privacy-api';
import { createRecipientApi } from './api/recipient-api';
import { readCspNonce } from './csp-nonce';
import { browserEnvelope } from './envelope';
import { browserFileSaver } from './features/read/save-file';
import { readLink } from './link';
import { PortalRoot } from './PortalRoot';
import { portalPage } from './route';
import type { PortalServices } from './services';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// Both read exactly once, before React renders: the fragment is gone from the URL afterwards.
// Only message links carry a fragment; "Your data" (/my-data) has none to read or remove.
const cspNonce = readCspNonce(document);
const page = portalPage(window.location.pathname);
const link = page === 'message' ? readLink(window.location, window.history, browserEnvelope.parseFragment) : null;

const services: PortalServices = {
  api: createRecipientApi(),
  privacy: createPrivacyApi(),
  envelope: browserEnvelope,
  saveFile: browserFileSaver(window),
  cspNonce,
  languages: navigator.languages?.length ? navigator.languages : [navigator.language],
  storage: localStorageOrNull(),
};

// Griffel and FluentProvider create <style> elements; under the CSP they need the nonce.
const renderer = createDOMRenderer(document, cspNonce ? { styleElementAttributes: { nonce: cspNonce } } : {});

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <RendererProvider renderer={renderer} targetDocument={document}>
        <PortalRoot services={services} link={link} page={page} />
      </RendererProvider>
    </StrictMode>,
  );
}
