/** The command line and the printed results: strict options, load average, aligned tables. */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

export const MIB = 1024 * 1024;

export interface CommandLine {
  positionals: string[];
  flag(name: string): boolean;
  text(name: string, fallback: string): string;
  number(name: string, fallback: number, min: number, max: number): number;
}

/**
 * The command line, parsed strictly against `options` (name → kind): a misspelt option stops the
 * benchmark instead of being ignored. Options are `--name value`, `--name=value` or `--flag`.
 */
export function commandLine(options: Record<string, 'string' | 'boolean'>): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      options: Object.fromEntries(Object.entries(options).map(([name, type]) => [name, { type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  const given = values as Record<string, string | boolean | undefined>;
  return {
    positionals,
    flag: (name) => given[name] === true,
    text: (name, fallback) => {
      const value = given[name];
      return typeof value === 'string' ? value : fallback;
    },
    number(name, fallback, min, max) {
      const value = Number(this.text(name, String(fallback)));
      if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
      return value;
    },
  };
}

export function loadLine(): string {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min), ${availableParallelism()} CPUs`;
}

/** Prints rows under a header, each column padded to its widest cell; numbers align right. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  // A column of numbers (optionally with a unit: "12.5", "0.52x", "85 MB") is aligned right.
  const right = header.map((_, c) => rows.every((r) => typeof r[c] === 'number' || /^([0-9.,-]+x?( [a-zA-Z/%]+)?|n\/a)?$/.test(String(r[c] ?? ''))));
  const line = (r: string[]) => r.map((cell, c) => (right[c] && c > 0 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

export const mb = (bytes: number) => bytes / 1e6;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
export const fixed = (n: number, digits = 1) => n.toFixed(digits);
export const ratio = (n: number) => `${n.toFixed(2)}x`;
