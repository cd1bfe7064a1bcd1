import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import {
  LINK,
  SESSION,
  bytesOf,
  content,
  fail,
  fakeApi,
  fakeSaver,
  fakeServices,
  ok,
  renderWithServices,
  servingContent,
  streamOf,
} from '../../test-support';
import type { RecipientApi } from '../../api/recipient-api';
import type { FileSaver } from './save-file';
import { ReadView } from './ReadView';

afterEach(cleanup);

const REPORT = { part: 1, name: 'report.pdf', type: 'application/pdf', size: 8 };

/** Opens a message with one 8-byte attachment whose part the test serves. */
async function openWithAttachment(part: RecipientApi['fetchPart'], saver: FileSaver = fakeSaver()) {
  const events: string[] = [];
  const serveContent = servingContent(content({ attachments: [REPORT] }));
  const api = fakeApi({ fetchPart: (id, index, ...rest) => (index === 0 ? serveContent(id, index) : part(id, index, ...rest)) });
  renderWithServices(
    <ReadView link={LINK} session={SESSION} onSessionEnded={() => events.push('session-ended')} onUnavailable={() => undefined} />,
    fakeServices({ api, saveFile: saver }),
  );
  const button = await screen.findByRole('button', { name: 'Download report.pdf' });
  return { api, button, events };
}

describe('attachment download', () => {
  it('shows progress from the bytes received and saves the file under its own name', async () => {
    let source!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void (source = controller) });
    const saver = fakeSaver();
    const { button } = await openWithAttachment(async () => ok({ body }), saver);

    fireEvent.click(button);
    await act(async () => source.enqueue(bytesOf('abcd')));
    const progress = await screen.findByRole('progressbar', { name: 'Downloading report.pdf' });
    await waitFor(() => assert.equal(progress.getAttribute('aria-valuenow'), '0.5'));
    assert.equal(saver.saved.length, 0, 'nothing is saved before the last record is in');

    await act(async () => {
      source.enqueue(bytesOf('efgh'));
      source.close();
    });
    await screen.findByText(/Downloaded/);
    assert.equal(screen.queryByRole('progressbar'), null);
    assert.deepEqual(saver.saved.map((f) => [f.name, new TextDecoder().decode(f.bytes)]), [['report.pdf', 'abcdefgh']]);
  });

  it('saves nothing when a record fails to authenticate halfway', async () => {
    const saver = fakeSaver();
    const { button } = await openWithAttachment(async () => ok({ body: streamOf([bytesOf('good'), bytesOf('TAMPERED')]) }), saver);
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    assert.match(alert.textContent ?? '', /report\.pdf could not be downloaded securely\. Nothing was saved\./);
    assert.deepEqual(saver.saved, []);
    assert.deepEqual(saver.aborted, ['report.pdf']);
  });

  it('saves nothing when the connection breaks off', async () => {
    const saver = fakeSaver();
    const { button } = await openWithAttachment(async () => ok({ body: streamOf([bytesOf('half')], new TypeError('reset')) }), saver);
    fireEvent.click(button);
    await screen.findByRole('alert');
    assert.deepEqual(saver.saved, []);
    assert.deepEqual(saver.aborted, ['report.pdf']);
  });

  it('saves nothing when the service refuses the part, and a retry can succeed', async () => {
    const saver = fakeSaver();
    let calls = 0;
    const { button } = await openWithAttachment(
      async () => (++calls === 1 ? fail('unavailable') : ok({ body: streamOf([bytesOf('12345678')]) })),
      saver,
    );
    fireEvent.click(button);
    await screen.findByRole('alert');
    assert.equal(saver.saved.length, 0);
    fireEvent.click(screen.getByRole('button', { name: 'Download report.pdf' }));
    await screen.findByText(/Downloaded/);
    assert.equal(saver.saved.length, 1);
  });

  it('asks for the part with the session token, once, however often the button is pressed', async () => {
    let source!: ReadableStreamDefaultController<Uint8Array>;
    const { api, button } = await openWithAttachment(async () =>
      ok({ body: new ReadableStream<Uint8Array>({ start: (controller) => void (source = controller) }) }),
    );
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByRole('progressbar');
    const fetches = api.calls.filter((c) => c.method === 'fetchPart' && c.args[1] === 1);
    assert.equal(fetches.length, 1);
    assert.deepEqual(fetches[0]?.args.slice(0, 3), [LINK.messageId, 1, SESSION.sessionToken]);
    await act(async () => source.close());
  });

  it('does nothing when the recipient cancels the save dialog', async () => {
    const { api, button } = await openWithAttachment(async () => ok({ body: streamOf([]) }), { open: async () => null });
    fireEvent.click(button);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(api.calls.filter((c) => c.method === 'fetchPart' && c.args[1] === 1).length, 0);
    assert.equal(screen.queryByRole('progressbar'), null);
  });

  it('sends the recipient back to verification when the session has ended', async () => {
    const { button, events } = await openWithAttachment(async () => fail('session_expired'));
    fireEvent.click(button);
    await waitFor(() => assert.deepEqual(events, ['session-ended']));
  });
});
