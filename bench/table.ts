/**
 * npm run bench:table: rewrites the performance table in README.md (between the bench markers) from
 * bench/results/*.json, so the README shows what the benchmarks last measured, with machine and command.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BenchResult, isMet } from './report.js';

type Stored = BenchResult & { machine?: string; date?: string };

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const results: Stored[] = readdirSync(resultsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(resultsDir + f, 'utf8')) as Stored);

const fmt = (v: number | string) => (typeof v === 'number' ? String(+v.toPrecision(3)) : v);
const row = (what: string, value: number, target: number, kind: 'min' | 'max', date = '') =>
  `| ${what} | ${fmt(value)} | ${kind === 'min' ? '≥' : '≤'} ${target} | ${isMet(value, target, kind) ? 'met' : '**not met**'} | ${date.slice(0, 10)} |`;
const rows = results.flatMap((r) => [
  row(`\`npm run bench -- ${r.name}\``, r.ratio, r.target, r.targetKind ?? 'min', r.date),
  ...(r.checks ?? []).map((c) => row(`↳ ${c.label}`, c.value, c.target, c.targetKind, r.date)),
]);
const machines = [...new Set(results.map((r) => r.machine).filter(Boolean))];
const table = [
  START,
  '| command | headline figure | target | | measured |',
  '|---|---|---|---|---|',
  ...rows,
  '',
  `Machine: ${machines.join('; ')}. Every figure compares against a baseline measured in the same process (a ratio, or a difference in ms);`,
  'all figures of a run are in `bench/results/<name>.json`.',
  END,
].join('\n');

const text = readFileSync(readme, 'utf8');
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start < 0 || end < 0) throw new Error(`README.md needs the markers ${START} and ${END}`);
writeFileSync(readme, text.slice(0, start) + table + text.slice(end + END.length));
console.log(table);
