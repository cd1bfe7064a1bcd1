import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { RecipientInput } from '../../../../shared/protocol/api';
import type { OutgoingMessage } from '../../../../shared/protocol/sender-client';
import { SEALED_HEADER, SEALED_SESSION_KEY } from '../../../office/office-adapter';
import { sealedMessageId } from '../../../office/sealed';
import type { SendOptions } from '../../api/sender-api';
import { MESSAGE_ID, SECRET, SENT, fakeApi, fakeOffice, fail, ok, renderSignedIn } from '../../test-support';

afterEach(cleanup);

const bytes = (text: string) => new TextEncoder().encode(text);
const readAll = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());

async function enterPhoneAndSend(number = '06 12345678') {
  fireEvent.change(await screen.findByRole('textbox', { name: 'Mobile number for Bob Jansen' }), { target: { value: number } });
  fireEvent.click(screen.getByRole('button', { name: 'Send securely' }));
}

/** A send that reports progress, then waits for the test (or for Cancel). */
function gatedSend() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const seen: { message?: OutgoingMessage; recipients?: RecipientInput[]; options?: SendOptions } = {};
  const api = fakeApi({
    send: async (_token, message, recipients, options) => {
      Object.assign(seen, { message, recipients, options });
      options.onProgress(null);
      options.onProgress(0.42);
      await Promise.race([gate, new Promise((resolve) => options.signal.addEventListener('abort', resolve))]);
      return options.signal.aborted ? fail('unavailable') : ok(SENT);
    },
  });
  return { api, seen, release };
}

describe('sending securely', () => {
  it('encrypts subject, body and attachments with progress, then leaves only the link in the e-mail', async () => {
    const office = fakeOffice({ item: { bodyHtml: '<p>BSN 111222333</p>' } });
    office.attachFile('report.pdf', bytes('%PDF-1.7 secret'));
    office.attachFile('image001.png', bytes('png'), true);
    const { api, seen, release } = gatedSend();
    renderSignedIn({ office, api });
    await enterPhoneAndSend();

    const bar = await screen.findByRole('progressbar', { name: 'Encrypting and uploading' });
    await waitFor(() => assert.equal(bar.getAttribute('aria-valuenow'), '0.42'));
    assert.ok(screen.getByText('42% done'));
    assert.ok(screen.getByRole('button', { name: 'Cancel' }));
    assert.equal(seen.message?.subject, 'Dossier');
    assert.equal(seen.message?.html, '<p>BSN 111222333</p>');
    assert.deepEqual(seen.message?.from, { name: 'Anna de Vries', email: 'anna@example.nl' });
    assert.deepEqual(
      seen.message?.attachments.map((a) => [a.name, a.type, a.size]),
      [['report.pdf', 'application/pdf', 15], ['image001.png', 'image/png', 3]],
    );
    assert.deepEqual(await readAll(seen.message!.attachments[0]!.open()), bytes('%PDF-1.7 secret'));
    assert.deepEqual(seen.recipients, [{ name: 'Bob Jansen', email: 'bob@example.com', method: 'sms', phone: '+31612345678' }]);
    assert.equal(seen.options?.locale, 'en');
    assert.equal(office.item.bodyHtml, '<p>BSN 111222333</p>', 'nothing changes before the upload is complete');

    release();
    assert.ok(await screen.findByText('Ready to send'));
    const body = office.item.bodyHtml;
    assert.ok(body.includes(`https://sealpost.example/m/${MESSAGE_ID}#${SECRET}`), 'the link is in the body');
    assert.ok(body.includes('Anna de Vries (anna@example.nl) has sent you a secure message.'));
    assert.ok(body.includes('available until 1 May 2030'));
    assert.ok(body.includes('you need a code'));
    assert.ok(!body.includes('111222333'), 'the content is gone');
    assert.deepEqual(office.item.attachments, []);
    assert.equal(office.item.headers[SEALED_HEADER], MESSAGE_ID);
    assert.equal(office.item.session[SEALED_SESSION_KEY], MESSAGE_ID);
    assert.equal(await sealedMessageId(office), MESSAGE_ID, 'the on-send handler will let it go');

    fireEvent.click(screen.getByRole('button', { name: 'Send now' }));
    await waitFor(() => assert.equal(office.item.sent, true));
  });

  it('tells the sender to press Send where Outlook cannot send for the add-in', async () => {
    renderSignedIn({ office: fakeOffice({ mailboxVersion: '1.14' }) });
    await enterPhoneAndSend();
    assert.ok(await screen.findByText('Press Send in Outlook to send the e-mail with the link.'));
    assert.equal(screen.queryByRole('button', { name: 'Send now' }), null);
  });

  it('stops on Cancel and leaves the draft as it was', async () => {
    const office = fakeOffice();
    office.attachFile('report.pdf', bytes('pdf'));
    const { api, seen } = gatedSend();
    renderSignedIn({ office, api });
    await enterPhoneAndSend();
    await screen.findByRole('progressbar', { name: 'Encrypting and uploading' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    assert.ok(await screen.findByText('Sending was cancelled. Your message was not changed.'));
    assert.equal(seen.options?.signal.aborted, true, 'the upload is aborted');
    assert.equal(office.item.bodyHtml, '<p>Hello Bob</p>');
    assert.equal(office.item.attachments.length, 1);
    assert.deepEqual(office.item.headers, {});
    assert.ok(screen.getByRole('button', { name: 'Send securely' }), 'the sender can try again');
  });

  it('refuses a cloud attachment by name before anything is uploaded', async () => {
    const office = fakeOffice();
    office.attach({ name: 'Plan.docx', kind: 'cloud', isInline: false, size: 0, content: 'https://contoso.sharepoint.com/plan' });
    const api = fakeApi();
    renderSignedIn({ office, api });
    await enterPhoneAndSend();
    const alert = await screen.findByText(/“Plan\.docx” is a link to a file in the cloud, which Sealpost cannot encrypt/);
    assert.ok(alert);
    assert.deepEqual(api.callsOf('send'), []);
  });

  it('sends an attached e-mail as an .eml file', async () => {
    const office = fakeOffice();
    office.attach({ name: 'Original message', kind: 'item', isInline: false, size: 10, content: 'Subject: hi\r\n\r\nhello' });
    const { api, seen, release } = gatedSend();
    renderSignedIn({ office, api });
    await enterPhoneAndSend();
    await screen.findByRole('progressbar', { name: 'Encrypting and uploading' });
    assert.deepEqual(seen.message?.attachments.map((a) => [a.name, a.type]), [['Original message.eml', 'message/rfc822']]);
    release();
    await screen.findByText('Ready to send');
    assert.deepEqual(office.item.attachments, []);
  });

  it('shows the access codes to pass on by phone, only now', async () => {
    const api = fakeApi({ send: async () => ok({ ...SENT, recipients: [{ id: 'R'.repeat(22), email: 'bob@example.com', method: 'access_code', accessCode: '123456' }] }) });
    renderSignedIn({ api });
    fireEvent.change(await screen.findByRole('combobox', { name: 'Verification for Bob Jansen' }), { target: { value: 'access_code' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send securely' }));
    assert.ok(await screen.findByText('Bob Jansen: 123456'));
    assert.equal(api.callsOf('send')[0]![2] && (api.callsOf('send')[0]![2] as RecipientInput[])[0]!.phone, undefined, 'no number without SMS');
  });

  it('does not send while a recipient lacks a valid number, and says what to fix', async () => {
    const api = fakeApi();
    renderSignedIn({ api });
    await screen.findByRole('textbox', { name: 'Mobile number for Bob Jansen' });
    fireEvent.click(screen.getByRole('button', { name: 'Send securely' }));
    assert.ok(await screen.findByText('Check the recipients marked above first.'));
    assert.ok(screen.getByText('Enter a mobile number, or choose another way to verify.'));
    assert.deepEqual(api.callsOf('send'), []);
  });

  it('keeps the upload when Outlook cannot rewrite the item, and tries the rewrite again', async () => {
    const office = fakeOffice();
    office.failWith('setBodyHtml', 'InternalError');
    const api = fakeApi();
    renderSignedIn({ office, api });
    await enterPhoneAndSend();
    assert.ok(await screen.findByText(/The message was encrypted, but Outlook could not replace the e-mail’s content/));
    office.clearFailures();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    assert.ok(await screen.findByText('Ready to send'));
    assert.equal(api.callsOf('send').length, 1, 'not uploaded twice');
    assert.ok(office.item.bodyHtml.includes(`/m/${MESSAGE_ID}`));
  });

  it('says when the service is unreachable and changes nothing', async () => {
    const office = fakeOffice();
    renderSignedIn({ office, api: fakeApi({ send: async () => fail('unavailable') }) });
    await enterPhoneAndSend();
    assert.ok(await screen.findByText('The service could not be reached. Your message was not changed. Try again.'));
    assert.equal(office.item.bodyHtml, '<p>Hello Bob</p>');
  });

  it('offers to send, not to seal again, when the pane opens on an item sealed earlier', async () => {
    const office = fakeOffice({
      item: { bodyHtml: `<p><a href="https://sealpost.example/m/${MESSAGE_ID}#${SECRET}">Open</a></p>`, headers: { [SEALED_HEADER]: MESSAGE_ID } },
    });
    renderSignedIn({ office });
    assert.ok(await screen.findByText('This e-mail already holds only the link to a secure message.'));
    assert.ok(screen.getByRole('button', { name: 'Send now' }));
    assert.equal(screen.queryByRole('button', { name: 'Send securely' }), null);
  });
});
