/**
 * Fakes for the portal's tests: services at their boundary (the API client, the envelope, the file
 * saver), so that screens can be driven by role without a service or real keys.
 */
// First: the DOM globals must be jsdom's before Fluent loads.
import '../client/test-dom';
import type * as React from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ErrorBody, ErrorCode, Result } from '../shared/errors';
import type { StartVerificationResponse, VerifyResponse } from '../shared/protocol/api';
import type {
  PersonalData,
  PrivacyChallengeResponse,
  PrivacyRequestSummary,
  PrivacySession,
  RecipientRecord,
} from '../shared/protocol/privacy-api';
import type { SealedContent } from '../shared/crypto';
import { recording, type ApiCall as SharedApiCall } from '../client/test-support';
import type { PrivacyApi } from './api/privacy-api';
import type { RecipientApi } from './api/recipient-api';
import type { PortalEnvelope } from './envelope';
import type { PartSink } from './features/read/decrypt-stream';
import type { FileSaver } from './features/read/save-file';
import { I18nProvider } from './i18n/I18nProvider';
import type { PortalLink } from './link';
import { PortalRoot } from './PortalRoot';
import { PortalServicesProvider, type PortalServices } from './services';

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

export type ApiCall<Api = RecipientApi> = SharedApiCall<Api>;

/** A recipient API whose every answer a test can set; it records what the portal asked. */
export function fakeApi(overrides: Partial<RecipientApi> = {}): RecipientApi & { calls: ApiCall[] } {
  return recording<RecipientApi>({
    getAvailability: async (id) => ok({ id, expiresAt: EXPIRES_AT }),
    startVerification: async () => ok(SMS_VERIFICATION),
    resend: async () => ok({ ...SMS_VERIFICATION, verificationId: 'NEWVERIFICATIONIDxxxxx' }),
    verify: async () => ok(SESSION),
    fetchPart: async () => fail('not_found'),
    ...overrides,
  });
}

// ---------------------------------------------------------------- "Your data"

export const SUBJECT = 'jan@client.example';
export const CHALLENGE: PrivacyChallengeResponse = { challengeId: 'CCCCCCCCCCCCCCCCCCCCCC', expiresAt: EXPIRES_AT };
export const PRIVACY_SESSION: PrivacySession = { token: 'privacy-token', expiresAt: EXPIRES_AT };

export function recipientRecord(overrides: Partial<RecipientRecord> = {}): RecipientRecord {
  return {
    organisation: 'Zorggroep Test',
    sender: { name: 'Anna de Vries', email: 'anna.devries@zorg.example' },
    messageId: MESSAGE_ID,
    messageStatus: 'sent',
    sentAt: '2030-04-01T09:30:00.000Z',
    expiresAt: '2030-04-15T09:30:00.000Z',
    recipientId: 'RRRRRRRRRRRRRRRRRRRRRR',
    name: 'Jan Jansen',
    email: SUBJECT,
    method: 'sms',
    phone: '+31612345678',
    codeSentAt: '2030-04-01T10:00:00.000Z',
    verifiedAt: '2030-04-01T10:01:00.000Z',
    openedAt: '2030-04-01T10:01:00.000Z',
    downloadedAt: null,
    failedAttempts: 0,
    lockedAt: null,
    browser: 'firefox',
    device: 'desktop',
    ...overrides,
  };
}

export function personalData(overrides: Partial<PersonalData> = {}): PersonalData {
  return {
    format: 'sealpost-personal-data/1',
    generatedAt: '2030-04-02T08:00:00.000Z',
    email: SUBJECT,
    productEmailsOff: false,
    asRecipient: [recipientRecord()],
    asSender: [],
    requests: [],
    auditEvents: [],
    ...overrides,
  };
}

/** A queued correction as the service answers it: open, due 48 hours after it was made. */
export const QUEUED_PHONE: PrivacyRequestSummary = {
  id: 'QQQQQQQQQQQQQQQQQQQQQQ',
  type: 'rectify',
  subjectKind: 'recipient',
  source: 'self',
  status: 'open',
  createdAt: '2030-04-02T08:00:00.000Z',
  dueAt: '2030-04-04T08:00:00.000Z',
  handledAt: null,
};

/** A privacy API with a person who holds one message; every answer can be replaced. */
export function fakePrivacyApi(overrides: Partial<PrivacyApi> = {}): PrivacyApi & { calls: ApiCall<PrivacyApi>[] } {
  return recording<PrivacyApi>({
    requestCode: async () => ok(CHALLENGE),
    verify: async () => ok(PRIVACY_SESSION),
    getData: async () => ok(personalData()),
    exportData: async () => ok({ fileName: 'sealpost-personal-data-2030-04-02.json', bytes: bytesOf(JSON.stringify(personalData())) }),
    rectify: async () => ok({ applied: ['name'], queued: [] }),
    erase: async () => ok({ erasedRecords: 1 }),
    setProductEmailsOff: async (_token, productEmailsOff) => ok({ productEmailsOff }),
    signOut: async () => ok(undefined),
    ...overrides,
  });
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
    privacy: fakePrivacyApi(),
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

/** The portal as served at /my-data. */
export function renderMyData(services: PortalServices) {
  return render(<PortalRoot services={services} link={null} page="my-data" />);
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
