/**
 * One script of calls, two adapters: the in-memory `FakeOffice`, and the Office.js adapter over
 * `office-addin-mock` seeded with the Office.js shape of the same item. The transcripts must be
 * equal, so whatever a test proves with the fake holds for the adapter Outlook runs.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OfficeMockObject } from 'office-addin-mock';
import { FakeOffice } from './fake-office';
import { fakeOfficeJs } from './fake-office-js';
import { createOfficeJsAdapter } from './office-js-adapter';
import { OfficeError, SEALED_HEADER, type OfficeAdapter } from './office-adapter';
import { markSealed, sealedMessageId } from './sealed';

const BINARY = Uint8Array.from({ length: 700 }, (_, i) => (i * 37 + 11) % 256);

function seededFake(): FakeOffice {
  const fake = new FakeOffice({
    host: { displayLanguage: 'nl-NL', platform: 'PC', version: '16.0.18000.20000' },
    mailboxVersion: '1.14',
    item: {
      subject: 'Uitslag',
      bodyHtml: '<p>Beste Jan,</p><p>Zie &amp; lees de bijlage.</p>',
      recipients: {
        to: [{ email: 'jan@client.example', name: 'Jan' }, { email: 'piet@client.example', name: 'Piet' }],
        cc: [{ email: '', name: 'Unresolved Name' }],
        bcc: [],
      },
    },
    roaming: { 'sealpost.phones': { 'jan@client.example': '+31612345678' } },
  });
  fake.attachFile('uitslag.pdf', BINARY);
  fake.attach({ name: 'Doorgestuurd.eml', kind: 'item', isInline: false, size: 42, content: 'Subject: hi\r\n\r\nhi' });
  fake.attach({ name: 'Plan.docx', kind: 'cloud', isInline: false, size: 0, content: 'https://contoso.sharepoint.com/plan.docx' });
  return fake;
}

/** The same calls in the same order; every answer or error lands in the transcript. */
async function script(office: OfficeAdapter, fake: FakeOffice): Promise<unknown[]> {
  const log: unknown[] = [];
  const step = async (name: string, run: () => unknown): Promise<void> => {
    try {
      log.push([name, await run()]);
    } catch (err) {
      log.push([name, 'error', err instanceof OfficeError ? err.code : String(err)]);
    }
  };
  await step('hostInfo', () => office.hostInfo());
  await step('supports 1.14', () => office.supportsMailbox('1.14'));
  await step('supports 1.15', () => office.supportsMailbox('1.15'));
  await step('userProfile', () => office.userProfile());
  await step('recipients', () => office.getRecipients());
  await step('subject', () => office.getSubject());
  await step('bodyHtml', () => office.getBodyHtml());
  await step('bodyText', () => office.getBodyText());
  const attachments = await office.listAttachments();
  log.push(['attachments', attachments]);
  for (const a of attachments) await step(`content ${a.name}`, () => office.getAttachmentContent(a.id));
  await step('content of an unknown id', () => office.getAttachmentContent('nope'));
  await step('missing session key', () => office.getSessionData('sealpost.none'));
  await step('sealed before', () => sealedMessageId(office));
  await step('set body', () => office.setBodyHtml('<p>Beveiligd bericht: https://sealpost.example/m/AAAAAAAAAAAAAAAAAAAAAA#k</p>'));
  for (const a of attachments) await step(`remove ${a.name}`, () => office.removeAttachment(a.id));
  await step('mark sealed', () => markSealed(office, 'AAAAAAAAAAAAAAAAAAAAAA'));
  await step('sealed after', () => sealedMessageId(office));
  await step('headers', () => office.getInternetHeaders([SEALED_HEADER.toUpperCase(), 'x-absent']));
  await step('roaming read', () => office.getRoaming('sealpost.phones'));
  await step('roaming missing', () => office.getRoaming('sealpost.none'));
  await step('roaming write', () => office.setRoaming('sealpost.policyCache', { fetchedAt: 1, failClosed: true }));
  await step('roaming reread', () => office.getRoaming('sealpost.policyCache'));

  let heard = 0;
  const stop = await office.onRecipientsChanged(() => heard++);
  fake.setRecipients('bcc', [{ email: 'archief@client.example' }]);
  await new Promise((r) => setTimeout(r, 5));
  await stop();
  fake.setRecipients('bcc', []);
  await new Promise((r) => setTimeout(r, 5));
  log.push(['heard', heard, 'listeners left', fake.listenerCount()]);

  await step('notify', () => office.showNotification('sealed', 'Dit bericht is beveiligd.'));
  await step('send without 1.15', () => office.sendItem());
  fake.mailboxVersion = '1.15';
  await step('send', () => office.sendItem());
  fake.failWith('getSubject', 'InternalError');
  await step('failing subject', () => office.getSubject());
  log.push(['state', { ...fake.item, attachments: fake.item.attachments.length }, fake.roaming]);
  return log;
}

const adapters: Array<[string, (fake: FakeOffice) => OfficeAdapter]> = [
  ['FakeOffice', (fake) => fake],
  ['the Office.js adapter over office-addin-mock', (fake) => createOfficeJsAdapter(new OfficeMockObject({ host: 'outlook', ...fakeOfficeJs(fake) }) as unknown as typeof Office)],
];

describe('the OfficeAdapter contract', () => {
  it('gives the same answers from FakeOffice and from the Office.js adapter over office-addin-mock', async () => {
    const [fakeLog, mockLog] = await Promise.all(adapters.map(([, make]) => {
      const fake = seededFake();
      return script(make(fake), fake);
    }));
    assert.deepEqual(mockLog, fakeLog);
  });

  for (const [name, make] of adapters) {
    it(`${name}: reads the item as seeded, seals it, and tells apart the three attachment kinds`, async () => {
      const fake = seededFake();
      const log = new Map((await script(make(fake), fake)).map((entry) => [(entry as unknown[])[0], (entry as unknown[]).slice(1)]));
      assert.deepEqual(log.get('recipients')?.[0], [
        { field: 'to', email: 'jan@client.example', name: 'Jan' },
        { field: 'to', email: 'piet@client.example', name: 'Piet' },
        { field: 'cc', email: '', name: 'Unresolved Name' },
      ]);
      assert.deepEqual((log.get('attachments')?.[0] as Array<{ kind: string }>).map((a) => a.kind), ['file', 'item', 'cloud']);
      assert.deepEqual(log.get('content uitslag.pdf')?.[0], { format: 'base64', content: Buffer.from(BINARY).toString('base64') });
      assert.deepEqual(log.get('content Doorgestuurd.eml')?.[0], { format: 'eml', content: 'Subject: hi\r\n\r\nhi' });
      assert.equal((log.get('content Plan.docx')?.[0] as { format: string }).format, 'url');
      assert.deepEqual(log.get('content of an unknown id'), ['error', 'InvalidAttachmentId']);
      assert.deepEqual(log.get('missing session key'), [null]);
      assert.deepEqual(log.get('sealed before'), [null]);
      assert.deepEqual(log.get('sealed after'), ['AAAAAAAAAAAAAAAAAAAAAA']);
      assert.deepEqual(log.get('headers'), [{ [SEALED_HEADER.toUpperCase()]: 'AAAAAAAAAAAAAAAAAAAAAA' }]);
      assert.deepEqual(log.get('roaming reread'), [{ fetchedAt: 1, failClosed: true }]);
      assert.deepEqual(log.get('heard'), [1, 'listeners left', 0]);
      assert.deepEqual(log.get('send without 1.15'), ['error', 'ApiNotSupported']);
      assert.deepEqual(log.get('failing subject'), ['error', 'InternalError']);
      assert.equal(fake.item.sent, true);
      assert.equal(fake.item.notifications.sealed, 'Dit bericht is beveiligd.');
    });
  }
});
