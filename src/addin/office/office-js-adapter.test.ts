/**
 * The Office.js adapter against `office-addin-mock` seeded by hand in Office.js's own shapes (as
 * the Office docs' unit-testing page does for Outlook), so each mapping is checked against what
 * Outlook hands over, independently of our fake.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OfficeMockObject } from 'office-addin-mock';
import { OFFICE_ENUMS } from './fake-office-js';
import { createOfficeJsAdapter, toOfficeError } from './office-js-adapter';
import { OfficeError } from './office-adapter';

type Cb = (result: unknown) => void;
const ok = (value?: unknown) => (...args: unknown[]) => (args.at(-1) as Cb)({ status: 0, value });
const fail = (code: number, name: string) => (...args: unknown[]) => (args.at(-1) as Cb)({ status: 1, error: { code, name, message: `${name} happened` } });

function officeWith(item: Record<string, unknown>, context: Record<string, unknown> = {}): typeof Office {
  return new OfficeMockObject({
    host: 'outlook',
    ...OFFICE_ENUMS,
    context: {
      displayLanguage: 'nl-NL',
      diagnostics: { host: 'Outlook', platform: 'PC', version: '16.0.18000.20000' },
      requirements: { isSetSupported: (name: string, v: string) => name === 'Mailbox' && Number(v.split('.')[1]) <= 14 },
      roamingSettings: { get: () => undefined, set: () => {}, saveAsync: ok() },
      mailbox: { userProfile: { displayName: 'Eva', emailAddress: 'eva@example.org' }, item },
      ...context,
    },
  }) as unknown as typeof Office;
}

async function rejection(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(() => assert.fail('expected a rejection'), (e: unknown) => e);
  assert.ok(err instanceof OfficeError, String(err));
  return err.code;
}

describe('the Office.js adapter', () => {
  it('maps EmailAddressDetails per field, keeping unresolved entries with an empty address', async () => {
    const office = officeWith({
      to: { getAsync: ok([{ emailAddress: 'jan@client.example', displayName: 'Jan', recipientType: 'externalUser' }]) },
      cc: { getAsync: ok([{ emailAddress: '', displayName: 'Jansen', recipientType: 'other' }]) },
      bcc: { getAsync: ok([]) },
    });
    assert.deepEqual(await createOfficeJsAdapter(office).getRecipients(), [
      { field: 'to', email: 'jan@client.example', name: 'Jan' },
      { field: 'cc', email: '', name: 'Jansen' },
    ]);
  });

  it('maps attachmentType file, item and cloud, and treats an unknown type as an item', async () => {
    const office = officeWith({
      getAttachmentsAsync: ok(['file', 'item', 'cloud', 'base64'].map((attachmentType, i) => ({ id: `a${i}`, name: `n${i}`, size: i, isInline: i === 0, attachmentType }))),
    });
    const list = await createOfficeJsAdapter(office).listAttachments();
    assert.deepEqual(list.map((a) => [a.kind, a.isInline]), [['file', true], ['item', false], ['cloud', false], ['item', false]]);
  });

  it('maps every AttachmentContentFormat and refuses a format it does not know', async () => {
    for (const [format, expected] of [['base64', 'base64'], ['eml', 'eml'], ['iCalendar', 'icalendar'], ['url', 'url']]) {
      const office = officeWith({ getAttachmentContentAsync: ok({ format, content: 'x' }) });
      assert.deepEqual(await createOfficeJsAdapter(office).getAttachmentContent('a'), { format: expected, content: 'x' });
    }
    const odd = officeWith({ getAttachmentContentAsync: ok({ format: 'mime', content: 'x' }) });
    assert.equal(await rejection(createOfficeJsAdapter(odd).getAttachmentContent('a')), 'UnsupportedAttachmentFormat');
  });

  it('turns a failed AsyncResult into an OfficeError named after the Office error', async () => {
    const office = officeWith({ getAttachmentContentAsync: fail(9016, 'AttachmentTypeNotSupported'), subject: { getAsync: fail(5001, 'Internal Error') } });
    const adapter = createOfficeJsAdapter(office);
    assert.equal(await rejection(adapter.getAttachmentContent('a')), 'AttachmentTypeNotSupported');
    assert.equal(await rejection(adapter.getSubject()), 'InternalError');
    assert.equal(toOfficeError({ code: 9041, name: '', message: 'm' }).code, '9041');
    assert.equal(toOfficeError(undefined).code, 'Unknown');
  });

  it('says ApiNotSupported, not TypeError, where the client lacks sessionData, attachments or sendAsync', async () => {
    const adapter = createOfficeJsAdapter(officeWith({ sessionData: {} }));
    assert.equal(await rejection(adapter.getSessionData('k')), 'ApiNotSupported');
    assert.equal(await rejection(adapter.setSessionData('k', 'v')), 'ApiNotSupported');
    assert.equal(await rejection(adapter.listAttachments()), 'ApiNotSupported');
    assert.equal(await rejection(adapter.sendItem()), 'ApiNotSupported');
    assert.equal(await rejection(adapter.getSubject()), 'ApiNotSupported');
  });

  it('reads session data whether Outlook answers with an object or with the string "{}"', async () => {
    const empty = createOfficeJsAdapter(officeWith({ sessionData: { getAllAsync: ok('{}'), setAsync: ok() } }));
    assert.equal(await empty.getSessionData('sealpost.sealed'), null);
    const full = createOfficeJsAdapter(officeWith({ sessionData: { getAllAsync: ok({ 'sealpost.sealed': 'abc' }), setAsync: ok() } }));
    assert.equal(await full.getSessionData('sealpost.sealed'), 'abc');
  });

  it('keeps one RecipientsChanged handler for many listeners and removes it with the last one', async () => {
    const calls: string[] = [];
    let handler: (() => void) | undefined;
    const office = officeWith({
      addHandlerAsync: (type: string, h: () => void, cb: Cb) => {
        calls.push(`add ${type}`);
        handler = h;
        cb({ status: 0 });
      },
      removeHandlerAsync: (type: string, cb: Cb) => {
        calls.push(`remove ${type}`);
        cb({ status: 0 });
      },
    });
    const adapter = createOfficeJsAdapter(office);
    let a = 0;
    let b = 0;
    const stopA = await adapter.onRecipientsChanged(() => a++);
    const stopB = await adapter.onRecipientsChanged(() => {
      b++;
      throw new Error('listener bug');
    });
    handler?.();
    await stopA();
    handler?.();
    await stopB();
    assert.deepEqual([a, b], [1, 2]);
    assert.deepEqual(calls, ['add olkRecipientsChanged', 'remove olkRecipientsChanged']);
  });

  it('saves roaming settings with saveAsync and reports a failed save', async () => {
    const stored = new Map<string, unknown>();
    const roaming = (save: unknown) => ({ roamingSettings: { get: (k: string) => stored.get(k) ?? null, set: (k: string, v: unknown) => stored.set(k, v), saveAsync: save } });
    const adapter = createOfficeJsAdapter(officeWith({}, roaming(ok())));
    await adapter.setRoaming('sealpost.policyCache', { fetchedAt: 5 });
    assert.deepEqual(adapter.getRoaming('sealpost.policyCache'), { fetchedAt: 5 });
    assert.equal(adapter.getRoaming('absent'), undefined);
    const failing = createOfficeJsAdapter(officeWith({}, roaming(fail(9057, 'SettingsSizeExceeded'))));
    assert.equal(await rejection(failing.setRoaming('k', 'v')), 'SettingsSizeExceeded');
  });

  it('shows a short informational message with the manifest icon', async () => {
    let seen: unknown;
    const office = officeWith({ notificationMessages: { replaceAsync: (key: string, details: unknown, cb: Cb) => ((seen = { key, details }), cb({ status: 0 })) } });
    await createOfficeJsAdapter(office).showNotification('sealpost', 'x'.repeat(200));
    const { key, details } = seen as { key: string; details: { type: string; message: string; icon: string; persistent: boolean } };
    assert.equal(key, 'sealpost');
    assert.equal(details.type, 'informationalMessage');
    assert.equal(details.message.length, 150);
    assert.equal(details.icon, 'Icon.16x16');
    assert.equal(details.persistent, false);
  });

  it('reads host, version, platform and language, and asks requirement sets for Mailbox', () => {
    const adapter = createOfficeJsAdapter(officeWith({}));
    assert.deepEqual(adapter.hostInfo(), { host: 'Outlook', version: '16.0.18000.20000', platform: 'PC', displayLanguage: 'nl-NL' });
    assert.equal(adapter.supportsMailbox('1.14'), true);
    assert.equal(adapter.supportsMailbox('1.15'), false);
    assert.deepEqual(adapter.userProfile(), { displayName: 'Eva', emailAddress: 'eva@example.org' });
  });

  it('looks up internet headers without regard to case and leaves missing ones out', async () => {
    const office = officeWith({ internetHeaders: { getAsync: ok({ 'X-Sealpost-Sealed': 'id1' }), setAsync: ok() } });
    assert.deepEqual(await createOfficeJsAdapter(office).getInternetHeaders(['x-sealpost-sealed', 'x-other']), { 'x-sealpost-sealed': 'id1' });
  });
});
