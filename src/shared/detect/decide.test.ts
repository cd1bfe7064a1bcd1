import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide } from './decide';
import { defaultPolicy, resolvePolicy } from './policy';
import type { Finding, RecipientFinding } from './types';

const finding = (detector: Finding['detector'], confidence: Finding['confidence'] = 'high', preview = 'x'): Finding =>
  ({ detector, start: 0, end: 1, preview, confidence, part: 'body' });
const recipients = (check: RecipientFinding['check'], ...indexes: number[]): RecipientFinding =>
  ({ check, recipients: indexes, preview: 'x' });

test('allows a message with nothing to report', () => {
  assert.deepEqual(decide({ findings: [] }), { action: 'allow', reasons: [], sensitive: false });
});

test('takes the strongest action among the reasons and lists the strongest first', () => {
  const d = decide({ findings: [finding('health'), finding('bsn'), finding('iban')] });
  assert.equal(d.action, 'secure');
  assert.deepEqual(d.reasons.map((r) => [r.rule, r.action]), [['bsn', 'secure'], ['iban', 'notify'], ['health', 'notify']]);
});

test('ignores findings below the rule\u2019s confidence and rules that are off', () => {
  assert.equal(decide({ findings: [finding('bsn', 'low')] }).action, 'allow');
  assert.equal(decide({ findings: [finding('phone')] }).action, 'allow');
  const strict = resolvePolicy({ rules: { bsn: { action: 'require', minConfidence: 'low' } } });
  assert.equal(decide({ findings: [finding('bsn', 'low')] }, strict).action, 'require');
});

test('counts distinct terms for word lists and occurrences for identifiers against minCount', () => {
  const policy = resolvePolicy({ rules: { health: { minCount: 2 }, bsn: { minCount: 2 } } });
  assert.equal(decide({ findings: [finding('health', 'high', 'diabet…'), finding('health', 'high', 'diabet…')] }, policy).action, 'allow');
  assert.equal(decide({ findings: [finding('health', 'high', 'diabet…'), finding('health', 'high', 'insulin…')] }, policy).action, 'notify');
  assert.equal(decide({ findings: [finding('bsn', 'high', '1112*****'), finding('bsn', 'high', '1112*****')] }, policy).action, 'secure');
});

test('applies first-time and webmail checks only next to sensitive content', () => {
  const checks = [recipients('first-time', 0), recipients('webmail', 1)];
  assert.equal(decide({ findings: [], recipients: checks }).action, 'allow');
  const d = decide({ findings: [finding('health')], recipients: checks });
  assert.deepEqual(d.reasons.map((r) => r.rule).sort(), ['first-time', 'health', 'webmail']);
  assert.equal(d.sensitive, true);
});

test('applies lookalike and reply-all checks on their own', () => {
  const d = decide({ findings: [], recipients: [recipients('lookalike', 2), recipients('reply-all', 0, 1, 2)] });
  assert.deepEqual(d.reasons.map((r) => [r.rule, r.count]), [['lookalike', 1], ['reply-all', 3]]);
});

test('can require secure sending when attachments could not be checked', () => {
  const policy = resolvePolicy({ rules: { unscanned: { action: 'require' } } });
  const d = decide({ findings: [], unscanned: [{ attachment: 0, reason: 'unsupported-type' }, { attachment: 0, reason: 'truncated' }] }, policy);
  assert.deepEqual(d.reasons.map((r) => [r.rule, r.count, r.action]), [['unscanned', 1, 'require']]);
});

test('gives one reason per custom pattern, named after it', () => {
  const p = (label: string): Finding => ({ ...finding('pattern'), label });
  const d = decide({ findings: [p('Dossier'), p('Dossier'), p('Project')] }, resolvePolicy({ patterns: [{ name: 'Dossier', regex: 'x' }] }));
  assert.deepEqual(d.reasons.map((r) => [r.label, r.count]), [['Dossier', 2], ['Project', 1]]);
});

test('explains itself in plain Dutch or English', () => {
  const findings = [finding('bsn'), finding('bsn')];
  assert.equal(decide({ findings }).reasons[0]!.message, 'Contains 2 citizen service numbers (BSN).');
  assert.equal(decide({ findings }, defaultPolicy(), { locale: 'nl' }).reasons[0]!.message, 'Bevat 2 burgerservicenummers (BSN).');
});

test('is pure: the same input gives the same decision and nothing is changed', () => {
  const input = { findings: [finding('card'), finding('finance')], recipients: [recipients('long-list', 1, 2)] };
  const copy = structuredClone(input);
  const policy = defaultPolicy();
  assert.deepEqual(decide(input, policy), decide(input, policy));
  assert.deepEqual(input, copy);
  assert.deepEqual(policy, defaultPolicy());
});
