import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ACKNOWLEDGED, fakeApi, fakeOffice, renderSignedIn } from '../../test-support';
import { PHONES_KEY } from './phone-memory';

afterEach(cleanup);

const phoneField = (name: string) => screen.findByRole('textbox', { name: `Mobile number for ${name}` });

async function typePhone(name: string, value: string) {
  const field = await phoneField(name);
  fireEvent.change(field, { target: { value } });
  fireEvent.blur(field);
  return field;
}

describe('recipients', () => {
  it('lists To, Cc and Bcc once per address and follows changes in Outlook', async () => {
    const office = fakeOffice({
      item: {
        recipients: {
          to: [{ email: 'bob@example.com', name: 'Bob Jansen' }],
          cc: [{ email: 'carol@example.org', name: 'Carol' }, { email: 'BOB@example.com', name: 'Bob again' }],
          bcc: [{ email: 'dave@example.net', name: '' }],
        },
      },
    });
    renderSignedIn({ office });
    assert.ok(await screen.findByRole('combobox', { name: 'Verification for Bob Jansen' }));
    assert.ok(screen.getByRole('combobox', { name: 'Verification for Carol' }));
    assert.ok(screen.getByRole('combobox', { name: 'Verification for dave@example.net' }), 'the address stands in for a missing name');
    assert.equal(screen.getAllByRole('combobox').length, 3);

    act(() => office.setRecipients('to', [{ email: 'erin@example.com', name: 'Erin' }]));
    assert.ok(await screen.findByRole('combobox', { name: 'Verification for Erin' }));
    assert.equal(screen.queryByRole('combobox', { name: 'Verification for Bob Jansen' }), null);
  });

  it('defaults to SMS, with the privacy notice beside the number', async () => {
    renderSignedIn();
    const method = (await screen.findByRole('combobox', { name: 'Verification for Bob Jansen' })) as HTMLSelectElement;
    assert.equal(method.value, 'sms');
    assert.ok(await phoneField('Bob Jansen'));
    const notice = screen.getByText(/keeps this number with the message only to text the code to Bob Jansen, and deletes it when the message expires/);
    assert.equal(notice.querySelector('a')?.getAttribute('href'), 'https://sealpost.example/privacy');
  });

  it('explains what is wrong with a number and shows the normalised form of a good one', async () => {
    renderSignedIn();
    await typePhone('Bob Jansen', '06 1234');
    assert.ok(await screen.findByText('This number is too short for a mobile number.'));
    await typePhone('Bob Jansen', '020 123 4567');
    assert.ok(await screen.findByText('This is not a mobile number. A text message only reaches a mobile phone.'));
    await typePhone('Bob Jansen', '+999 612345678');
    assert.ok(await screen.findByText(/Unknown country code/));
    await typePhone('Bob Jansen', '06-12 34 56 78');
    assert.ok(await screen.findByText('The code goes to +31612345678.'));
  });

  it('hides the number for other methods and calls the e-mail code the weaker option', async () => {
    renderSignedIn();
    const method = await screen.findByRole('combobox', { name: 'Verification for Bob Jansen' });
    assert.ok(screen.getByRole('option', { name: 'Code by e-mail (weaker option)' }));
    fireEvent.change(method, { target: { value: 'email' } });
    await waitFor(() => assert.equal(screen.queryByRole('textbox', { name: 'Mobile number for Bob Jansen' }), null));
    assert.ok(screen.getByText(/Weaker: the code goes to the same mailbox as the link/));
    fireEvent.change(method, { target: { value: 'access_code' } });
    assert.ok(await screen.findByText(/Tell it to the recipient by phone, never by e-mail/));
  });

  it('fills in the number remembered in the mailbox for that address', async () => {
    const office = fakeOffice({ roaming: { ...ACKNOWLEDGED, [PHONES_KEY]: { 'bob@example.com': ['+31612345678', Date.now() - 1000] } } });
    renderSignedIn({ office });
    assert.equal(((await phoneField('Bob Jansen')) as HTMLInputElement).value, '+31612345678');
  });

  it('remembers a number once it was used for a secure message, and sends it only with that message', async () => {
    const office = fakeOffice();
    const api = fakeApi();
    renderSignedIn({ office, api });
    await typePhone('Bob Jansen', '06 12345678');
    assert.equal(office.getRoaming(PHONES_KEY), undefined, 'not while typing');
    fireEvent.click(screen.getByRole('button', { name: 'Send securely' }));
    await screen.findByText('Ready to send');
    assert.deepEqual(office.getRoaming<Record<string, [string, number]>>(PHONES_KEY)?.['bob@example.com']?.[0], '+31612345678');
    const everythingSent = JSON.stringify(api.calls.filter((c) => c.method !== 'send'));
    assert.ok(!everythingSent.includes('+316'), 'no other call carries the number');
  });
});
