/**
 * Fakes for the pane's tests: Outlook (`FakeOffice`), the service API and the sign-in at their
 * boundaries, so that screens are driven by role without Outlook, a service or real keys.
 */
import '../../client/test-dom';
import { configure, render } from '@testing-library/react';
import { recording, type ApiCall } from '../../client/test-support';
import { defaultPolicy } from '../../shared/detect';
import type { ErrorBody, ErrorCode, Result } from '../../shared/errors';
import type { AddinConfig, MessageSummary } from '../../shared/protocol/api';
import type { SentMessage } from '../../shared/protocol/sender-client';
import { FAKE_SESSION, createFakeSignIn, type FakeSignInOptions } from '../auth/fake-sign-in';
import { FakeOffice, type FakeOfficeSeed } from '../office/fake-office';
import type { SenderApi } from './api/sender-api';
import { provideMessages } from './i18n/catalogues';
import { en } from './i18n/en';
import { nl } from './i18n/nl';
import type { TaskpaneServices } from './services';
import { TaskpaneRoot, type TaskpaneRootProps } from './TaskpaneRoot';

// The signed-in pane is a lazy chunk; its first import in a test file takes a while under tsx.
configure({ asyncUtilTimeout: 5000 });
// In production index.tsx loads Outlook's language before the first render; tests have both at hand.
provideMessages('en', en);
provideMessages('nl', nl);

export const ORIGIN = 'https://sealpost.example';
export const MESSAGE_ID = 'MMMMMMMMMMMMMMMMMMMMMA';
export const SECRET = 'S'.repeat(43);
export const EXPIRES_AT = '2030-05-01T12:00:00.000Z';

export const DEV_CONFIG: AddinConfig = { azure: null, devSignIn: true, privacyUrl: `${ORIGIN}/privacy` };

export const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode): Result<never> => ({ ok: false, error: { code, message: code } satisfies ErrorBody });

export const SENT: SentMessage = {
  id: MESSAGE_ID,
  link: `${ORIGIN}/m/${MESSAGE_ID}#${SECRET}`,
  expiresAt: EXPIRES_AT,
  recipients: [],
};

export function summary(overrides: Partial<MessageSummary> = {}): MessageSummary {
  return {
    id: MESSAGE_ID,
    status: 'sealed',
    createdAt: '2030-04-01T09:30:00.000Z',
    expiresAt: EXPIRES_AT,
    totalSize: 1234,
    recipients: [],
    ...overrides,
  };
}

/** A service API whose every answer a test can set; it records what the pane asked. */
export function fakeApi(overrides: Partial<SenderApi> = {}): SenderApi & { calls: ApiCall<SenderApi>[]; callsOf: (m: keyof SenderApi) => unknown[][] } {
  const base: SenderApi = {
    getConfig: async () => ok(DEV_CONFIG),
    putClient: async () => ok(undefined),
    getSettings: async () => ok({ policy: defaultPolicy(), failClosed: false }),
    listMessages: async () => ok({ messages: [] }),
    revoke: async () => ok(undefined),
    send: async (_token, _message, _recipients, options) => {
      options.onProgress(null);
      options.onProgress(0.5);
      options.onProgress(1);
      return ok(SENT);
    },
    ...overrides,
  };
  const recorded = recording(base);
  return Object.assign(recorded, { callsOf: (m: keyof SenderApi) => recorded.calls.filter((c) => c.method === m).map((c) => c.args) });
}

export const ACKNOWLEDGED = { 'sealpost.senderNotice': { version: 1, at: '2030-01-01T00:00:00.000Z' } };

/** A compose item with one recipient; the sender has already read the first-use notice. */
export function fakeOffice(seed: FakeOfficeSeed = {}): FakeOffice {
  return new FakeOffice({
    profile: { displayName: 'Anna de Vries', emailAddress: 'anna@example.nl' },
    roaming: ACKNOWLEDGED,
    ...seed,
    item: {
      recipients: { to: [{ email: 'bob@example.com', name: 'Bob Jansen' }], cc: [], bcc: [] },
      subject: 'Dossier',
      bodyHtml: '<p>Hello Bob</p>',
      ...seed.item,
    },
  });
}

export interface PaneSetup {
  office?: FakeOffice;
  api?: ReturnType<typeof fakeApi>;
  signIn?: FakeSignInOptions;
  /** The configuration as `index.tsx` hands it over when it arrived before the first render. */
  startConfig?: TaskpaneServices['startConfig'];
  /** Instead of the language chunks. */
  loadTexts?: TaskpaneRootProps['loadTexts'];
}

/** Renders the whole pane over fakes; the fake sign-in succeeds silently unless told otherwise. */
export function renderPane(setup: PaneSetup = {}) {
  const office = setup.office ?? fakeOffice();
  const api = setup.api ?? fakeApi();
  const signIn = createFakeSignIn({ silent: undefined, ...setup.signIn });
  const services: TaskpaneServices = {
    office,
    api,
    createSignIn: () => signIn,
    navigator: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0' },
    origin: ORIGIN,
    ...(setup.startConfig ? { startConfig: setup.startConfig } : {}),
  };
  return { office, api, signIn, ...render(<TaskpaneRoot services={services} {...(setup.loadTexts ? { loadTexts: setup.loadTexts } : {})} />) };
}

/** The pane with the sender already signed in (silently). */
export function renderSignedIn(setup: PaneSetup = {}) {
  return renderPane({ ...setup, signIn: { silent: FAKE_SESSION, ...setup.signIn } });
}
