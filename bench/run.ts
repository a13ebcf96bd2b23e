/**
 * npm run bench -- <name> [args]: runs bench/<name>.ts. Each benchmark prints its figures as ratios
 * against a baseline measured in the same process (the machines are shared and noisy) and writes
 * them with `report()` to bench/results/<name>.json.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter(
    (f) => f.endsWith('.ts') && !['run.ts', 'report.ts', 'table.ts'].includes(f) && !f.startsWith('lib-'),
  )
  .map((f) => f.slice(0, -3));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ') || '(none yet)'}`);
  process.exit(2);
}
await import(`./${name}.ts`);
