import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilePattern, describePatternProblem } from './custom';
import { resolvePolicy } from './policy';
import { scanText } from './scan-text';

test('refuses patterns that could backtrack without end, and says why', () => {
  assert.equal(describePatternProblem('(a+)+$'), 'nested-quantifier');
  assert.equal(describePatternProblem('(\\d{2,})*x'), 'nested-quantifier');
  assert.equal(describePatternProblem('(x)\\1'), 'back-reference');
  assert.equal(describePatternProblem('x'.repeat(201)), 'too-long');
  assert.equal(describePatternProblem('[a-'), 'invalid');
  assert.equal(describePatternProblem('PAT-\\d{6}'), null);
  assert.equal(compilePattern({ name: 'x', regex: '(a+)+' }), null);
});

test('drops refused patterns from a policy instead of failing', () => {
  const policy = resolvePolicy({ patterns: [{ name: 'bad', regex: '(a*)*' }, { name: 'good', regex: 'PAT-\\d{6}' }] });
  assert.deepEqual(policy.patterns.map((p) => p.name), ['good']);
});

test('reports matches with the pattern name and a masked preview, case-insensitive by default', () => {
  const policy = resolvePolicy({ patterns: [{ name: 'Patiëntnummer', regex: 'PAT-\\d{6}' }] });
  const found = scanText('zie pat-482913 en PAT-000117', policy).filter((f) => f.detector === 'pattern');
  assert.deepEqual(found.map((f) => [f.label, f.preview]), [['Patiëntnummer', 'p********3'], ['Patiëntnummer', 'P********7']]);
});

test('survives patterns that can match the empty string', () => {
  const policy = resolvePolicy({ patterns: [{ name: 'empty', regex: 'x*' }] });
  assert.equal(scanText('aaa x bbb', policy).filter((f) => f.detector === 'pattern').length, 1);
});
