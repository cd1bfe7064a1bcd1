import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MessageSummary } from '../../../../shared/protocol/api';
import { fail, fakeApi, ok, renderSignedIn, summary } from '../../test-support';

afterEach(cleanup);

const recipient = (id: string, name: string, status: MessageSummary['recipients'][number]['status']) => ({
  id: id.repeat(22),
  name,
  email: `${name.toLowerCase()}@example.com`,
  method: 'sms' as const,
  status,
  verifiedAt: null,
  openedAt: null,
  downloadedAt: null,
});

const MESSAGES: MessageSummary[] = [
  summary({ id: 'A'.repeat(22), createdAt: '2030-03-01T10:00:00.000Z', status: 'revoked', recipients: [recipient('a', 'Old', 'code_sent')] }),
  summary({
    id: 'B'.repeat(22),
    createdAt: '2030-04-01T09:30:00.000Z',
    recipients: [recipient('b', 'Bob', 'opened'), recipient('c', 'Carol', 'locked'), recipient('d', 'Dave', 'downloaded'), recipient('e', 'Erin', 'verified')],
  }),
];

async function openSentTab() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Sent securely' }));
  return screen.findByRole('region', { name: 'Sent securely' });
}

describe('sent securely', () => {
  it('lists the messages newest first with each recipient’s progress', async () => {
    renderSignedIn({ api: fakeApi({ listMessages: async () => ok({ messages: MESSAGES }) }) });
    const section = await openSentTab();
    const items = await within(section).findAllByRole('listitem', { name: /^Sent / });
    assert.equal(items.length, 2);
    const newest = items[0]!;
    assert.match(newest.textContent ?? '', /Active/);
    for (const [name, status] of [['Bob', 'Opened'], ['Carol', 'Locked'], ['Dave', 'Downloaded'], ['Erin', 'Verified']]) {
      const row = within(newest).getByText(name!).closest('li')!;
      assert.ok(within(row as HTMLElement).getByText(status!), `${name} is ${status}`);
    }
    assert.match(items[1]!.textContent ?? '', /Revoked/);
    assert.match(items[1]!.textContent ?? '', /Code sent/);
    assert.equal(within(items[1]!).queryByRole('button', { name: 'Revoke' }), null, 'a revoked message cannot be revoked again');
  });

  it('revokes only after confirmation, then reads the list again', async () => {
    let messages = [MESSAGES[1]!];
    const api = fakeApi({
      listMessages: async () => ok({ messages }),
      revoke: async () => ((messages = [{ ...MESSAGES[1]!, status: 'revoked' }]), ok(undefined)),
    });
    renderSignedIn({ api });
    const section = await openSentTab();
    fireEvent.click(await within(section).findByRole('button', { name: 'Revoke' }));
    const confirm = await within(section).findByRole('alertdialog', { name: 'Revoke this message?' });
    assert.match(confirm.textContent ?? '', /Recipients will no longer be able to open it\. This cannot be undone\./);
    assert.equal(document.activeElement, within(confirm).getByRole('button', { name: 'Cancel' }), 'focus starts on the harmless choice');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => assert.equal(screen.queryByRole('alertdialog'), null));
    assert.deepEqual(api.callsOf('revoke'), []);

    fireEvent.click(within(section).getByRole('button', { name: 'Revoke' }));
    fireEvent.click(within(await within(section).findByRole('alertdialog')).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => assert.deepEqual(api.callsOf('revoke'), [['fake-token', 'B'.repeat(22)]]));
    assert.ok(await within(section).findByText('Revoked'));
  });

  it('keeps the confirmation open and says so when revoking fails', async () => {
    renderSignedIn({ api: fakeApi({ listMessages: async () => ok({ messages: [MESSAGES[1]!] }), revoke: async () => fail('unavailable') }) });
    const section = await openSentTab();
    fireEvent.click(await within(section).findByRole('button', { name: 'Revoke' }));
    const confirm = await within(section).findByRole('alertdialog');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    assert.ok(await within(confirm).findByText('The message could not be revoked. Try again.'));
  });

  it('says when there is nothing yet', async () => {
    renderSignedIn();
    const section = await openSentTab();
    assert.ok(await within(section).findByText('You have not sent any secure messages yet.'));
  });
});
