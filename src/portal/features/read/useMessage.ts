import * as React from 'react';
import type { PartKeyMaterial, SealedContent } from '../../../shared/crypto';
import type { VerifyResponse } from '../../../shared/protocol/api';
import type { PortalLink } from '../../link';
import { usePortalServices, type PortalServices } from '../../services';
import { memorySink, pumpDecrypted } from './decrypt-stream';
import { findInlineImages, toDataUrl } from './inline-images';

export type MessageState =
  | { status: 'loading' }
  | { status: 'ready'; content: SealedContent; inlineImages: ReadonlyMap<string, string>; keyMaterial: PartKeyMaterial }
  /** The key did not open the content: a wrong or incomplete link secret, or tampering. */
  | { status: 'decrypt_failed' }
  | { status: 'error' };

export interface UseMessageOptions {
  link: PortalLink;
  session: VerifyResponse;
  onSessionEnded: () => void;
  onUnavailable: () => void;
}

const ENDED_SESSION = new Set(['session_expired', 'unauthenticated']);

/** Inline images are a nicety: one that fails to load is left out, the message still shows. */
async function loadInlineImages(
  services: PortalServices,
  link: PortalLink,
  session: VerifyResponse,
  km: PartKeyMaterial,
  content: SealedContent,
  signal: AbortSignal,
): Promise<Map<string, string>> {
  const images = new Map<string, string>();
  for (const [key, attachment] of findInlineImages(content.html, content.attachments)) {
    const part = await services.api.fetchPart(link.messageId, attachment.part, session.sessionToken, signal);
    if (!part.ok) continue;
    const sink = memorySink();
    try {
      await pumpDecrypted(part.data.body, services.envelope.decryptAttachment(km, attachment.part), sink, undefined, signal);
      images.set(key, toDataUrl(attachment.type, sink.bytes()));
    } catch {
      // Left out: the sanitiser drops cid images it has no data for.
    }
  }
  return images;
}

/** Fetches part 0 under the session, decrypts it with both key halves, and decodes it. */
export function useMessage({ link, session, onSessionEnded, onUnavailable }: UseMessageOptions) {
  const services = usePortalServices();
  const [state, setState] = React.useState<MessageState>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const ended = React.useRef({ onSessionEnded, onUnavailable });
  ended.current = { onSessionEnded, onUnavailable };

  React.useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setState({ status: 'loading' });
    void (async () => {
      const part = await services.api.fetchPart(link.messageId, 0, session.sessionToken, signal);
      if (signal.aborted) return;
      if (!part.ok) {
        if (ENDED_SESSION.has(part.error.code)) return ended.current.onSessionEnded();
        if (part.error.code === 'message_unavailable') return ended.current.onUnavailable();
        return setState({ status: 'error' });
      }
      let ciphertext: Uint8Array;
      try {
        ciphertext = new Uint8Array(await new Response(part.data.body).arrayBuffer());
      } catch {
        if (!signal.aborted) setState({ status: 'error' });
        return;
      }
      let km: PartKeyMaterial;
      let content: SealedContent;
      try {
        km = services.envelope.keyMaterial(link.linkSecret, session.serverShare, link.messageId);
        content = await services.envelope.openContent(km, ciphertext);
      } catch {
        if (!signal.aborted) setState({ status: 'decrypt_failed' });
        return;
      }
      const inlineImages = await loadInlineImages(services, link, session, km, content, signal);
      if (!signal.aborted) setState({ status: 'ready', content, inlineImages, keyMaterial: km });
    })();
    return () => controller.abort();
  }, [services, link, session, attempt]);

  const retry = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
