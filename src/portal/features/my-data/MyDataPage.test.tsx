import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { PrivacyApi } from '../../api/privacy-api';
import { portalPage } from '../../route';
import {
  CHALLENGE,
  PRIVACY_SESSION,
  QUEUED_PHONE,
  SUBJECT,
  fail,
  fakePrivacyApi,
  fakeSaver,
  fakeServices,
  ok,
  personalData,
  recipientRecord,
  renderMyData,
  renderPortal,
} from '../../test-support';

afterEach(cleanup);

function start(overrides: Partial<PrivacyApi> = {}) {
  const privacy = fakePrivacyApi(overrides);
  const saveFile = fakeSaver();
  renderMyData(fakeServices({ privacy, saveFile }));
  return { privacy, saveFile };
}

const methods = (privacy: ReturnType<typeof fakePrivacyApi>) => privacy.calls.map((c) => c.method);

async function enterEmail(address = SUBJECT) {
  fireEvent.change(await screen.findByRole('textbox', { name: 'E-mail address' }), { target: { value: address } });
  fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
}

async function enterCode(code = '123456') {
  fireEvent.change(await screen.findByRole('textbox', { name: 'Code' }), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
}

/** Through steps 1 and 2: the address, then the code. */
async function proveAddress(overrides: Partial<PrivacyApi> = {}) {
  const started = start(overrides);
  await enterEmail();
  await enterCode();
  return started;
}

/** Through steps 1 and 2 to the data. */
async function signIn(overrides: Partial<PrivacyApi> = {}) {
  const started = await proveAddress(overrides);
  await screen.findByRole('heading', { level: 1, name: `What we hold about ${SUBJECT}` });
  return started;
}

describe('your data: proving the address', () => {
  it('asks for the address, says a code will be sent, and links to the full privacy statement', async () => {
    const { privacy } = start();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Your data' });
    assert.ok(document.activeElement === heading, 'focus is on the step heading');
    assert.ok(screen.getByText(/We send a code to the address you enter/));
    const link = within(screen.getByRole('main')).getByRole('link', { name: 'Privacy statement' });
    assert.equal(link.getAttribute('href'), '/privacy');
    assert.equal(link.getAttribute('target'), '_blank');
    assert.equal(document.title, 'Your data \u2013 Sealpost');
    assert.deepEqual(privacy.calls, [], 'nothing is asked before the person does');
  });

  it('goes from the address through the code to the data, focusing each step\u2019s heading', async () => {
    const { privacy } = start();
    await enterEmail(` ${SUBJECT} `);
    const codeHeading = await screen.findByRole('heading', { level: 1, name: 'Enter your code' });
    assert.ok(document.activeElement === codeHeading);
    assert.ok(screen.getByText(`We sent a code to ${SUBJECT}. It can take a minute to arrive; also check your spam folder.`));
    assert.deepEqual(privacy.calls[0], { method: 'requestCode', args: [SUBJECT, 'en'] });

    await enterCode();
    const dataHeading = await screen.findByRole('heading', { level: 1, name: `What we hold about ${SUBJECT}` });
    assert.ok(document.activeElement === dataHeading);
    assert.deepEqual(privacy.calls[1], { method: 'verify', args: [CHALLENGE.challengeId, '123456'] });
    assert.equal(privacy.calls[2]?.method, 'getData');
    assert.equal(privacy.calls[2]?.args[0], PRIVACY_SESSION.token);

    const record = screen.getByRole('heading', { level: 3, name: 'Message from Anna de Vries, Zorggroep Test' }).closest('li')!;
    const value = (label: string) => within(record).getByText(label).nextElementSibling?.textContent;
    assert.equal(value('Name'), 'Jan Jansen');
    assert.equal(value('Sender'), 'Anna de Vries <anna.devries@zorg.example>');
    assert.equal(value('Organisation'), 'Zorggroep Test');
    assert.equal(value('How you confirm it is you'), 'Code by text message');
    assert.equal(value('Mobile number'), '+31612345678');
    assert.match(value('Message sent') ?? '', /1 April 2030/);
    assert.equal(value('First download'), 'Not recorded');
    assert.ok(screen.getByRole('heading', { level: 2, name: 'Open requests' }));
    assert.ok(screen.getByText('You have no open requests.'));
  });

  it('says how many tries are left after a wrong code and stays on the code step', async () => {
    const { privacy } = start({ verify: async () => fail('invalid_code', { triesLeft: 3 }) });
    await enterEmail();
    await enterCode('000000');
    assert.match((await screen.findByRole('alert')).textContent ?? '', /not correct\. You have 3 more tries\./);
    assert.ok(screen.getByRole('heading', { level: 1, name: 'Enter your code' }));
    assert.equal((screen.getByRole('textbox', { name: 'Code' }) as HTMLInputElement).value, '');
    assert.ok(!methods(privacy).includes('getData'));
  });

  it('asks for a code again for a new code, with the same address', async () => {
    const { privacy } = await proveAddress({ verify: async () => fail('code_expired') });
    assert.match((await screen.findByRole('alert')).textContent ?? '', /expired/);
    fireEvent.click(screen.getByRole('button', { name: 'Use a different e-mail address' }));
    assert.equal((await screen.findByRole('textbox', { name: 'E-mail address' }) as HTMLInputElement).value, SUBJECT);
    assert.deepEqual(methods(privacy), ['requestCode', 'verify']);
  });

  it('shows a code-request limit as such', async () => {
    start({ requestCode: async () => fail('rate_limited') });
    await enterEmail();
    assert.match((await screen.findByRole('alert')).textContent ?? '', /Too many attempts/);
    assert.ok(screen.getByRole('heading', { level: 1, name: 'Your data' }));
  });
});

describe('your data: what is held', () => {
  it('says plainly when nothing is held, and offers nothing to correct or erase', async () => {
    await signIn({ getData: async () => ok(personalData({ asRecipient: [] })) });
    assert.ok(screen.getByText(`We hold no data about ${SUBJECT}.`));
    assert.equal(screen.queryByRole('heading', { level: 2, name: 'As recipient of secure messages' }), null);
    assert.equal(screen.queryByRole('button', { name: 'Correct name' }), null);
    assert.equal(screen.queryByRole('button', { name: 'Erase my data' }), null);
    assert.ok(screen.getByRole('button', { name: 'Download as JSON' }));
    assert.ok(screen.getByRole('switch', { name: /Product e-mails/ }));
  });

  it('lists open requests with their deadline, and sender accounts with where to correct them', async () => {
    const sender = {
      organisation: 'Zorggroep Test',
      accountId: 'SSSSSSSSSSSSSSSSSSSSSS',
      signIn: 'azure',
      tenantId: null,
      objectId: null,
      name: 'Jan Jansen',
      email: SUBJECT,
      outlook: { host: 'Outlook', version: '16.0', platform: 'PC' },
      browser: null,
      device: null,
      createdAt: '2030-01-01T00:00:00.000Z',
      lastSeenAt: '2030-04-01T00:00:00.000Z',
      messagesSent: 4,
    };
    await signIn({ getData: async () => ok(personalData({ asSender: [sender], requests: [QUEUED_PHONE, { ...QUEUED_PHONE, id: 'done', status: 'completed' }] })) });
    const account = screen.getByRole('heading', { level: 3, name: 'Account at Zorggroep Test' }).closest('li')!;
    assert.equal(within(account).getByText('Messages sent').nextElementSibling?.textContent, '4');
    assert.equal(within(account).getByText('Outlook').nextElementSibling?.textContent, 'Outlook, 16.0, PC');
    assert.ok(screen.getByText(/contact your organisation/));
    const requests = screen.getByRole('heading', { level: 2, name: 'Open requests' }).closest('section')!;
    const items = within(requests).getAllByRole('listitem');
    assert.equal(items.length, 1, 'only the open one');
    assert.match(items[0]!.textContent ?? '', /^Correction of your data, made on 2 April 2030.*answer by 4 April 2030/);
  });

  it('offers a retry when the data cannot be loaded', async () => {
    let answers = 0;
    const { privacy } = await proveAddress({ getData: async () => (answers++ === 0 ? fail('unavailable') : ok(personalData())) });
    await screen.findByRole('heading', { level: 1, name: 'Your data could not be loaded' });
    assert.match(screen.getByRole('alert').textContent ?? '', /could not be reached/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    assert.ok(await screen.findByRole('heading', { level: 1, name: `What we hold about ${SUBJECT}` }));
    assert.equal(methods(privacy).filter((m) => m === 'getData').length, 2);
  });
});

describe('your data: actions', () => {
  it('downloads the export as the service sent it, under its file name', async () => {
    const { privacy, saveFile } = await signIn();
    fireEvent.click(screen.getByRole('button', { name: 'Download as JSON' }));
    assert.match((await screen.findByRole('status')).textContent ?? '', /Your data has been downloaded/);
    const exportCall = privacy.calls.find((c) => c.method === 'exportData');
    assert.deepEqual(exportCall?.args, [PRIVACY_SESSION.token]);
    assert.equal(saveFile.saved.length, 1);
    assert.equal(saveFile.saved[0]!.name, 'sealpost-personal-data-2030-04-02.json');
    const saved = JSON.parse(new TextDecoder().decode(saveFile.saved[0]!.bytes)) as { format: string; asRecipient: { name: string }[] };
    assert.equal(saved.format, 'sealpost-personal-data/1');
    assert.equal(saved.asRecipient[0]?.name, 'Jan Jansen');
  });

  it('corrects the name at once and shows the new one', async () => {
    let name = 'Jan Jansen';
    const { privacy } = await signIn({
      getData: async () => ok(personalData({ asRecipient: [recipientRecord({ name })] })),
      rectify: async (_token, change) => {
        name = change.name ?? name;
        return ok({ applied: ['name'], queued: [] });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Correct name' }));
    const field = screen.getByRole('textbox', { name: 'Your name' }) as HTMLInputElement;
    assert.ok(document.activeElement === field, 'focus moves into the form');
    assert.equal(field.value, 'Jan Jansen');
    fireEvent.change(field, { target: { value: '  Jan de Jong ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    assert.match((await screen.findByRole('status')).textContent ?? '', /^Your name has been corrected\.$/);
    assert.deepEqual(privacy.calls.find((c) => c.method === 'rectify')?.args, [PRIVACY_SESSION.token, { name: 'Jan de Jong' }]);
    assert.equal(screen.queryByRole('textbox', { name: 'Your name' }), null, 'the form closes');
    await screen.findByText('Jan de Jong');
  });

  it('says a new mobile number is queued for the sender with a 48-hour answer, not applied', async () => {
    const { privacy } = await signIn({ rectify: async () => ok({ applied: [], queued: [QUEUED_PHONE] }) });
    fireEvent.click(screen.getByRole('button', { name: 'Correct mobile number' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'New mobile number' }), { target: { value: '06 87654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const status = await screen.findByRole('status');
    assert.match(status.textContent ?? '', /has not been changed yet/);
    assert.match(status.textContent ?? '', /within 48 hours, by 4 April 2030/);
    assert.deepEqual(privacy.calls.find((c) => c.method === 'rectify')?.args, [PRIVACY_SESSION.token, { phone: '06 87654321' }]);
  });

  it('keeps the number form open with the reason when the number is refused', async () => {
    await signIn({ rectify: async () => fail('bad_request', { field: 'phone', reason: 'not_mobile' }) });
    fireEvent.click(screen.getByRole('button', { name: 'Correct mobile number' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'New mobile number' }), { target: { value: '020 1234567' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    assert.match((await screen.findByRole('alert')).textContent ?? '', /Enter a valid mobile number/);
    assert.ok(screen.getByRole('textbox', { name: 'New mobile number' }));
  });

  it('offers the number correction only when codes go to a mobile number', async () => {
    await signIn({ getData: async () => ok(personalData({ asRecipient: [recipientRecord({ method: 'email', phone: null })] })) });
    assert.ok(screen.getByRole('button', { name: 'Correct name' }));
    assert.equal(screen.queryByRole('button', { name: 'Correct mobile number' }), null);
  });

  it('switches product e-mails off and shows the switch as off', async () => {
    const { privacy } = await signIn();
    const toggle = screen.getByRole('switch', { name: /Product e-mails/ }) as HTMLInputElement;
    assert.equal(toggle.checked, true);
    fireEvent.click(toggle);
    assert.match((await screen.findByRole('status')).textContent ?? '', /now switched off/);
    assert.equal((screen.getByRole('switch', { name: /Product e-mails/ }) as HTMLInputElement).checked, false);
    assert.deepEqual(privacy.calls.find((c) => c.method === 'setProductEmailsOff')?.args, [PRIVACY_SESSION.token, true]);
  });

  it('erases only after the warning is confirmed, then ends the session', async () => {
    const { privacy } = await signIn();
    fireEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Erase your data?' });
    assert.match(dialog.textContent ?? '', /no longer be able to read the secure messages sent to you/);
    assert.match(dialog.textContent ?? '', /cannot be undone/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    assert.equal(screen.queryByRole('alertdialog'), null, 'cancel closes the dialog');
    assert.ok(!methods(privacy).includes('erase'), 'cancel erases nothing');

    fireEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Erase your data?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, erase my data' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Your data has been erased' });
    assert.ok(document.activeElement === heading);
    assert.equal(document.querySelector('[role="alertdialog"]'), null, 'the dialog is gone');
    assert.deepEqual(privacy.calls.find((c) => c.method === 'erase')?.args, [PRIVACY_SESSION.token]);

    fireEvent.click(screen.getByRole('button', { name: 'Back to the start' }));
    assert.ok(await screen.findByRole('heading', { level: 1, name: 'Your data' }));
  });

  it('keeps the dialog open with the reason when the erasure fails', async () => {
    await signIn({ erase: async () => fail('unavailable') });
    fireEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Erase your data?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, erase my data' }));
    assert.match((await within(dialog).findByRole('alert')).textContent ?? '', /could not be reached/);
    assert.ok(screen.getByRole('alertdialog'));
  });

  it('closes the dialog before going back to the start when the session ran out', async () => {
    await signIn({ erase: async () => fail('session_expired') });
    fireEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Erase your data?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, erase my data' }));
    assert.ok(await screen.findByRole('heading', { level: 1, name: 'Your data' }));
    assert.equal(document.querySelector('[role="alertdialog"]'), null, 'the dialog is gone');
    assert.match(screen.getByRole('status').textContent ?? '', /Your session has ended/);
  });

  it('goes back to the first step with a message when the session has expired', async () => {
    const { privacy } = await signIn({ exportData: async () => fail('session_expired') });
    fireEvent.click(screen.getByRole('button', { name: 'Download as JSON' }));
    assert.ok(await screen.findByRole('heading', { level: 1, name: 'Your data' }));
    assert.match(screen.getByRole('status').textContent ?? '', /Your session has ended/);
    assert.equal(screen.queryByText('Jan Jansen'), null, 'the data is gone from the page');
    assert.equal((screen.getByRole('textbox', { name: 'E-mail address' }) as HTMLInputElement).value, SUBJECT);

    // Proving the address again opens a new session.
    await enterEmail();
    await enterCode();
    assert.ok(await screen.findByRole('heading', { level: 1, name: `What we hold about ${SUBJECT}` }));
    assert.equal(screen.queryByText(/Your session has ended/), null);
    assert.equal(methods(privacy).filter((m) => m === 'verify').length, 2);
  });

  it('treats an expired session on loading the same way', async () => {
    await proveAddress({ getData: async () => fail('session_expired') });
    assert.ok(await screen.findByRole('heading', { level: 1, name: 'Your data' }));
    assert.match(screen.getByRole('status').textContent ?? '', /Your session has ended/);
  });

  it('signs out and says so', async () => {
    const { privacy } = await signIn();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    assert.ok(await screen.findByRole('heading', { level: 1, name: 'Your data' }));
    assert.match(screen.getByRole('status').textContent ?? '', /You have signed out/);
    assert.deepEqual(privacy.calls.find((c) => c.method === 'signOut')?.args, [PRIVACY_SESSION.token]);
  });
});

describe('your data: where it is', () => {
  it('is chosen by the path; everything else is the message flow', () => {
    assert.equal(portalPage('/my-data'), 'my-data');
    assert.equal(portalPage('/sealpost/my-data'), 'my-data');
    assert.equal(portalPage('/m/AAAAAAAAAAAAAAAAAAAAAA'), 'message');
    assert.equal(portalPage('/my-data/extra'), 'message');
    assert.equal(portalPage('/'), 'message');
  });

  it('is linked from the message page\u2019s footer, in a new tab so the message stays open', async () => {
    renderPortal(fakeServices());
    const footer = screen.getByRole('contentinfo');
    const link = within(footer).getByRole('link', { name: 'Your data' });
    assert.equal(link.getAttribute('href'), '/my-data');
    assert.equal(link.getAttribute('target'), '_blank');
    assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
  });

  it('is in Dutch for a Dutch browser', async () => {
    renderMyData(fakeServices({ languages: ['nl-NL'] }));
    assert.ok(await screen.findByRole('heading', { level: 1, name: 'Uw gegevens' }));
    assert.ok(screen.getByRole('button', { name: 'Code versturen' }));
    assert.ok(within(screen.getByRole('contentinfo')).getByRole('link', { name: 'Privacyverklaring' }));
  });
});
