import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { LINK, SESSION, bytesOf, content, fail, fakeApi, fakeServices, renderWithServices, servingContent, streamOf } from '../../test-support';
import type { RecipientApi } from '../../api/recipient-api';
import { ReadView } from './ReadView';

afterEach(cleanup);

function read(fetchPart: RecipientApi['fetchPart'], events: string[] = []) {
  const api = fakeApi({ fetchPart });
  renderWithServices(
    <ReadView
      link={LINK}
      session={SESSION}
      onSessionEnded={() => events.push('session-ended')}
      onUnavailable={() => events.push('unavailable')}
    />,
    fakeServices({ api }),
  );
  return { api, events };
}

const frame = () => screen.getByTitle('Message text') as HTMLIFrameElement;

describe('reading a message', () => {
  it('shows the subject as the page heading, the sender, the date and the body', async () => {
    read(servingContent(content()));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Quarterly figures' });
    assert.ok(document.activeElement === heading, 'focus moves to the subject: ' + document.activeElement?.outerHTML.slice(0, 200));
    assert.ok(screen.getByText('From: Anna Jansen <anna@example.nl>'));
    assert.ok(screen.getByText(/^Sent: 1 April 2030/));
    assert.match(frame().getAttribute('srcdoc') ?? '', /<p>Hello <b>there<\/b><\/p>/);
  });

  it('renders the body in a frame that runs no script and has an opaque origin', async () => {
    read(servingContent(content({ html: '<p onclick="x()">hi</p><script>alert(1)</script>' })));
    await screen.findByRole('heading', { name: 'Quarterly figures' });
    const sandbox = frame().getAttribute('sandbox') ?? '';
    assert.doesNotMatch(sandbox, /allow-scripts|allow-same-origin|allow-forms|allow-top-navigation/);
    assert.match(sandbox, /allow-popups-to-escape-sandbox/);
    assert.equal(frame().getAttribute('referrerpolicy'), 'no-referrer');
    const srcdoc = frame().getAttribute('srcdoc') ?? '';
    assert.doesNotMatch(srcdoc, /<script|onclick/);
    assert.match(srcdoc, /<style nonce="test-nonce">/);
  });

  it('blocks remote images until the recipient asks for them', async () => {
    read(servingContent(content({ html: '<img src="https://cdn.test/logo.png" alt="Logo">' })));
    await screen.findByRole('heading', { name: 'Quarterly figures' });
    assert.match(screen.getByRole('status').textContent ?? '', /Remote images are blocked to protect your privacy/);
    assert.doesNotMatch(frame().getAttribute('srcdoc') ?? '', /cdn\.test/);

    fireEvent.click(screen.getByRole('button', { name: 'Show images' }));
    assert.match(frame().getAttribute('srcdoc') ?? '', /<img src="https:\/\/cdn\.test\/logo\.png"/);
    assert.match(frame().getAttribute('srcdoc') ?? '', /img-src data: https:/);
    assert.equal(screen.queryByRole('button', { name: 'Show images' }), null);
  });

  it('shows no image bar when there is nothing to block', async () => {
    read(servingContent(content()));
    await screen.findByRole('heading', { name: 'Quarterly figures' });
    assert.equal(screen.queryByRole('button', { name: 'Show images' }), null);
  });

  it('shows a plain-text body as text', async () => {
    read(servingContent(content({ html: '', text: 'Line one\n<b>not bold</b>' })));
    await screen.findByRole('heading', { name: 'Quarterly figures' });
    assert.equal(screen.queryByTitle('Message text'), null);
    assert.ok(screen.getByText(/Line one\s+<b>not bold<\/b>/));
  });

  it('embeds an inline image from its attachment and drops one without', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const body = content({
      html: '<img src="cid:image001.png@01DA.1" alt="a"><img src="cid:gone.png@x" alt="b">',
      attachments: [{ part: 1, name: 'image001.png', type: 'image/png', size: 4 }],
    });
    read(servingContent(body, { 1: () => streamOf([png]) }));
    await screen.findByRole('heading', { name: 'Quarterly figures' });
    const srcdoc = frame().getAttribute('srcdoc') ?? '';
    assert.match(srcdoc, /<img src="data:image\/png;base64,iVBORw==" alt="a">/);
    assert.doesNotMatch(srcdoc, /alt="b"/);
  });

  it('lists attachments with type and a humanised size, each with its own download button', async () => {
    read(
      servingContent(
        content({
          attachments: [
            { part: 1, name: 'report.pdf', type: 'application/pdf', size: 1_234_567 },
            { part: 2, name: 'notes.txt', type: 'text/plain', size: 512 },
          ],
        }),
      ),
    );
    const list = await screen.findByRole('list');
    assert.ok(screen.getByRole('heading', { level: 2, name: 'Attachments (2)' }));
    const items = within(list).getAllByRole('listitem');
    assert.match(items[0]?.textContent ?? '', /report\.pdf.*application\/pdf · 1\.2 MB/);
    assert.match(items[1]?.textContent ?? '', /notes\.txt.*text\/plain · 512 bytes/);
    assert.ok(screen.getByRole('button', { name: 'Download report.pdf' }));
    assert.ok(screen.getByRole('button', { name: 'Download notes.txt' }));
  });

  it('says the message could not be decrypted, not that it is unavailable, when the key does not fit', async () => {
    read(servingContent('TAMPERED'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'This message could not be decrypted' });
    assert.ok(heading);
    assert.match(screen.getByRole('alert').textContent ?? '', /The link may be incomplete/);
  });

  it('hands an ended session back to verification and a vanished message to the vague page', async () => {
    const ended = read(async () => fail('session_expired'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(ended.events, ['session-ended']);
    cleanup();
    const gone = read(async () => fail('message_unavailable'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(gone.events, ['unavailable']);
  });

  it('offers a retry when part 0 cannot be fetched', async () => {
    let calls = 0;
    read(async (...args) => (++calls === 1 ? fail('unavailable') : servingContent(content())(args[0], args[1])));
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    assert.ok(await screen.findByRole('heading', { name: 'Quarterly figures' }));
  });

  it('treats a body that breaks off as a network failure, not as a bad key', async () => {
    read(async () => ({ ok: true, data: { body: streamOf([bytesOf('{"v":1')], new TypeError('network')) } }));
    assert.ok(await screen.findByRole('heading', { name: 'The service could not be reached' }));
  });
});
