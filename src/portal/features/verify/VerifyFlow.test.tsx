import 'global-jsdom/register';
import { afterEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import {
  MESSAGE_ID,
  SESSION,
  SMS_VERIFICATION,
  content,
  fail,
  fakeApi,
  fakeServices,
  ok,
  renderPortal,
  servingContent,
} from '../../test-support';
import type { RecipientApi } from '../../api/recipient-api';

afterEach(() => {
  cleanup();
  mock.timers.reset();
});

function start(overrides: Partial<RecipientApi> = {}) {
  const api = fakeApi(overrides);
  renderPortal(fakeServices({ api }));
  return api;
}

async function enterEmail(address = 'bob@example.com') {
  fireEvent.change(await screen.findByRole('textbox', { name: 'E-mail address' }), { target: { value: address } });
  fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

async function enterCode(code = '123456') {
  fireEvent.change(await screen.findByRole('textbox', { name: 'Code' }), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
}

describe('verification', () => {
  it('asks for the e-mail address, with the privacy note and a link to the statement', async () => {
    const api = start();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Confirm your e-mail address' });
    assert.ok(document.activeElement === heading, 'focus moves to the step heading');
    assert.ok(screen.getByText(/we keep your name, your e-mail address, your mobile number/));
    const privacy = screen.getByRole('link', { name: 'Privacy statement' });
    assert.equal(privacy.getAttribute('href'), '/privacy');
    assert.equal(privacy.getAttribute('target'), '_blank', 'opening it must not unload the key held in memory');
    assert.deepEqual(api.calls.map((c) => c.method), ['getAvailability']);
  });

  it('sends the address with the language, then says where the SMS code went', async () => {
    const api = start();
    await enterEmail(' bob@example.com ');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Enter your code' });
    assert.ok(document.activeElement === heading, 'focus moves to the step heading');
    assert.deepEqual(api.calls[1], { method: 'startVerification', args: [MESSAGE_ID, 'bob@example.com', 'en'] });
    assert.ok(screen.getByText('We sent a code by text message to the number ending in 123.'));
    const code = screen.getByRole('textbox', { name: 'Code' });
    assert.equal(code.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(code.getAttribute('inputmode'), 'numeric');
  });

  it('names the masked address for e-mail codes and asks for the sender\u2019s code for access codes', async () => {
    start({ startVerification: async () => ok({ ...SMS_VERIFICATION, method: 'email', destinationHint: 'b***@example.com' }) });
    await enterEmail();
    assert.ok(await screen.findByText('We sent a code to b***@example.com.'));
    cleanup();

    start({ startVerification: async () => ok({ ...SMS_VERIFICATION, method: 'access_code', destinationHint: null }) });
    await enterEmail();
    assert.ok(await screen.findByText('Enter the access code that the sender gave you.'));
    assert.equal(screen.queryByRole('button', { name: /Send a new code/ }), null, 'access codes cannot be re-sent');
  });

  it('catches an obviously wrong address without asking the service', async () => {
    const api = start();
    await enterEmail('not-an-address');
    const alert = await screen.findByRole('alert');
    assert.match(alert.textContent ?? '', /Enter a valid e-mail address/);
    assert.deepEqual(api.calls.map((c) => c.method), ['getAvailability']);
  });

  it('keeps only digits of a pasted code and sends it', async () => {
    const api = start();
    await enterEmail();
    fireEvent.change(await screen.findByRole('textbox', { name: 'Code' }), { target: { value: '123 456' } });
    assert.equal((screen.getByRole('textbox', { name: 'Code' }) as HTMLInputElement).value, '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByText(/Decrypting|not available|could not/);
    assert.deepEqual(api.calls[2], { method: 'verify', args: [MESSAGE_ID, SMS_VERIFICATION.verificationId, '123456'] });
  });

  const codeErrors: Array<[string, () => ReturnType<RecipientApi['verify']>, RegExp]> = [
    ['a wrong code with tries left', async () => fail('invalid_code', { triesLeft: 3 }), /not correct\. You have 3 more tries\./],
    ['a wrong code with one try left', async () => fail('invalid_code', { triesLeft: 1 }), /You have 1 more try\./],
    ['a wrong code with no tries left', async () => fail('invalid_code', { triesLeft: 0 }), /can no longer be used\. Ask for a new code/],
    ['a wrong code without details', async () => fail('invalid_code'), /^That code is not correct\.$/],
    ['an expired code', async () => fail('code_expired'), /This code has expired\. Ask for a new code\./],
    ['too many requests', async () => fail('rate_limited'), /Too many attempts\. Wait a moment/],
    ['a network failure', async () => fail('unavailable'), /could not be reached/],
    ['a code the service calls malformed', async () => fail('bad_request'), /The code has 6 digits/],
  ];
  for (const [what, verify, expected] of codeErrors) {
    it(`announces ${what} as an alert and stays on the code step`, async () => {
      start({ verify });
      await enterEmail();
      await enterCode();
      const alert = await screen.findByRole('alert');
      assert.match(alert.textContent ?? '', expected);
      assert.ok(screen.getByRole('heading', { name: 'Enter your code' }));
      assert.equal((screen.getByRole('textbox', { name: 'Code' }) as HTMLInputElement).value, '', 'the wrong code is cleared');
    });
  }

  it('says plainly that access is locked until the sender re-issues', async () => {
    start({ verify: async () => fail('recipient_locked') });
    await enterEmail();
    await enterCode();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Access is locked' });
    assert.ok(document.activeElement === heading, 'focus moves to the step heading');
    assert.match(screen.getByRole('alert').textContent ?? '', /stays locked until the sender sends it to you again/);
    assert.equal(screen.queryByRole('textbox'), null, 'nothing left to try');
  });

  it('shows the vague page when the message disappears during verification', async () => {
    start({ startVerification: async () => fail('message_unavailable') });
    await enterEmail();
    assert.ok(await screen.findByRole('heading', { name: 'This message is not available' }));
  });

  it('refuses a short code locally', async () => {
    const api = start();
    await enterEmail();
    await enterCode('123');
    assert.match((await screen.findByRole('alert')).textContent ?? '', /6 digits/);
    assert.equal(api.calls.filter((c) => c.method === 'verify').length, 0);
  });

  it('lets a new code be sent only after the cool-down, and says it was sent', async () => {
    mock.timers.enable({ apis: ['setInterval', 'Date'] });
    const api = start();
    await enterEmail();
    const resend = await screen.findByRole('button', { name: 'Send a new code (30 s)' });
    assert.equal(resend.getAttribute('aria-disabled'), 'true');
    fireEvent.click(resend);
    assert.equal(api.calls.filter((c) => c.method === 'resend').length, 0);

    act(() => mock.timers.tick(30_000));
    fireEvent.click(screen.getByRole('button', { name: 'Send a new code' }));
    const status = await screen.findByRole('status');
    assert.match(status.textContent ?? '', /We sent you a new code/);
    const call = api.calls.at(-1)!;
    assert.equal(call.method, 'resend');
    assert.deepEqual(call.args.slice(0, 2), [MESSAGE_ID, SMS_VERIFICATION.verificationId]);
    assert.ok(screen.getByRole('button', { name: 'Send a new code (30 s)' }), 'the cool-down starts again');
  });

  it('goes back to the address step on request', async () => {
    start();
    await enterEmail();
    fireEvent.click(await screen.findByRole('button', { name: 'Use a different e-mail address' }));
    assert.ok(await screen.findByRole('heading', { name: 'Confirm your e-mail address' }));
  });

  it('opens the message after a correct code, with the session token for part 0', async () => {
    const api = start({ fetchPart: servingContent(content()) });
    await enterEmail();
    await enterCode();
    assert.ok(await screen.findByRole('heading', { level: 1, name: 'Quarterly figures' }));
    const fetches = api.calls.filter((c) => c.method === 'fetchPart');
    assert.deepEqual(fetches[0]?.args.slice(0, 3), [MESSAGE_ID, 0, SESSION.sessionToken]);
  });

  it('returns to verification when the reading session has ended', async () => {
    start({ fetchPart: async () => fail('session_expired') });
    await enterEmail();
    await enterCode();
    const heading = await screen.findByRole('heading', { name: 'Confirm your e-mail address' });
    assert.ok(heading);
    assert.match(screen.getByRole('status').textContent ?? '', /Your session has ended/);
    assert.equal(screen.queryByText(/available until/), null);
  });

  it('shows where the message stands before asking anything', async () => {
    start();
    const intro = await screen.findByText(/The message is available until/);
    assert.ok(within(intro).getByText(/2030/));
  });
});
