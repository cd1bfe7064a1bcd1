/**
 * The `OfficeAdapter` over Office.js in compose mode. Every call is an Office.js callback API
 * turned into a promise; a failed `AsyncResult` becomes an `OfficeError` whose code is Office's
 * error name without spaces ("InvalidAttachmentId", "InternalError"), or its number when it has
 * no name. An API the client lacks rejects with `ApiNotSupported` instead of a TypeError, because
 * requirement-set checks alone are not enough (office-js #4154: `sessionData` vanished on some
 * classic Windows builds that report Mailbox 1.11).
 */
import {
  OfficeError, type AttachmentContent, type ComposeAttachment, type ComposeRecipient, type OfficeAdapter, type RecipientField,
} from './office-adapter';

type Callback<T> = (result: Office.AsyncResult<T>) => void;
const FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];
/** Outlook shows at most 150 characters in an info bar. */
const NOTIFICATION_MAX = 150;

export interface OfficeJsAdapterOptions {
  /** The manifest's `bt:Image` id for info-bar icons (Outlook requires one for informational messages). */
  notificationIcon?: string;
}

/** Office's error as an `OfficeError`; the number stays in the message for support. */
export function toOfficeError(error: Partial<Office.Error> | undefined): OfficeError {
  const name = (error?.name ?? '').replace(/\s+/g, '');
  const code = /^[A-Za-z][A-Za-z0-9]*$/.test(name) ? name : error?.code !== undefined ? String(error.code) : 'Unknown';
  return new OfficeError(code, `${error?.message ?? 'Office call failed'} [${error?.code ?? '?'}]`);
}

function unsupported(api: string, set: string): OfficeError {
  return new OfficeError('ApiNotSupported', `${api} is not available in this Outlook (needs Mailbox ${set})`);
}

export function createOfficeJsAdapter(office: typeof Office = Office, options: OfficeJsAdapterOptions = {}): OfficeAdapter {
  const settle = <T>(start: (cb: Callback<T>) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      try {
        start((result) => (result.status === office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(toOfficeError(result.error))));
      } catch (err) {
        // A method missing from this client's Office.js shows up as a TypeError when called.
        reject(err instanceof OfficeError ? err : new OfficeError(err instanceof TypeError ? 'ApiNotSupported' : 'ClientError', String(err)));
      }
    });
  // Read the item per call: with a pinned pane Outlook swaps it when the user changes items.
  const item = (): Office.MessageCompose => {
    const current = office.context.mailbox.item as Office.MessageCompose | null | undefined;
    if (!current) throw new OfficeError('NoItem', 'No compose item is open');
    return current;
  };
  const sessionData = (): Office.SessionData => {
    const data = item().sessionData as Office.SessionData | undefined;
    if (typeof data?.getAllAsync !== 'function' || typeof data.setAsync !== 'function') throw unsupported('item.sessionData', '1.11');
    return data;
  };
  const { AttachmentType, AttachmentContentFormat } = office.MailboxEnums;
  const kinds: Record<string, ComposeAttachment['kind']> = { [AttachmentType.File]: 'file', [AttachmentType.Item]: 'item', [AttachmentType.Cloud]: 'cloud' };
  const formats: Record<string, AttachmentContent['format']> = {
    [AttachmentContentFormat.Base64]: 'base64',
    [AttachmentContentFormat.Eml]: 'eml',
    [AttachmentContentFormat.ICalendar]: 'icalendar',
    [AttachmentContentFormat.Url]: 'url',
  };
  // Outlook's removeHandlerAsync drops every handler of a type at once, so the adapter keeps one
  // Office handler and fans out to its own listeners; a throwing listener cannot starve the rest.
  const listeners = new Set<() => void>();
  let registered: Promise<void> | null = null;
  const fanOut = (): void => listeners.forEach((l) => {
    try {
      l();
    } catch {
      /* a listener's failure is its own */
    }
  });

  return {
    hostInfo: () => {
      const diagnostics = office.context.diagnostics as Office.ContextInformation | undefined;
      const mailbox = office.context.mailbox.diagnostics as Office.Diagnostics | undefined;
      return {
        host: String(diagnostics?.host ?? mailbox?.hostName ?? 'unknown'),
        version: diagnostics?.version ?? mailbox?.hostVersion ?? 'unknown',
        platform: String(diagnostics?.platform ?? 'unknown'),
        displayLanguage: office.context.displayLanguage || 'en-US',
      };
    },
    supportsMailbox: (version) => {
      try {
        return office.context.requirements.isSetSupported('Mailbox', version) === true;
      } catch {
        return false;
      }
    },
    userProfile: () => {
      const { displayName = '', emailAddress = '' } = office.context.mailbox.userProfile ?? {};
      return { displayName, emailAddress };
    },

    getRecipients: async () => {
      const lists = await Promise.all(FIELDS.map((field) => settle<Office.EmailAddressDetails[]>((cb) => item()[field].getAsync(cb))));
      // No flatMap or Object.entries in this file: classic Outlook runs it as ECMAScript 2016.
      const out: ComposeRecipient[] = [];
      lists.forEach((list, i) => (list ?? []).forEach((r) => out.push({ field: FIELDS[i]!, email: r.emailAddress ?? '', name: r.displayName ?? '' })));
      return out;
    },
    onRecipientsChanged: async (listener) => {
      listeners.add(listener);
      registered ??= settle<void>((cb) => item().addHandlerAsync(office.EventType.RecipientsChanged, fanOut, cb));
      try {
        await registered;
      } catch (err) {
        listeners.delete(listener);
        registered = null;
        throw err;
      }
      return async () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        registered = null;
        await settle<void>((cb) => item().removeHandlerAsync(office.EventType.RecipientsChanged, cb));
      };
    },
    getSubject: () => settle<string>((cb) => item().subject.getAsync(cb)),
    getBodyHtml: () => settle<string>((cb) => item().body.getAsync(office.CoercionType.Html, cb)),
    getBodyText: () => settle<string>((cb) => item().body.getAsync(office.CoercionType.Text, cb)),
    listAttachments: async () => {
      if (typeof item().getAttachmentsAsync !== 'function') throw unsupported('getAttachmentsAsync', '1.8');
      const list = await settle<Office.AttachmentDetailsCompose[]>((cb) => item().getAttachmentsAsync(cb));
      // An unknown type is treated as an attached item: not bytes we may read as a file.
      return (list ?? []).map((a) => ({ id: a.id, name: a.name, size: a.size, kind: kinds[a.attachmentType] ?? 'item', isInline: a.isInline === true }));
    },
    getAttachmentContent: async (id) => {
      if (typeof item().getAttachmentContentAsync !== 'function') throw unsupported('getAttachmentContentAsync', '1.8');
      const content = await settle<Office.AttachmentContent>((cb) => item().getAttachmentContentAsync(id, cb));
      const format = formats[content.format];
      if (!format) throw new OfficeError('UnsupportedAttachmentFormat', `Attachment content in format "${content.format}"`);
      return { format, content: content.content };
    },

    setBodyHtml: (html) => settle<void>((cb) => item().body.setAsync(html, { coercionType: office.CoercionType.Html }, cb)),
    removeAttachment: (id) => settle<void>((cb) => item().removeAttachmentAsync(id, cb)),
    setInternetHeaders: (headers) => settle<void>((cb) => item().internetHeaders.setAsync(headers, cb)),
    getInternetHeaders: async (names) => {
      const found = (await settle<Record<string, string>>((cb) => item().internetHeaders.getAsync(names, cb))) ?? {};
      // Header names are case-insensitive; answer under the names the caller asked for.
      const lower = new Map(Object.keys(found).map((k) => [k.toLowerCase(), found[k]] as const));
      const out: Record<string, string> = {};
      for (const name of names) {
        const value = lower.get(name.toLowerCase());
        if (typeof value === 'string') out[name] = value;
      }
      return out;
    },
    getSessionData: async (key) => {
      // getAllAsync, not getAsync: a missing key then is plainly absent. When the store is empty
      // Outlook answers with the string "{}" rather than an object (office-js #5353).
      const all: unknown = await settle<object>((cb) => sessionData().getAllAsync(cb));
      const data = typeof all === 'string' ? (JSON.parse(all || '{}') as Record<string, unknown>) : ((all ?? {}) as Record<string, unknown>);
      const value = data[key];
      return typeof value === 'string' ? value : null;
    },
    setSessionData: (key, value) => settle<void>((cb) => sessionData().setAsync(key, value, cb)),

    getRoaming: <T>(key: string) => {
      const value: unknown = office.context.roamingSettings.get(key);
      return value === null || value === undefined ? undefined : (value as T);
    },
    setRoaming: (key, value) => {
      office.context.roamingSettings.set(key, value);
      return settle<void>((cb) => office.context.roamingSettings.saveAsync(cb));
    },

    sendItem: async () => {
      if (typeof item().sendAsync !== 'function') throw unsupported('sendAsync', '1.15');
      await settle<void>((cb) => item().sendAsync(cb));
    },
    showNotification: (key, message) =>
      settle<void>((cb) =>
        item().notificationMessages.replaceAsync(
          key,
          {
            type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
            message: message.length > NOTIFICATION_MAX ? `${message.slice(0, NOTIFICATION_MAX - 1)}…` : message,
            icon: options.notificationIcon ?? 'Icon.16x16',
            persistent: false,
          },
          cb,
        ),
      ),
  };
}
