/**
 * A fake Outlook host for end-to-end tests in Chromium. Built into one plain script (see
 * `buildHarness` in test/support/harness-build.ts) and served in place of Office.js from
 * Microsoft's CDN, it installs a global `Office` whose compose item is a `FakeOffice`, plus
 * `OfficeRuntime.storage`, and exposes `window.__sealpostHarness` so that a test can seed the item,
 * read it back, and call a handler the page registered with `Office.actions.associate`.
 */
import type { RecipientField } from '../../../src/addin/office/office-adapter';
import { base64ToBytes, FakeOffice, type FakeOfficeCall } from '../../../src/addin/office/fake-office';
import { fakeOfficeJs } from '../../../src/addin/office/fake-office-js';

export interface HarnessAttachment {
  name: string;
  kind?: 'file' | 'item' | 'cloud';
  isInline?: boolean;
  /** file: the bytes as base64; item: .eml text; cloud: the URL. */
  content: string;
}

export interface HarnessSeed {
  subject?: string;
  bodyHtml?: string;
  recipients?: Partial<Record<RecipientField, Array<{ email: string; name?: string }>>>;
  attachments?: HarnessAttachment[];
  headers?: Record<string, string>;
  session?: Record<string, string>;
  roaming?: Record<string, unknown>;
  displayLanguage?: string;
  platform?: string;
  mailboxVersion?: string;
  profile?: { displayName: string; emailAddress: string };
}

export interface HandlerRun {
  /** What the handler passed to `event.completed`, null for no options; undefined if it never completed. */
  options: unknown;
  completedCount: number;
  ms: number;
}

const fake = new FakeOffice();
const handlers = new Map<string, (event: unknown) => void>();
const storage = new Map<string, string>();

function seed(s: HarnessSeed): void {
  const item = fake.item;
  if (s.subject !== undefined) item.subject = s.subject;
  if (s.bodyHtml !== undefined) item.bodyHtml = s.bodyHtml;
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const list = s.recipients?.[field];
    if (list) item.recipients[field] = list.map((r) => ({ email: r.email, name: r.name ?? r.email }));
  }
  for (const a of s.attachments ?? []) {
    const kind = a.kind ?? 'file';
    const size = kind === 'file' ? base64ToBytes(a.content).length : a.content.length;
    fake.attach({ name: a.name, kind, isInline: a.isInline === true, size, content: a.content });
  }
  Object.assign(item.headers, s.headers);
  Object.assign(item.session, s.session);
  for (const [k, v] of Object.entries(s.roaming ?? {})) fake.roaming[k] = JSON.stringify(v);
  if (s.displayLanguage) fake.host.displayLanguage = s.displayLanguage;
  if (s.platform) fake.host.platform = s.platform;
  if (s.mailboxVersion) fake.mailboxVersion = s.mailboxVersion;
  if (s.profile) fake.profile = s.profile;
}

function read() {
  const item = fake.item;
  return {
    subject: item.subject,
    bodyHtml: item.bodyHtml,
    recipients: JSON.parse(JSON.stringify(item.recipients)) as typeof item.recipients,
    attachments: item.attachments.map((a) => ({ ...a })),
    headers: { ...item.headers },
    session: { ...item.session },
    roaming: Object.fromEntries(Object.entries(fake.roaming).map(([k, v]) => [k, JSON.parse(v) as unknown])),
    runtimeStorage: Object.fromEntries(storage),
    notifications: { ...item.notifications },
    sent: item.sent,
  };
}

/** Calls a registered handler with a fake event and waits for `event.completed` (at most `timeoutMs`). */
function invoke(name: string, timeoutMs = 10_000, eventArgs: Record<string, unknown> = {}): Promise<HandlerRun> {
  const handler = handlers.get(name);
  if (!handler) return Promise.reject(new Error(`No handler associated as "${name}"`));
  const started = performance.now();
  return new Promise((resolve) => {
    const run: HandlerRun = { options: undefined, completedCount: 0, ms: 0 };
    const done = () => {
      run.ms = performance.now() - started;
      resolve(run);
    };
    const timer = setTimeout(done, timeoutMs);
    handler({
      ...eventArgs,
      completed(options?: unknown) {
        run.completedCount++;
        if (run.completedCount > 1) return;
        run.options = options ?? null;
        clearTimeout(timer);
        // Give a second completion a moment to show itself before reporting.
        setTimeout(done, 50);
      },
    });
  });
}

const office = {
  ...fakeOfficeJs(fake),
  HostType: { Outlook: 'Outlook' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
  actions: { associate: (name: string, fn: (event: unknown) => void) => void handlers.set(name, fn) },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Outlook', platform: fake.host.platform };
    return Promise.resolve().then(() => {
      callback?.(info);
      return info;
    });
  },
};
Object.assign(office.context, {
  officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000', controlBackgroundColor: '#ffffff', controlForegroundColor: '#000000' },
});

const host = globalThis as unknown as Record<string, unknown>;
host.Office = office;
host.OfficeRuntime = {
  storage: {
    getItem: async (key: string) => storage.get(key) ?? null,
    setItem: async (key: string, value: string) => void storage.set(key, String(value)),
    removeItem: async (key: string) => void storage.delete(key),
  },
};
host.__sealpostHarness = {
  seed,
  read,
  invoke,
  handlers: () => [...handlers.keys()],
  setRecipients: (field: RecipientField, list: Array<{ email: string; name?: string }>) => fake.setRecipients(field, list),
  failWith: (method: FakeOfficeCall, code: string) => fake.failWith(method, code),
  clearFailures: () => fake.clearFailures(),
  setLatency: (ms: number) => void (fake.latencyMs = ms),
};

export type SealpostHarness = {
  seed: typeof seed;
  read: typeof read;
  invoke: typeof invoke;
  handlers: () => string[];
  setRecipients: (field: RecipientField, list: Array<{ email: string; name?: string }>) => void;
  failWith: (method: FakeOfficeCall, code: string) => void;
  clearFailures: () => void;
  setLatency: (ms: number) => void;
};
