/** Writes a benchmark's figures to bench/results/<name>.json and prints them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
  /** The headline ratio (against the same-process baseline). */
  ratio: number;
  /** The target for that ratio. */
  target: number;
  /** How to read ratio against target: "max" means ratio must be <= target. */
  targetKind?: 'min' | 'max';
  /** Further targets of the same issue, each shown as its own row of the README table. */
  checks?: Check[];
}

export interface Check {
  label: string;
  value: number;
  target: number;
  targetKind: 'min' | 'max';
}

export const isMet = (value: number, target: number, kind: 'min' | 'max' = 'min') =>
  kind === 'min' ? value >= target : value <= target;

export function report(result: BenchResult): void {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const full = {
    ...result,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
    date: new Date().toISOString(),
  };
  writeFileSync(`${dir}${result.name}.json`, `${JSON.stringify(full, null, 2)}\n`);
  console.log(`\n${result.name}`);
  for (const [k, v] of Object.entries(result.figures))
    console.log(`  ${k}: ${typeof v === 'number' ? +v.toPrecision(4) : v}`);
  const kind = result.targetKind ?? 'min';
  const line = (label: string, value: number, target: number, k: 'min' | 'max') =>
    console.log(
      `  ${label} ${+value.toPrecision(4)} (target ${k === 'min' ? '≥' : '≤'} ${target}): ${isMet(value, target, k) ? 'met' : 'NOT met'}`,
    );
  line('ratio', result.ratio, result.target, kind);
  for (const c of result.checks ?? []) line(c.label, c.value, c.target, c.targetKind);
}
