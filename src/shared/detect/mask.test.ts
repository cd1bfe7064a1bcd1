import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskBsn, maskCard, maskCustom, maskDate, maskDocument, maskIban, maskMiddle, maskPhone } from './mask';
import { resolvePolicy } from './policy';
import { scanText } from './scan-text';

test('masks every kind of value as documented', () => {
  assert.equal(maskBsn('111222333'), '1112*****');
  assert.equal(maskIban('NL91ABNA0417164300'), 'NL91 **** **** 4300');
  assert.equal(maskCard('4111111111111111'), '4111 **** **** 1111');
  assert.equal(maskPhone('0612345678', false), '06******78');
  assert.equal(maskDocument('SPECI2014'), 'SP******4');
  assert.equal(maskDate(1985), '**-**-1985');
  assert.equal(maskCustom('ab'), '**');
  assert.equal(maskMiddle('abc', 2, 2), '***');
});

test('never puts a whole identifier into a finding or its preview', () => {
  const values = ['111222333', 'NL91ABNA0417164300', '4111111111111111', '0612345678', 'SPECI2014', '14-02-1956', 'PAT-482913'];
  const text = `BSN 111222333, IBAN NL91 ABNA 0417 1643 00, kaart 4111 1111 1111 1111, tel 06-12345678, paspoort SPECI2014, geboortedatum 14-02-1956, PAT-482913`;
  const policy = resolvePolicy({ rules: { phone: { action: 'notify' } }, patterns: [{ name: 'p', regex: 'PAT-\\d+' }] });
  const findings = scanText(text, policy);
  assert.equal(findings.length, 7);
  const serialised = JSON.stringify(findings).replace(/\s/g, '');
  for (const value of values) assert.equal(serialised.includes(value), false, value);
});
