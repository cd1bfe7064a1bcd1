/**
 * An Office.js-shaped object (the parts of `Office` that compose mode and our adapter use) over a
 * `FakeOffice`. It seeds `office-addin-mock` in the contract test and is the `Office` global of the
 * browser harness, so the real Office.js adapter and the real commands bundle run against the same
 * in-memory item the test seeds and reads back. Callbacks arrive asynchronously with
 * `AsyncResult`s as Outlook delivers them, including its quirks: `sessionData.getAllAsync` answers
 * "{}" as a string when empty (office-js #5353), and failures carry `error.name` and a number.
 */
import { OfficeError, type RecipientField } from './office-adapter';
import type { FakeOffice } from './fake-office';

type Callback = (result: { status: number; value?: unknown; error?: { code: number; name: string; message: string }; asyncContext?: unknown }) => void;

/** The enum values as Office.js defines them (`@types/office-js`). */
export const OFFICE_ENUMS = {
  AsyncResultStatus: { Succeeded: 0, Failed: 1 },
  CoercionType: { Html: 'html', Text: 'text' },
  EventType: { RecipientsChanged: 'olkRecipientsChanged', AttachmentsChanged: 'olkAttachmentsChanged' },
  MailboxEnums: {
    AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
    AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    ItemNotificationMessageType: { ProgressIndicator: 'progressIndicator', InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage' },
    RecipientType: { DistributionList: 'distributionList', User: 'user', ExternalUser: 'externalUser', Other: 'other' },
    SendModeOverride: { PromptUser: 'promptUser' },
  },
};

const FORMATS: Record<string, string> = { base64: 'base64', eml: 'eml', icalendar: 'iCalendar', url: 'url' };

/** Office calls back with the last function argument; options objects before it are optional. */
function callbackOf(args: unknown[]): Callback {
  const cb = [...args].reverse().find((a) => typeof a === 'function');
  return (cb as Callback | undefined) ?? (() => {});
}

function deliver(args: unknown[], work: () => Promise<unknown>): void {
  const cb = callbackOf(args);
  work().then(
    (value) => cb({ status: 0, value }),
    (err: unknown) => {
      const code = err instanceof OfficeError ? err.code : 'InternalError';
      cb({ status: 1, error: { code: 9000, name: code, message: err instanceof Error ? err.message : String(err) } });
    },
  );
}

export function fakeOfficeJs(fake: FakeOffice) {
  const field = (name: RecipientField) => ({
    getAsync: (...args: unknown[]) =>
      deliver(args, async () =>
        (await fake.getRecipients())
          .filter((r) => r.field === name)
          .map((r) => ({ emailAddress: r.email, displayName: r.name, recipientType: OFFICE_ENUMS.MailboxEnums.RecipientType.Other }))),
  });
  const pendingRoaming = new Map<string, unknown>();
  let unsubscribe: (() => Promise<void>) | null = null;

  const item = {
    to: field('to'),
    cc: field('cc'),
    bcc: field('bcc'),
    subject: { getAsync: (...args: unknown[]) => deliver(args, () => fake.getSubject()) },
    body: {
      getAsync: (coercion: string, ...args: unknown[]) => deliver(args, () => (coercion === 'html' ? fake.getBodyHtml() : fake.getBodyText())),
      setAsync: (data: string, ...args: unknown[]) => deliver(args, () => fake.setBodyHtml(data)),
    },
    getAttachmentsAsync: (...args: unknown[]) =>
      deliver(args, async () => (await fake.listAttachments()).map((a) => ({
        id: a.id, name: a.name, size: a.size, isInline: a.isInline, attachmentType: a.kind, contentId: '', isServiceAccessible: false,
      }))),
    getAttachmentContentAsync: (id: string, ...args: unknown[]) =>
      deliver(args, async () => {
        const c = await fake.getAttachmentContent(id);
        return { format: FORMATS[c.format], content: c.content };
      }),
    removeAttachmentAsync: (id: string, ...args: unknown[]) => deliver(args, () => fake.removeAttachment(id)),
    internetHeaders: {
      getAsync: (names: string[], ...args: unknown[]) => deliver(args, () => fake.getInternetHeaders(names)),
      setAsync: (headers: Record<string, string>, ...args: unknown[]) => deliver(args, () => fake.setInternetHeaders(headers)),
    },
    sessionData: {
      getAllAsync: (...args: unknown[]) =>
        deliver(args, async () => {
          const all = await fake.allSessionData();
          return Object.keys(all).length === 0 ? '{}' : all;
        }),
      getAsync: (key: string, ...args: unknown[]) => deliver(args, async () => (await fake.getSessionData(key)) ?? ''),
      setAsync: (key: string, value: string, ...args: unknown[]) => deliver(args, () => fake.setSessionData(key, value)),
    },
    addHandlerAsync: (type: string, handler: (args: unknown) => void, ...args: unknown[]) =>
      deliver(args, async () => {
        if (type !== OFFICE_ENUMS.EventType.RecipientsChanged) throw new OfficeError('InvalidEventType', type);
        unsubscribe = await fake.onRecipientsChanged(() => handler({ type, changedRecipientFields: { to: true, cc: true, bcc: true } }));
      }),
    removeHandlerAsync: (_type: string, ...args: unknown[]) =>
      deliver(args, async () => {
        await unsubscribe?.();
        unsubscribe = null;
      }),
    sendAsync: (...args: unknown[]) => deliver(args, () => fake.sendItem()),
    notificationMessages: {
      replaceAsync: (key: string, details: { message: string }, ...args: unknown[]) => deliver(args, () => fake.showNotification(key, details.message)),
    },
  };

  return {
    ...OFFICE_ENUMS,
    context: {
      get displayLanguage() {
        return fake.host.displayLanguage;
      },
      get diagnostics() {
        return { host: fake.host.host, version: fake.host.version, platform: fake.host.platform };
      },
      requirements: { isSetSupported: (name: string, version?: string) => name === 'Mailbox' && fake.supportsMailbox(String(version ?? '1.1')) },
      roamingSettings: {
        get: (key: string) => (pendingRoaming.has(key) ? pendingRoaming.get(key) : fake.getRoaming(key)),
        set: (key: string, value: unknown) => void pendingRoaming.set(key, value),
        saveAsync: (...args: unknown[]) =>
          deliver(args, async () => {
            for (const [key, value] of pendingRoaming) await fake.setRoaming(key, value);
            pendingRoaming.clear();
          }),
      },
      mailbox: {
        get userProfile() {
          return fake.userProfile();
        },
        get diagnostics() {
          return { hostName: fake.host.platform === 'OfficeOnline' ? 'OutlookWebApp' : 'Outlook', hostVersion: fake.host.version };
        },
        item,
      },
    },
  };
}
