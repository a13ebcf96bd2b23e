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
}

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
  const met = kind === 'min' ? result.ratio >= result.target : result.ratio <= result.target;
  console.log(
    `  ratio ${+result.ratio.toPrecision(4)} (target ${kind === 'min' ? '≥' : '≤'} ${result.target}): ${met ? 'met' : 'NOT met'}`,
  );
}
