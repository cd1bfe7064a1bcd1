import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DEV_CONFIG, fakeOffice, renderSignedIn } from '../../test-support';
import { fakePrivacyService, installFetch, personalData, restoreGlobals, watchDownloads } from './privacy-test-support';

afterEach(() => {
  cleanup();
  restoreGlobals();
});

async function openYourData() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Privacy' }));
  return screen.findByRole('region', { name: 'Your data' });
}

/** A definition list's value for a label, within `scope`. */
function valueOf(scope: HTMLElement, label: string): string {
  const term = within(scope).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('your data', () => {
  it('shows the account record and the messages received, with the sender’s token', async () => {
    const service = installFetch(fakePrivacyService({ queue: null }));
    renderSignedIn();
    const section = await openYourData();
    const account = await within(section).findByRole('listitem', { name: 'Your account at Gemeente Voorbeeld' });
    assert.equal(valueOf(account, 'Organisation'), 'Gemeente Voorbeeld');
    assert.equal(valueOf(account, 'Name'), 'Anna de Vries');
    assert.equal(valueOf(account, 'E-mail address'), 'anna@example.nl');
    assert.equal(valueOf(account, 'Sign-in'), 'Microsoft account of your organisation');
    assert.equal(valueOf(account, 'Outlook'), 'Outlook, 16.0.18000.20000, PC');
    assert.equal(valueOf(account, 'Browser'), 'edge');
    assert.equal(valueOf(account, 'Device'), 'desktop');
    assert.match(valueOf(account, 'Account created'), /2030/);
    assert.match(valueOf(account, 'Last used'), /2030/);
    assert.equal(valueOf(account, 'Secure messages sent'), '7');

    const received = within(section).getByRole('listitem', { name: 'From Bob Jansen, Advocatenkantoor Jansen' });
    assert.equal(valueOf(received, 'Mobile number'), '+31612345678');
    assert.equal(valueOf(received, 'Verification'), 'Code by text message (SMS)');
    assert.match(valueOf(received, 'Opened'), /2030/);

    assert.ok(within(section).getByText(/come from your Microsoft sign-in/));
    assert.equal(within(section).getByRole('link', { name: 'Privacy statement' }).getAttribute('href'), DEV_CONFIG.privacyUrl);
    assert.deepEqual(
      service.sent('GET', '/api/me/privacy').map((r) => r.auth),
      ['Bearer fake-token'],
    );
  });

  it('says so when nothing is held about the address', async () => {
    installFetch(fakePrivacyService({ queue: null, data: personalData({ asSender: [], asRecipient: [] }) }));
    renderSignedIn();
    const section = await openYourData();
    assert.ok(await within(section).findByText('Sealpost holds no account under this address.'));
    assert.ok(within(section).getByText('Sealpost holds no secure messages to this address.'));
  });

  it('saves the export as a JSON file, exactly as the service sent it', async () => {
    const service = installFetch(fakePrivacyService({ queue: null }));
    const downloads = watchDownloads();
    renderSignedIn();
    const section = await openYourData();
    fireEvent.click(await within(section).findByRole('button', { name: 'Download as JSON' }));
    assert.ok(await within(section).findByText('Downloading sealpost-personal-data-2030-04-02.json.'));
    assert.equal(service.sent('GET', '/api/me/privacy/export').length, 1);
    assert.deepEqual(downloads.clicked, [{ download: 'sealpost-personal-data-2030-04-02.json', href: 'blob:https://sealpost.example/1' }]);
    assert.equal(downloads.created[0]?.type, 'application/json');
    assert.equal(await downloads.created[0]!.text(), service.exported());
    assert.equal(document.querySelector('a[download]'), null, 'the helper link is gone again');
    cleanup();
    assert.deepEqual(downloads.revoked, ['blob:https://sealpost.example/1'], 'the object URL is freed with the panel');
  });

  it('shows the JSON as text in Outlook for Mac, which cannot save files from an add-in', async () => {
    const service = installFetch(fakePrivacyService({ queue: null }));
    const downloads = watchDownloads();
    renderSignedIn({ office: fakeOffice({ host: { platform: 'Mac' } }) });
    const section = await openYourData();
    assert.ok(await within(section).findByText(/Outlook for Mac cannot save files from an add-in/));
    assert.equal(within(section).queryByRole('button', { name: 'Download as JSON' }), null);
    fireEvent.click(within(section).getByRole('button', { name: 'Show as JSON' }));
    const text = await within(section).findByRole('textbox', { name: 'Data as JSON (sealpost-personal-data-2030-04-02.json)' });
    assert.equal((text as HTMLTextAreaElement).value, service.exported());
    assert.deepEqual(downloads.clicked, []);
  });

  it('shows why the export failed', async () => {
    installFetch(fakePrivacyService({ queue: null, errors: { 'GET /api/me/privacy/export': ['rate_limited'] } }));
    const downloads = watchDownloads();
    renderSignedIn();
    const section = await openYourData();
    fireEvent.click(await within(section).findByRole('button', { name: 'Download as JSON' }));
    const alert = await within(section).findByRole('alert');
    assert.match(alert.textContent ?? '', /The download could not be made\./);
    assert.match(alert.textContent ?? '', /Too many requests\. Wait a moment and try again\./);
    assert.deepEqual(downloads.clicked, []);
  });

  it('switches product e-mails off and on again with the right body', async () => {
    const service = installFetch(fakePrivacyService({ queue: null }));
    renderSignedIn();
    const section = await openYourData();
    const toggle = await within(section).findByRole('switch', { name: 'Product e-mails' });
    assert.ok(within(section).getByText(/Today there is one: “Your secure message was opened”/));
    assert.equal((toggle as HTMLInputElement).checked, true, 'on while the service says they are not off');

    fireEvent.click(toggle);
    await waitFor(() => assert.equal((toggle as HTMLInputElement).checked, false));
    fireEvent.click(toggle);
    await waitFor(() => assert.equal((toggle as HTMLInputElement).checked, true));
    const puts = service.sent('PUT', '/api/me/privacy/objection');
    assert.deepEqual(
      puts.map((r) => r.body),
      [{ productEmailsOff: true }, { productEmailsOff: false }],
    );
    assert.ok(puts.every((r) => r.auth === 'Bearer fake-token'));
  });

  it('keeps the switch as it was and says why when the choice is not saved', async () => {
    installFetch(fakePrivacyService({ queue: null, errors: { 'PUT /api/me/privacy/objection': ['unavailable'] } }));
    renderSignedIn();
    const section = await openYourData();
    const toggle = await within(section).findByRole('switch', { name: 'Product e-mails' });
    fireEvent.click(toggle);
    const alert = await within(section).findByRole('alert');
    assert.match(alert.textContent ?? '', /Your choice could not be saved\./);
    assert.match(alert.textContent ?? '', /The Sealpost service could not be reached/);
    await waitFor(() => assert.equal((toggle as HTMLInputElement).checked, true));
  });

  it('erases the account data only after a confirmation that says what it means', async () => {
    const service = installFetch(fakePrivacyService({ queue: null }));
    renderSignedIn();
    const section = await openYourData();
    fireEvent.click(await within(section).findByRole('button', { name: 'Erase my account data' }));
    const confirm = await within(section).findByRole('alertdialog', { name: 'Erase your account data?' });
    assert.match(confirm.textContent ?? '', /If you sign in again, Sealpost starts a new account\./);
    assert.match(confirm.textContent ?? '', /Secure messages you have already sent stay with your organisation until they expire\./);
    assert.equal(document.activeElement, within(confirm).getByRole('button', { name: 'Cancel' }), 'focus starts on the harmless choice');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => assert.equal(within(section).queryByRole('alertdialog'), null));
    assert.deepEqual(service.sent('DELETE', '/api/me/privacy'), []);

    fireEvent.click(within(section).getByRole('button', { name: 'Erase my account data' }));
    fireEvent.click(within(await within(section).findByRole('alertdialog')).getByRole('button', { name: 'Erase' }));
    const done = await within(section).findByRole('status');
    assert.match(done.textContent ?? '', /Your account data has been erased \(records erased: 1\)\. If you use Sealpost again, a new account is started\./);
    assert.deepEqual(
      service.sent('DELETE', '/api/me/privacy').map((r) => r.auth),
      ['Bearer fake-token'],
    );
    assert.equal(service.sent('GET', '/api/me/privacy').length, 1, 'not read again: that would start the new account at once');

    fireEvent.click(within(done).getByRole('button', { name: 'Sign out' }));
    assert.ok(await screen.findByRole('button', { name: 'Sign in' }));
  });

  it('keeps the confirmation open and says why when erasing fails', async () => {
    installFetch(fakePrivacyService({ queue: null, errors: { 'DELETE /api/me/privacy': ['unavailable'] } }));
    renderSignedIn();
    const section = await openYourData();
    fireEvent.click(await within(section).findByRole('button', { name: 'Erase my account data' }));
    const confirm = await within(section).findByRole('alertdialog');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Erase' }));
    assert.ok(await within(confirm).findByText(/Your account data could not be erased\. The Sealpost service could not be reached/));
    assert.ok(within(section).getByRole('switch', { name: 'Product e-mails' }), 'the data is still shown');
  });

  it('shows a failed load with the existing error notice, and tries again', async () => {
    const service = installFetch(fakePrivacyService({ queue: null, errors: { 'GET /api/me/privacy': ['unavailable'] } }));
    renderSignedIn();
    const section = await openYourData();
    const alert = await within(section).findByRole('alert');
    assert.match(alert.textContent ?? '', /Your data could not be loaded\./);
    assert.match(alert.textContent ?? '', /The Sealpost service could not be reached/);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    // The panel is read afresh: a new section.
    assert.ok(await screen.findByRole('listitem', { name: 'Your account at Gemeente Voorbeeld' }));
    assert.equal(screen.queryByRole('alert'), null);
    assert.equal(service.sent('GET', '/api/me/privacy').length, 2);
  });

  it('returns to "Sign in" when the service no longer accepts the sign-in', async () => {
    installFetch(fakePrivacyService({ queue: null, errors: { 'GET /api/me/privacy': ['unauthenticated'] } }));
    renderSignedIn();
    await openYourData();
    assert.ok(await screen.findByRole('button', { name: 'Sign in' }));
  });

  it('speaks Dutch in a Dutch Outlook', async () => {
    installFetch(fakePrivacyService({ queue: null }));
    renderSignedIn({ office: fakeOffice({ host: { displayLanguage: 'nl-NL' } }) });
    fireEvent.click(await screen.findByRole('tab', { name: 'Privacy' }));
    const section = await screen.findByRole('region', { name: 'Uw gegevens' });
    assert.ok(await within(section).findByRole('switch', { name: 'Meldingen per e-mail' }));
    assert.ok(within(section).getByRole('button', { name: 'Downloaden als JSON' }));
    assert.ok(within(section).getByRole('button', { name: 'Mijn accountgegevens wissen' }));
  });
});
