import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, screen } from '@testing-library/react';
import { newLinkSecret, parseFragment, toBase64Url } from '../shared/crypto';
import { readCspNonce } from './csp-nonce';
import { readLink } from './link';
import { MESSAGE_ID, fail, fakeApi, fakeServices, renderPortal } from './test-support';

afterEach(cleanup);

function visit(path: string) {
  window.history.replaceState(null, '', path);
}

describe('the link fragment', () => {
  it('reads the secret once and removes it from the address bar without a new history entry', () => {
    const secret = newLinkSecret();
    visit(`/m/${MESSAGE_ID}?lang=nl#${toBase64Url(secret)}`);
    const before = window.history.length;
    const link = readLink(window.location, window.history, parseFragment);
    assert.deepEqual(link, { messageId: MESSAGE_ID, linkSecret: secret });
    assert.equal(window.location.hash, '');
    assert.equal(window.location.href, `http://localhost:3000/m/${MESSAGE_ID}?lang=nl`);
    assert.equal(window.history.length, before);
  });

  it('removes a malformed fragment too, and gives no link', () => {
    visit(`/m/${MESSAGE_ID}#not-a-secret`);
    assert.equal(readLink(window.location, window.history, parseFragment), null);
    assert.equal(window.location.hash, '');
  });

  it('gives no link without a fragment or without a message id', () => {
    visit(`/m/${MESSAGE_ID}`);
    assert.equal(readLink(window.location, window.history, parseFragment), null);
    visit(`/m/too-short#${toBase64Url(newLinkSecret())}`);
    assert.equal(readLink(window.location, window.history, parseFragment), null);
  });

  it('accepts a service under a path prefix, as the shared link format does', () => {
    visit(`/secure/m/${MESSAGE_ID}#${toBase64Url(newLinkSecret())}`);
    assert.equal(readLink(window.location, window.history, parseFragment)?.messageId, MESSAGE_ID);
  });

  it('shows the vague page for a bad link without asking the service anything', async () => {
    const api = fakeApi();
    renderPortal(fakeServices({ api }), null);
    assert.ok(await screen.findByRole('heading', { level: 1, name: 'This message is not available' }));
    assert.deepEqual(api.calls, []);
  });

  it('shows the very same page for a message the service does not know', async () => {
    renderPortal(fakeServices({ api: fakeApi({ getAvailability: async () => fail('message_unavailable') }) }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'This message is not available' });
    const unknownPage = heading.closest('section')?.textContent;
    cleanup();
    renderPortal(fakeServices(), null);
    const badLinkPage = (await screen.findByRole('heading', { level: 1 })).closest('section')?.textContent;
    assert.equal(unknownPage, badLinkPage);
  });

  it('offers a retry, not the vague page, when the service cannot be reached', async () => {
    renderPortal(fakeServices({ api: fakeApi({ getAvailability: async () => fail('unavailable') }) }));
    assert.ok(await screen.findByRole('heading', { name: 'The service could not be reached' }));
    assert.ok(screen.getByRole('button', { name: 'Try again' }));
  });
});

describe('the CSP nonce', () => {
  it('is read from its meta element, which is then removed', () => {
    document.head.insertAdjacentHTML('beforeend', '<meta name="csp-nonce" content="rAnd0m+/=">');
    assert.equal(readCspNonce(document), 'rAnd0m+/=');
    assert.equal(document.querySelector('meta[name="csp-nonce"]'), null);
  });

  it('is absent when the server did not replace the placeholder', () => {
    document.head.insertAdjacentHTML('beforeend', '<meta name="csp-nonce" content="__CSP_NONCE__">');
    assert.equal(readCspNonce(document), null);
    assert.equal(readCspNonce(document), null, 'and when there is no meta at all');
  });
});
