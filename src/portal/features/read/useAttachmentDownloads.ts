import * as React from 'react';
import type { PartKeyMaterial, SealedAttachment } from '../../../shared/crypto';
import type { VerifyResponse } from '../../../shared/protocol/api';
import { usePortalServices } from '../../services';
import { pumpDecrypted } from './decrypt-stream';

export type DownloadState =
  | { status: 'idle' }
  | { status: 'downloading'; percent: number }
  | { status: 'done' }
  | { status: 'failed' };

export interface UseAttachmentDownloadsOptions {
  messageId: string;
  session: VerifyResponse;
  keyMaterial: PartKeyMaterial;
  onSessionEnded: () => void;
}

const IDLE: DownloadState = { status: 'idle' };

/** Per-attachment download state, and the action that streams, decrypts and saves one. */
export function useAttachmentDownloads({ messageId, session, keyMaterial, onSessionEnded }: UseAttachmentDownloadsOptions) {
  const { api, envelope, saveFile } = usePortalServices();
  const [states, setStates] = React.useState<ReadonlyMap<number, DownloadState>>(new Map());
  const running = React.useRef(new Map<number, AbortController>());

  // Leaving the message stops its downloads; their sinks are aborted, so nothing half is saved.
  React.useEffect(() => {
    const controllers = running.current;
    return () => controllers.forEach((controller) => controller.abort());
  }, []);

  const set = React.useCallback((part: number, state: DownloadState) => {
    setStates((previous) => new Map(previous).set(part, state));
  }, []);

  const download = React.useCallback(
    async (attachment: SealedAttachment) => {
      const { part } = attachment;
      if (running.current.has(part)) return;
      const total = session.parts.find((p) => p.index === part)?.size ?? attachment.size;
      const controller = new AbortController();
      running.current.set(part, controller);
      try {
        const sink = await saveFile.open(attachment.name, attachment.size);
        if (!sink) return;
        set(part, { status: 'downloading', percent: 0 });
        const response = await api.fetchPart(messageId, part, session.sessionToken, controller.signal);
        if (!response.ok) {
          await sink.abort(response.error);
          if (response.error.code === 'session_expired' || response.error.code === 'unauthenticated') {
            return onSessionEnded();
          }
          return set(part, { status: 'failed' });
        }
        let shown = 0;
        await pumpDecrypted(
          response.data.body,
          envelope.decryptAttachment(keyMaterial, part),
          sink,
          (received) => {
            // One update per whole percent: a 1 GiB part arrives in some 16,000 records.
            const percent = total > 0 ? Math.min(100, Math.floor((received / total) * 100)) : 0;
            if (percent === shown) return;
            shown = percent;
            set(part, { status: 'downloading', percent });
          },
          controller.signal,
        );
        set(part, { status: 'done' });
      } catch {
        if (!controller.signal.aborted) set(part, { status: 'failed' });
      } finally {
        running.current.delete(part);
      }
    },
    [api, envelope, saveFile, messageId, session, keyMaterial, onSessionEnded, set],
  );

  const stateOf = (part: number): DownloadState => states.get(part) ?? IDLE;
  return { stateOf, download };
}
