import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderSignedIn } from '../../test-support';
import { fakePrivacyService, installFetch, queueEntry, restoreGlobals, watchDownloads, type FakeServiceOptions } from './privacy-test-support';

afterEach(() => {
  cleanup();
  restoreGlobals();
});

const QUEUE_URL = '/api/admin/privacy-requests?status=open';
const LATE = queueEntry({ id: 'L'.repeat(22), dueAt: '2030-04-01T08:00:00.000Z', createdAt: '2030-03-30T08:00:00.000Z', overdue: true, email: 'late@example.com' });
const SOON = queueEntry({ id: 'S'.repeat(22), type: 'rectify', dueAt: '2030-04-03T08:00:00.000Z', email: 'soon@example.com', requestedChange: { name: 'Carol Smit' } });

async function openPrivacyTab() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Privacy' }));
  // "Your data" first: by then the queue has had the same time to answer.
  await within(await screen.findByRole('region', { name: 'Your data' })).findByRole('switch', { name: 'Product e-mails' });
}

async function openQueue() {
  await openPrivacyTab();
  return screen.findByRole('region', { name: 'Privacy requests' });
}

/** An administrator with an empty queue, at the form that runs a request for a person. */
async function openRunForm(options: FakeServiceOptions = {}) {
  const service = installFetch(fakePrivacyService({ queue: [], ...options }));
  renderSignedIn();
  const section = await openQueue();
  return { service, form: within(section).getByRole('form', { name: 'Run a request for a person' }) };
}

describe('privacy requests (administrators)', () => {
  it('is not shown to a sender who is not an administrator, and asks only once', async () => {
    const service = installFetch(fakePrivacyService({ queue: null }));
    renderSignedIn();
    await openPrivacyTab();
    await waitFor(() => assert.equal(service.sent('GET', QUEUE_URL).length, 1));
    assert.equal(screen.queryByRole('region', { name: 'Privacy requests' }), null);
    assert.equal(screen.queryByRole('alert'), null, 'a 403 is no error for the sender');
    assert.equal(screen.queryByRole('heading', { name: 'Privacy requests' }), null);
    assert.equal(service.sent('GET', QUEUE_URL)[0]?.auth, 'Bearer fake-token');
  });

  it('lists the open requests by deadline, with the 48-hour deadline, the overdue badge and the change asked for', async () => {
    installFetch(fakePrivacyService({ queue: [SOON, LATE] }));
    renderSignedIn();
    const section = await openQueue();
    const items = await within(section).findAllByRole('listitem', { name: 'Correction · Recipient' });
    assert.equal(items.length, 2);
    const [first, second] = items as [HTMLElement, HTMLElement];
    assert.match(first.textContent ?? '', /late@example\.com/, 'the earliest deadline first');
    assert.ok(within(first).getByText('Overdue'));
    assert.match(first.textContent ?? '', /New mobile number: \+31687654321/);
    assert.match(first.textContent ?? '', /Answer by .*2030/);
    assert.match(first.textContent ?? '', /Confirm it with the person/);
    assert.equal(within(second).queryByText('Overdue'), null);
    assert.match(second.textContent ?? '', /soon@example\.com/);
    assert.match(second.textContent ?? '', /New name: Carol Smit/);
    assert.ok(within(first).getByRole('button', { name: 'Apply' }));
    assert.ok(within(first).getByRole('button', { name: 'Reject' }));
  });

  it('applies a request through complete, then reads the queue again', async () => {
    const service = installFetch(fakePrivacyService({ queue: [SOON, LATE] }));
    renderSignedIn();
    const section = await openQueue();
    const [late] = await within(section).findAllByRole('listitem', { name: 'Correction · Recipient' });
    fireEvent.click(within(late!).getByRole('button', { name: 'Apply' }));
    await waitFor(() => assert.equal(within(section).getAllByRole('listitem', { name: 'Correction · Recipient' }).length, 1));
    assert.deepEqual(
      service.sent('POST', `/api/admin/privacy-requests/${LATE.id}/complete`).map((r) => r.auth),
      ['Bearer fake-token'],
    );
    assert.deepEqual(service.sent('POST', `/api/admin/privacy-requests/${LATE.id}/reject`), []);
    assert.equal(service.sent('GET', QUEUE_URL).length, 2);
    assert.equal(within(section).queryByText('late@example.com'), null);
  });

  it('rejects a request through reject, and shows handled ones on request', async () => {
    const service = installFetch(fakePrivacyService({ queue: [SOON] }));
    renderSignedIn();
    const section = await openQueue();
    fireEvent.click(await within(section).findByRole('button', { name: 'Reject' }));
    assert.ok(await within(section).findByText('No open requests.'));
    assert.equal(service.sent('POST', `/api/admin/privacy-requests/${SOON.id}/reject`).length, 1);

    fireEvent.click(within(section).getByRole('switch', { name: 'Also show handled requests' }));
    const item = await within(section).findByRole('listitem', { name: 'Correction · Recipient' });
    assert.ok(within(item).getByText('Rejected'));
    assert.equal(within(item).queryByRole('button', { name: 'Apply' }), null, 'a handled request cannot be handled again');
    assert.equal(service.sent('GET', '/api/admin/privacy-requests?status=all').length, 1);
  });

  it('shows the service’s error on a request, and reads the queue again when it was already handled', async () => {
    const service = installFetch(fakePrivacyService({ queue: [SOON], errors: { [`POST /api/admin/privacy-requests/${SOON.id}/complete`]: ['conflict'] } }));
    renderSignedIn();
    const section = await openQueue();
    fireEvent.click(await within(section).findByRole('button', { name: 'Apply' }));
    const alert = await within(section).findByRole('alert');
    assert.match(alert.textContent ?? '', /The request could not be updated\./);
    assert.match(alert.textContent ?? '', /This request has already been handled\./);
    await waitFor(() => assert.equal(service.sent('GET', QUEUE_URL).length, 2));
  });

  it('shows a failed queue with the error notice once the sender is known to be an administrator', async () => {
    installFetch(fakePrivacyService({ queue: [SOON], errors: { 'GET /api/admin/privacy-requests': ['unavailable', null, 'unavailable'] } }));
    renderSignedIn();
    await openPrivacyTab();
    assert.equal(screen.queryByRole('region', { name: 'Privacy requests' }), null, 'unknown whether administrator: nothing shown');
    assert.equal(screen.queryByText('The privacy requests could not be loaded.'), null);
    // The panel opened again asks again.
    fireEvent.click(screen.getByRole('tab', { name: 'Sent securely' }));
    const section = await openQueue();
    assert.ok(await within(section).findByRole('listitem', { name: 'Correction · Recipient' }));
    fireEvent.click(within(section).getByRole('switch', { name: 'Also show handled requests' }));
    const alert = await within(section).findByRole('alert');
    assert.match(alert.textContent ?? '', /The privacy requests could not be loaded\./);
    assert.match(alert.textContent ?? '', /The Sealpost service could not be reached/);
  });

  it('runs an access request for a person and offers the data as a JSON download', async () => {
    const { service, form } = await openRunForm();
    const downloads = watchDownloads();
    fireEvent.change(within(form).getByRole('textbox', { name: /E-mail address/ }), { target: { value: ' dave@example.com ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Run request' }));
    const status = await within(form).findByRole('status');
    assert.match(status.textContent ?? '', /Done: Access for dave@example\.com\. Records found: 1 as a recipient, 0 as a sender\./);
    assert.deepEqual(
      service.sent('POST', '/api/admin/privacy-requests').map((r) => [r.auth, r.body]),
      [['Bearer fake-token', { subjectKind: 'recipient', email: 'dave@example.com', type: 'access' }]],
    );

    fireEvent.click(within(form).getByRole('button', { name: 'Download as JSON' }));
    await waitFor(() => assert.equal(downloads.clicked.length, 1));
    assert.equal(downloads.clicked[0]?.download, 'sealpost-personal-data-2030-04-02.json');
    const saved = JSON.parse(await downloads.created[0]!.text()) as { email: string; format: string };
    assert.deepEqual([saved.format, saved.email], ['sealpost-personal-data/1', 'dave@example.com']);
  });

  it('sends a correction with the name and number, and a sender’s correction is not offered', async () => {
    const { service, form } = await openRunForm();
    fireEvent.change(within(form).getByRole('combobox', { name: 'Request' }), { target: { value: 'rectify' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /E-mail address/ }), { target: { value: 'erin@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Run request' }));
    assert.ok(await within(form).findByText('Enter the correct name or mobile number.'));
    assert.deepEqual(service.sent('POST', '/api/admin/privacy-requests'), [], 'nothing to correct: nothing sent');

    fireEvent.change(within(form).getByRole('textbox', { name: 'Correct name' }), { target: { value: 'Erin de Boer' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Correct mobile number/ }), { target: { value: '06 11122233' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Run request' }));
    await waitFor(() => assert.equal(service.sent('POST', '/api/admin/privacy-requests').length, 1));
    assert.deepEqual(service.sent('POST', '/api/admin/privacy-requests')[0]?.body, {
      subjectKind: 'recipient',
      email: 'erin@example.com',
      type: 'rectify',
      name: 'Erin de Boer',
      phone: '06 11122233',
    });
    assert.ok(await within(form).findByText(/The correction has been applied\./));

    fireEvent.click(within(form).getByRole('radio', { name: 'Sender' }));
    assert.ok(within(form).getByText(/correct them in your organisation’s directory/));
    assert.equal(within(form).queryByRole('textbox', { name: 'Correct name' }), null);
    fireEvent.click(within(form).getByRole('button', { name: 'Run request' }));
    assert.equal(service.sent('POST', '/api/admin/privacy-requests').length, 1);
  });

  it('erases a person’s data only after confirmation', async () => {
    const { service, form } = await openRunForm();
    fireEvent.click(within(form).getByRole('radio', { name: 'Sender' }));
    fireEvent.change(within(form).getByRole('combobox', { name: 'Request' }), { target: { value: 'erase' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /E-mail address/ }), { target: { value: 'frank@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Run request' }));
    const confirm = await within(form).findByRole('alertdialog', { name: 'Erase this person’s data?' });
    assert.match(confirm.textContent ?? '', /What your organisation holds about frank@example\.com is erased\./);
    assert.deepEqual(service.sent('POST', '/api/admin/privacy-requests'), []);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Erase' }));
    assert.match((await within(form).findByRole('status')).textContent ?? '', /Records erased: 2\./);
    assert.deepEqual(service.sent('POST', '/api/admin/privacy-requests')[0]?.body, { subjectKind: 'sender', email: 'frank@example.com', type: 'erase' });
  });

  it('sends an objection with the choice, and shows the service’s error', async () => {
    const { service, form } = await openRunForm({ errors: { 'POST /api/admin/privacy-requests': ['not_found'] } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Request' }), { target: { value: 'object' } });
    assert.equal((within(form).getByRole('switch', { name: 'Switch product e-mails off' }) as HTMLInputElement).checked, true);
    fireEvent.change(within(form).getByRole('textbox', { name: /E-mail address/ }), { target: { value: 'gina@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Run request' }));
    const alert = await within(form).findByRole('alert');
    assert.match(alert.textContent ?? '', /The request could not be run\./);
    assert.match(alert.textContent ?? '', /Not found/);

    fireEvent.click(within(form).getByRole('button', { name: 'Run request' }));
    assert.match((await within(form).findByRole('status')).textContent ?? '', /Product e-mails to this address are off\./);
    assert.deepEqual(
      service.sent('POST', '/api/admin/privacy-requests').map((r) => r.body),
      [
        { subjectKind: 'recipient', email: 'gina@example.com', type: 'object', productEmailsOff: true },
        { subjectKind: 'recipient', email: 'gina@example.com', type: 'object', productEmailsOff: true },
      ],
    );
  });

  it('asks for an e-mail address before running anything', async () => {
    const { service, form } = await openRunForm();
    fireEvent.click(within(form).getByRole('button', { name: 'Run request' }));
    assert.ok(await within(form).findByText('Enter the person’s e-mail address.'));
    assert.deepEqual(service.sent('POST', '/api/admin/privacy-requests'), []);
  });
});
