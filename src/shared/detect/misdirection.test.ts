import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRecipients } from './misdirection';
import { defaultPolicy, resolvePolicy } from './policy';

const policy = resolvePolicy({ ownDomains: ['zorg.nl'] });
const checks = (input: Parameters<typeof checkRecipients>[0], history?: Parameters<typeof checkRecipients>[2]) =>
  Object.fromEntries(checkRecipients(input, policy, history).map((f) => [f.check, f]));

test('counts the sender\u2019s domain, the policy\u2019s domains and their subdomains as internal', () => {
  const c = checks({ from: 'a@kliniek.nl', to: ['b@kliniek.nl', 'c@zorg.nl', 'd@mail.zorg.nl', 'e@partner.nl'] });
  assert.deepEqual(c.external?.recipients, [3]);
  assert.equal(c.external?.preview, 'partner.nl');
});

test('reads addresses written with a display name', () => {
  const c = checks({ from: 'Arts <a@zorg.nl>', to: ['"Jansen, P." <p@partner.nl>'] });
  assert.deepEqual(c.external?.recipients, [0]);
});

test('flags external recipients missing from the caller\u2019s history, only when a history is given', () => {
  assert.equal(checks({ to: ['x@partner.nl'] })['first-time'], undefined);
  const c = checks({ to: ['X@Partner.nl', 'y@partner.nl', 'z@zorg.nl'] }, { knownAddresses: ['x@partner.nl'] });
  assert.deepEqual(c['first-time']?.recipients, [1]);
});

test('flags lookalikes of own, frequent and big webmail domains, naming what they imitate', () => {
  const all = checkRecipients({ to: ['a@zorq.nl', 'b@partnerr.nl', 'c@gmial.com', 'd@partner.nl'] }, policy, { frequentDomains: ['partner.nl'] })
    .filter((f) => f.check === 'lookalike').map((f) => f.preview);
  assert.deepEqual(all, ['zorq.nl looks like zorg.nl', 'partnerr.nl looks like partner.nl', 'gmial.com looks like gmail.com']);
});

test('flags punycode domains that spell a known name in other scripts', () => {
  const all = checkRecipients({ to: ['a@xn--80ak6aa92e.com'] }, resolvePolicy({ ownDomains: ['apple.com'] }));
  assert.deepEqual(all.filter((f) => f.check === 'lookalike').map((f) => f.preview), ['аррӏе.com looks like apple.com']);
});

test('flags many external domains, long visible lists and large replies to all', () => {
  const to = Array.from({ length: 8 }, (_, i) => `p${i}@org${i}.nl`);
  const c = checks({ to, cc: ['q@zorg.nl', 'r@zorg.nl'], replyAll: true });
  assert.equal(c['many-domains']?.preview, '8 external domains');
  assert.deepEqual(c['long-list']?.recipients, [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(c['reply-all']?.recipients.length, 10);
  const bcc = checks({ to: ['a@zorg.nl'], bcc: to });
  assert.equal(bcc['long-list'], undefined);
  assert.equal(bcc['reply-all'], undefined);
});

test('flags personal webmail recipients, including the organisation\u2019s extra domains', () => {
  const c = checkRecipients({ to: ['a@gmail.com', 'b@ziggo.nl', 'c@eigen.nl'] }, resolvePolicy({ webmailDomains: ['eigen.nl'] }));
  assert.deepEqual(c.find((f) => f.check === 'webmail')?.recipients, [0, 1, 2]);
});

test('never puts the local part of an address into a finding', () => {
  const text = JSON.stringify(checkRecipients({ to: ['geheim.persoon@gmial.com', 'jan.jansen@partner.nl'], replyAll: true }, defaultPolicy(), { knownAddresses: [] }));
  assert.equal(text.includes('geheim'), false);
  assert.equal(text.includes('jansen'), false);
});

test('skips entries without a domain instead of failing', () => {
  assert.deepEqual(checkRecipients({ to: ['', 'no-at-sign', '@'] }, policy), []);
});
