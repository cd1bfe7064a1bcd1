/**
 * Fakes for the portal's tests: services at their boundary (the API client, the envelope, the file
 * saver), so that screens can be driven by role without a service or real keys.
 */
import type * as React from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ErrorBody, ErrorCode, Result } from '../shared/errors';
import type { StartVerificationResponse, VerifyResponse } from '../shared/protocol/api';
import type { SealedContent } from '../shared/crypto';
import type { RecipientApi } from './api/recipient-api';
import type { PortalEnvelope } from './envelope';
import type { PartSink } from './features/read/decrypt-stream';
import type { FileSaver } from './features/read/save-file';
import { I18nProvider } from './i18n/I18nProvider';
import type { PortalLink } from './link';
import { PortalRoot } from './PortalRoot';
import { PortalServicesProvider, type PortalServices } from './services';

// global-jsdom leaves globals that Node already has (Event, CustomEvent) as Node's own; Fluent's
// focus tracking dispatches `new CustomEvent(...)` on DOM nodes, which jsdom accepts only from its
// own window. Nothing else changes.
for (const name of ['Event', 'CustomEvent', 'EventTarget', 'FocusEvent'] as const) {
  Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
}

export const MESSAGE_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
export const LINK: PortalLink = { messageId: MESSAGE_ID, linkSecret: new Uint8Array(32).fill(7) };
export const EXPIRES_AT = '2030-05-01T12:00:00.000Z';

export const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: { code, message: code, ...(details ? { details } : {}) } satisfies ErrorBody,
});

export const SMS_VERIFICATION: StartVerificationResponse = {
  verificationId: 'BBBBBBBBBBBBBBBBBBBBBB',
  method: 'sms',
  destinationHint: '123',
  expiresAt: EXPIRES_AT,
};

export const SESSION: VerifyResponse = {
  sessionToken: 'session-token',
  sessionExpiresAt: EXPIRES_AT,
  serverShare: 'A'.repeat(43),
  parts: [
    { index: 0, size: 200 },
    { index: 1, size: 8 },
  ],
};

/** A stream that yields the given chunks, then ends (or errors, if `error` is given). */
export function streamOf(chunks: Uint8Array[], error?: Error): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (error) controller.error(error);
      else controller.close();
    },
  });
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);

export type ApiCall = { method: keyof RecipientApi; args: unknown[] };

/** A recipient API whose every answer a test can set; it records what the portal asked. */
export function fakeApi(overrides: Partial<RecipientApi> = {}): RecipientApi & { calls: ApiCall[] } {
  const calls: ApiCall[] = [];
  const base: RecipientApi = {
    getAvailability: async (id) => ok({ id, expiresAt: EXPIRES_AT }),
    startVerification: async () => ok(SMS_VERIFICATION),
    resend: async () => ok({ ...SMS_VERIFICATION, verificationId: 'NEWVERIFICATIONIDxxxxx' }),
    verify: async () => ok(SESSION),
    fetchPart: async () => fail('not_found'),
    ...overrides,
  };
  const recorded = Object.fromEntries(
    Object.entries(base).map(([method, fn]) => [
      method,
      (...args: unknown[]) => {
        calls.push({ method: method as keyof RecipientApi, args });
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as RecipientApi;
  return Object.assign(recorded, { calls });
}

/**
 * An envelope without cryptography: part 0 is the content's JSON in clear, attachments pass
 * through unchanged, and the text "TAMPERED" anywhere fails the way a bad tag would.
 */
export function fakeEnvelope(): PortalEnvelope {
  const tampered = (bytes: Uint8Array) => new TextDecoder().decode(bytes).includes('TAMPERED');
  return {
    parseFragment: (hash) => (hash === '#good' ? new Uint8Array(32).fill(7) : null),
    keyMaterial: (linkSecret, _share, messageId) => ({ linkSecret, serverShare: new Uint8Array(32), messageId }),
    openContent: async (_km, ciphertext) => {
      if (tampered(ciphertext)) throw new Error('auth_failed');
      return JSON.parse(new TextDecoder().decode(ciphertext)) as SealedContent;
    },
    decryptAttachment: () =>
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (tampered(chunk)) throw new Error('auth_failed');
          controller.enqueue(chunk);
        },
      }),
  };
}

export interface SavedFile {
  name: string;
  bytes: Uint8Array;
}

/** A saver that records completed files and aborted attempts, like a downloads folder would. */
export function fakeSaver(): FileSaver & { saved: SavedFile[]; aborted: string[] } {
  const saved: SavedFile[] = [];
  const aborted: string[] = [];
  return {
    saved,
    aborted,
    async open(name): Promise<PartSink> {
      const chunks: Uint8Array[] = [];
      return {
        write: (chunk) => void chunks.push(chunk),
        close: async () => {
          const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
          chunks.reduce((offset, c) => (bytes.set(c, offset), offset + c.byteLength), 0);
          saved.push({ name, bytes });
        },
        abort: async () => void aborted.push(name),
      };
    },
  };
}

export function fakeServices(overrides: Partial<PortalServices> = {}): PortalServices {
  return {
    api: fakeApi(),
    envelope: fakeEnvelope(),
    saveFile: fakeSaver(),
    cspNonce: 'test-nonce',
    languages: ['en-GB'],
    storage: null,
    ...overrides,
  };
}

export function renderPortal(services: PortalServices, link: PortalLink | null = LINK) {
  return render(<PortalRoot services={services} link={link} />);
}

/** Renders one piece of the portal with the providers it needs. */
export function renderWithServices(ui: React.ReactElement, services: PortalServices) {
  return render(
    <PortalServicesProvider value={services}>
      <I18nProvider languages={services.languages} storage={services.storage}>
        <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
      </I18nProvider>
    </PortalServicesProvider>,
  );
}

/** A content object as the sender's client would seal it. */
export function content(overrides: Partial<SealedContent> = {}): SealedContent {
  return {
    v: 1,
    subject: 'Quarterly figures',
    html: '<p>Hello <b>there</b></p>',
    from: { name: 'Anna Jansen', email: 'anna@example.nl' },
    sentAt: '2030-04-01T09:30:00.000Z',
    attachments: [],
    ...overrides,
  };
}

/** A fetchPart that serves part 0 as the content's JSON (the fake envelope's "ciphertext"). */
export function servingContent(body: SealedContent | string, attachments: Record<number, () => ReadableStream<Uint8Array>> = {}) {
  return async (_id: string, index: number) => {
    if (index === 0) return ok({ body: streamOf([bytesOf(typeof body === 'string' ? body : JSON.stringify(body))]) });
    const make = attachments[index];
    return make ? ok({ body: make() }) : fail('not_found');
  };
}
