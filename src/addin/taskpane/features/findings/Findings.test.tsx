import 'global-jsdom/register';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { defaultPolicy } from '../../../../shared/detect';
import { docx, xlsx } from '../../../../shared/detect/test-support';
import { fail, fakeApi, fakeOffice, ok, renderSignedIn } from '../../test-support';

afterEach(cleanup);

const findingsSection = async () => screen.findByRole('region', { name: 'Sensitive content' });

describe('findings', () => {
  it('shows a BSN and an IBAN masked, where they are, and what the policy asks', async () => {
    const office = fakeOffice({ item: { bodyHtml: '<p>BSN van de cliënt: 111222333. Rekening NL91 ABNA 0417 1643 00.</p>' } });
    office.attachFile('notes.txt', new TextEncoder().encode('burgerservicenummer 123456782'));
    renderSignedIn({ office });
    const section = await findingsSection();
    const status = await within(section).findByRole('status');
    assert.match(status.textContent ?? '', /Send this message securely: it contains sensitive information\./);
    assert.ok(within(status).getByText('Contains 2 citizen service numbers (BSN).'));
    assert.ok(within(status).getByText('Policy: turn on secure sending'));
    assert.ok(within(status).getByText('Contains a bank account number (IBAN).'));
    assert.ok(within(status).getAllByText('Policy: notify').length >= 1);
    assert.ok(within(status).getByText('1112*****'));
    assert.ok(within(status).getByText('NL91 **** **** 4300'));
    assert.ok(within(status).getByText('In notes.txt'), 'the readable text attachment was scanned');
    assert.ok(!(section.textContent ?? '').includes('111222333'), 'never the value itself');
  });

  it('reads Word and Excel attachments, and names the ones it could not read', async () => {
    const office = fakeOffice({ item: { bodyHtml: '<p>Zie bijlagen.</p>' } });
    office.attachFile('verwijzing.docx', await docx(['Verwijzing', ['BSN: 1112', '22333']]));
    office.attachFile('cliënten.xlsx', await xlsx([['naam', 'iban'], ['Jansen', 'NL91 ABNA 0417 1643 00']]));
    office.attachFile('beveiligd.docx', new TextEncoder().encode('not an archive: a password-protected document'));
    office.attachFile('uitslag.pdf', new TextEncoder().encode('%PDF-1.7'));
    const policy = defaultPolicy();
    policy.rules.unscanned.action = 'notify';
    renderSignedIn({ office, api: fakeApi({ getSettings: async () => ok({ policy, failClosed: false }) }) });
    const status = await within(await findingsSection()).findByRole('status');
    assert.ok(within(status).getByText('1112*****'));
    assert.ok(within(status).getByText('In verwijzing.docx'));
    assert.ok(within(status).getByText('NL91 **** **** 4300'));
    assert.ok(within(status).getByText('In cliënten.xlsx'));
    assert.ok(await within(status).findByText('Not checked: beveiligd.docx (it could not be opened, for example because of a password)'));
    assert.ok(within(status).getByText('Not checked: uitslag.pdf (this kind of file cannot be read here)'));
    assert.ok(!within(status).queryByText(/Not checked: verwijzing\.docx/));
    assert.ok(!within(status).queryByText(/Not checked: cliënten\.xlsx/));
    assert.ok(!(status.textContent ?? '').includes('111222333'), 'never the value itself');
  });

  it('says so when nothing sensitive is found, and checks again on request', async () => {
    const office = fakeOffice();
    renderSignedIn({ office });
    const section = await findingsSection();
    assert.ok(await within(section).findByText('Nothing sensitive found.'));
    office.item.bodyHtml = '<p>Rekening NL91 ABNA 0417 1643 00</p>';
    fireEvent.click(within(section).getByRole('button', { name: 'Check again' }));
    assert.ok(await within(section).findByText('NL91 **** **** 4300'));
  });

  it('applies the organisation’s policy: a required rule says secure sending is required', async () => {
    const policy = defaultPolicy();
    policy.rules.iban.action = 'require';
    const office = fakeOffice({ item: { subject: 'NL91 ABNA 0417 1643 00' } });
    renderSignedIn({ office, api: fakeApi({ getSettings: async () => ok({ policy, failClosed: false }) }) });
    const section = await findingsSection();
    assert.ok(await within(section).findByText('Your organisation requires this message to be sent securely.'));
    assert.ok(within(section).getByText('In the subject'));
  });

  it('falls back to the standard policy, and says so, when the policy cannot be loaded', async () => {
    renderSignedIn({ office: fakeOffice({ item: { bodyHtml: 'BSN 111222333' } }), api: fakeApi({ getSettings: async () => fail('unavailable') }) });
    const section = await findingsSection();
    assert.ok(await within(section).findByText(/policy could not be loaded; the standard policy is used/));
    assert.ok(await within(section).findByText('1112*****'));
  });
});
