// Precision and recall of the detection engine on the labelled corpus in test/corpus/detect
// (format in its README). Prints a table per detector; asserts recall 1.0 for the checksummed
// identifiers and precision of at least 0.95 for every detector.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compilePolicy } from '../src/shared/detect/compile';
import { normaliseWithMap } from '../src/shared/detect/normalise-map';
import { CONFIDENCES, resolvePolicy } from '../src/shared/detect/policy';
import { scanNormalised } from '../src/shared/detect/scan-text';
import { TEXT_DETECTORS, type Finding } from '../src/shared/detect/types';

const DIR = join(import.meta.dirname, 'corpus', 'detect');

interface Label {
  detector: string;
  start: number;
  end: number;
  optional: boolean;
}

interface Case {
  id: string;
  html: boolean;
  text: string;
  labels: Label[];
}

/** Splits a corpus file into cases and turns `[[detector:text]]` markers into spans of the bare text. */
function parseCases(source: string): Case[] {
  const cases: Case[] = [];
  for (const block of source.split(/^### /m).slice(1)) {
    const newline = block.indexOf('\n');
    const [id = '', flag] = block.slice(0, newline).trim().split(/\s+/);
    let raw = block.slice(newline + 1);
    const labels: Label[] = [];
    let text = '';
    for (let m = /\[\[(~?)(\w+):([\s\S]*?)\]\]/.exec(raw); m; m = /\[\[(~?)(\w+):([\s\S]*?)\]\]/.exec(raw)) {
      text += raw.slice(0, m.index);
      labels.push({ detector: m[2]!, start: text.length, end: text.length + m[3]!.length, optional: m[1] === '~' });
      text += m[3]!;
      raw = raw.slice(m.index + m[0].length);
    }
    cases.push({ id, html: flag === 'html', text: text + raw, labels });
  }
  return cases;
}

// Every detector runs, with the default policy's thresholds, plus the corpus's custom keywords.
const policy = resolvePolicy({
  rules: Object.fromEntries(TEXT_DETECTORS.map((id) => [id, { action: 'notify' }])),
  keywords: ['vertrouwelijk', 'Project Zeus', 'personeelsdossier*'],
  patterns: [{ name: 'Patiëntnummer', regex: '\\bPAT-\\d{6}\\b' }],
});
const counted = (f: Finding): boolean =>
  CONFIDENCES.indexOf(f.confidence) >= CONFIDENCES.indexOf(policy.rules[f.detector].minConfidence);

const cases = readdirSync(DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .flatMap((name) => parseCases(readFileSync(join(DIR, name), 'utf8')).map((c) => ({ ...c, file: name })));

type Tally = { tp: number; fp: number; fn: number };
const tally = new Map<string, Tally>(TEXT_DETECTORS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
const mistakes: string[] = [];

for (const c of cases) {
  const n = normaliseWithMap(c.text, { html: c.html });
  const findings = scanNormalised(n, compilePolicy(policy), { part: 'body' }).filter(counted);
  const { map } = n;
  const matched = new Set<Label>();
  for (const f of findings) {
    const start = map[f.start]!;
    const end = map[f.end - 1]! + 1;
    const label = c.labels.find((l) => l.detector === f.detector && l.start < end && start < l.end && !matched.has(l));
    const t = tally.get(f.detector)!;
    if (label) {
      matched.add(label);
      if (!label.optional) t.tp++;
    } else {
      t.fp++;
      mistakes.push(`FP ${f.detector} in ${c.file}#${c.id}: "${c.text.slice(start, end)}" (${f.confidence})`);
    }
  }
  for (const l of c.labels) {
    if (l.optional || matched.has(l)) continue;
    const t = tally.get(l.detector);
    assert.ok(t, `unknown detector ${l.detector} in ${c.id}`);
    t.fn++;
    mistakes.push(`FN ${l.detector} in ${c.file}#${c.id}: "${c.text.slice(l.start, l.end)}"`);
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
const rows = [...tally].map(([detector, t]) => ({
  detector,
  ...t,
  precision: ratio(t.tp, t.tp + t.fp),
  recall: ratio(t.tp, t.tp + t.fn),
}));

test('prints precision and recall per detector on the labelled corpus', () => {
  console.log(`\n${cases.length} cases\n` + 'detector   TP  FP  FN  precision  recall');
  for (const r of rows) {
    console.log(`${r.detector.padEnd(9)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}` +
      `  ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}`);
  }
  if (mistakes.length > 0) console.log(mistakes.join('\n'));
  assert.ok(cases.length >= 50);
});

for (const id of ['bsn', 'iban', 'card']) {
  test(`finds every labelled ${id} in the corpus (recall 1.0)`, () => {
    const r = rows.find((x) => x.detector === id)!;
    assert.ok(r.tp > 10, `too few ${id} examples`);
    assert.equal(r.recall, 1, mistakes.filter((m) => m.startsWith(`FN ${id} `)).join('\n'));
  });
}

test('keeps precision at or above 0.95 for every detector', () => {
  for (const r of rows) {
    assert.ok(r.precision >= 0.95, `${r.detector}: ${r.precision.toFixed(3)}\n${mistakes.filter((m) => m.startsWith(`FP ${r.detector} `)).join('\n')}`);
  }
});
