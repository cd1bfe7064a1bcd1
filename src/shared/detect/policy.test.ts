import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { defaultPolicy, resolvePolicy } from './policy';
import { DecisionSchema, FindingSchema, PolicySchema, ScanRequestSchema } from './schema';
import { decide } from './decide';
import { scanText } from './scan-text';
import { RULE_IDS } from './types';

test('has a rule for every detector and check in the default policy', () => {
  assert.deepEqual(Object.keys(defaultPolicy().rules).sort(), [...RULE_IDS].sort());
});

test('defaults to turning secure sending on for identifiers and to notifying for the rest', () => {
  const { rules } = defaultPolicy();
  assert.equal(rules.bsn.action, 'secure');
  assert.equal(rules.card.action, 'secure');
  assert.equal(rules.passport.action, 'secure');
  assert.equal(rules.iban.action, 'notify');
  assert.equal(rules.health.action, 'notify');
  assert.equal(rules.lookalike.action, 'notify');
  assert.equal(rules.phone.action, 'off');
});

test('hands out a fresh default each time, so no caller can change another\u2019s', () => {
  const a = defaultPolicy();
  a.rules.bsn.action = 'off';
  assert.equal(defaultPolicy().rules.bsn.action, 'secure');
});

test('resolves partial or broken input onto the defaults without throwing', () => {
  for (const input of [null, 42, 'x', [], { rules: 'x' }, { rules: { bsn: { action: 'explode' } } }, { limits: { longList: -1 } }]) {
    assert.deepEqual(resolvePolicy(input), defaultPolicy());
  }
  const p = resolvePolicy({ rules: { bsn: { action: 'require', minConfidence: 'high' }, health: { minCount: 2 } }, ownDomains: [' Zorg.NL '] });
  assert.equal(p.rules.bsn.action, 'require');
  assert.equal(p.rules.bsn.minConfidence, 'high');
  assert.equal(p.rules.health.minCount, 2);
  assert.equal(p.rules.health.action, 'notify');
  assert.deepEqual(p.ownDomains, ['zorg.nl']);
});

test('validates the default policy and resolved policies against the service schema', () => {
  assert.equal(Value.Check(PolicySchema, defaultPolicy()), true);
  assert.equal(Value.Check(PolicySchema, resolvePolicy({ keywords: ['x'], patterns: [{ name: 'n', regex: 'a' }] })), true);
  assert.equal(Value.Check(PolicySchema, { ...defaultPolicy(), extra: 1 }), false);
  const broken = defaultPolicy() as unknown as { rules: Record<string, { action: string }> };
  broken.rules.bsn!.action = 'maybe';
  assert.equal(Value.Check(PolicySchema, broken), false);
});

test('describes scan results and decisions with the schemas the service publishes', () => {
  const findings = scanText('BSN 111222333, diabetes');
  for (const f of findings) assert.equal(Value.Check(FindingSchema, f), true);
  assert.equal(Value.Check(DecisionSchema, decide({ findings }, defaultPolicy())), true);
  assert.equal(Value.Check(ScanRequestSchema, { text: 'x', html: false, policy: defaultPolicy(), locale: 'nl' }), true);
});
