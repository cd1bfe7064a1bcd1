/**
 * An in-memory Outlook compose item behind the `OfficeAdapter` contract, for unit tests and the
 * browser harness. It behaves like the Office.js adapter (the contract test runs one script
 * against both): attachments list without content type, missing session keys read as null,
 * roaming values come back as JSON copies. Tests change recipients with `setRecipients` (which
 * fires the change listeners) and make any call fail with `failWith(method, code)`.
 */
import {
  OfficeError,
  type AttachmentContent, type ComposeAttachment, type ComposeRecipient, type HostInfo, type OfficeAdapter, type RecipientField,
} from './office-adapter';

export interface FakeAttachment extends ComposeAttachment {
  /** file: base64 of the bytes; item: the .eml text; cloud: the URL. */
  content: string;
}

export interface FakeComposeItem {
  recipients: Record<RecipientField, Array<{ email: string; name: string }>>;
  subject: string;
  bodyHtml: string;
  attachments: FakeAttachment[];
  headers: Record<string, string>;
  session: Record<string, string>;
  notifications: Record<string, string>;
  sent: boolean;
}

export interface FakeOfficeSeed {
  item?: Partial<FakeComposeItem>;
  host?: Partial<HostInfo>;
  /** Highest Mailbox requirement set the fake client supports. */
  mailboxVersion?: string;
  profile?: { displayName: string; emailAddress: string };
  roaming?: Record<string, unknown>;
}

/** The adapter methods that return promises, which `failWith` can make fail. */
export type FakeOfficeCall = {
  [K in keyof OfficeAdapter]: OfficeAdapter[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof OfficeAdapter];

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Roughly what Outlook's text coercion gives: blocks become line breaks, tags and entities go. */
function htmlToText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => entities[e] ?? '')
    .trim();
}

const compareVersions = (a: string, b: string): number => {
  const [x = [], y = []] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

export class FakeOffice implements OfficeAdapter {
  readonly item: FakeComposeItem;
  readonly roaming: Record<string, string> = {};
  host: HostInfo;
  mailboxVersion: string;
  profile: { displayName: string; emailAddress: string };
  /** Milliseconds every async call waits, to play a slow client. */
  latencyMs = 0;
  private readonly failures = new Map<FakeOfficeCall, string>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(seed: FakeOfficeSeed = {}) {
    this.item = {
      recipients: { to: [], cc: [], bcc: [] }, subject: '', bodyHtml: '', attachments: [],
      headers: {}, session: {}, notifications: {}, sent: false, ...seed.item,
    };
    this.host = { host: 'Outlook', version: '16.0.17000.20000', platform: 'OfficeOnline', displayLanguage: 'en-US', ...seed.host };
    this.mailboxVersion = seed.mailboxVersion ?? '1.15';
    this.profile = seed.profile ?? { displayName: 'Sender', emailAddress: 'sender@example.org' };
    for (const [k, v] of Object.entries(seed.roaming ?? {})) this.roaming[k] = JSON.stringify(v);
  }

  /** Makes `method` reject with `OfficeError(code)` until `clearFailures()`. */
  failWith(method: FakeOfficeCall, code: string): this {
    this.failures.set(method, code);
    return this;
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /** Replaces one recipient field and tells the listeners, as Outlook's RecipientsChanged does. */
  setRecipients(field: RecipientField, list: Array<{ email: string; name?: string }>): void {
    this.item.recipients[field] = list.map((r) => ({ email: r.email, name: r.name ?? r.email }));
    for (const listener of [...this.listeners]) listener();
  }

  /** Adds a file attachment from its bytes; returns its id. */
  attachFile(name: string, bytes: Uint8Array, isInline = false): string {
    return this.attach({ name, kind: 'file', isInline, size: bytes.length, content: bytesToBase64(bytes) });
  }

  attach(attachment: Omit<FakeAttachment, 'id'>): string {
    const id = `att-${this.nextId++}`;
    this.item.attachments.push({ ...attachment, id });
    return id;
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  private async call<T>(method: FakeOfficeCall, work: () => T): Promise<T> {
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const code = this.failures.get(method);
    if (code) throw new OfficeError(code, `${method} failed (fake)`);
    return work();
  }

  hostInfo(): HostInfo {
    return { ...this.host };
  }
  supportsMailbox(version: string): boolean {
    return compareVersions(version, this.mailboxVersion) <= 0;
  }
  userProfile(): { displayName: string; emailAddress: string } {
    return { ...this.profile };
  }

  getRecipients(): Promise<ComposeRecipient[]> {
    return this.call('getRecipients', () =>
      (['to', 'cc', 'bcc'] as const).flatMap((field) => this.item.recipients[field].map((r) => ({ field, email: r.email, name: r.name }))));
  }
  onRecipientsChanged(listener: () => void): Promise<() => Promise<void>> {
    return this.call('onRecipientsChanged', () => {
      const own = (): void => listener();
      this.listeners.add(own);
      return async () => void this.listeners.delete(own);
    });
  }
  getSubject(): Promise<string> {
    return this.call('getSubject', () => this.item.subject);
  }
  getBodyHtml(): Promise<string> {
    return this.call('getBodyHtml', () => this.item.bodyHtml);
  }
  getBodyText(): Promise<string> {
    return this.call('getBodyText', () => htmlToText(this.item.bodyHtml));
  }
  listAttachments(): Promise<ComposeAttachment[]> {
    return this.call('listAttachments', () => this.item.attachments.map(({ id, name, size, kind, isInline }) => ({ id, name, size, kind, isInline })));
  }
  getAttachmentContent(id: string): Promise<AttachmentContent> {
    return this.call('getAttachmentContent', () => {
      const a = this.item.attachments.find((x) => x.id === id);
      if (!a) throw new OfficeError('InvalidAttachmentId', 'No attachment with that id');
      return { format: ({ file: 'base64', item: 'eml', cloud: 'url' } as const)[a.kind], content: a.content };
    });
  }

  setBodyHtml(html: string): Promise<void> {
    return this.call('setBodyHtml', () => void (this.item.bodyHtml = html));
  }
  removeAttachment(id: string): Promise<void> {
    return this.call('removeAttachment', () => {
      const at = this.item.attachments.findIndex((x) => x.id === id);
      if (at < 0) throw new OfficeError('InvalidAttachmentId', 'No attachment with that id');
      this.item.attachments.splice(at, 1);
    });
  }
  setInternetHeaders(headers: Record<string, string>): Promise<void> {
    return this.call('setInternetHeaders', () => void Object.assign(this.item.headers, headers));
  }
  getInternetHeaders(names: string[]): Promise<Record<string, string>> {
    return this.call('getInternetHeaders', () => {
      const out: Record<string, string> = {};
      for (const name of names) {
        const key = Object.keys(this.item.headers).find((k) => k.toLowerCase() === name.toLowerCase());
        if (key !== undefined) out[name] = this.item.headers[key]!;
      }
      return out;
    });
  }
  getSessionData(key: string): Promise<string | null> {
    return this.call('getSessionData', () => this.item.session[key] ?? null);
  }
  /** All session data at once (Office's getAllAsync); fails along with `getSessionData`. */
  allSessionData(): Promise<Record<string, string>> {
    return this.call('getSessionData', () => ({ ...this.item.session }));
  }
  setSessionData(key: string, value: string): Promise<void> {
    return this.call('setSessionData', () => void (this.item.session[key] = value));
  }

  getRoaming<T>(key: string): T | undefined {
    const raw = this.roaming[key];
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }
  setRoaming(key: string, value: unknown): Promise<void> {
    return this.call('setRoaming', () => void (this.roaming[key] = JSON.stringify(value)));
  }

  sendItem(): Promise<void> {
    return this.call('sendItem', () => {
      if (!this.supportsMailbox('1.15')) throw new OfficeError('ApiNotSupported', 'sendAsync needs Mailbox 1.15');
      this.item.sent = true;
    });
  }
  showNotification(key: string, message: string): Promise<void> {
    return this.call('showNotification', () => void (this.item.notifications[key] = message.length > 150 ? `${message.slice(0, 149)}…` : message));
  }
}
