/**
 * Writes schema/schema.graphql from the Pothos schema: `npm run schema`.
 * `--check` (CI) writes nothing and exits 1 when the committed file differs from the code, so the SDL
 * that front-end teams and codegen read can never drift from what the server actually serves.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printedSchema } from '../schema/index.js';

const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const sdl = printedSchema();

if (values.check) {
  const committed = await readFile(target, 'utf8').catch(() => undefined);
  if (committed !== sdl) {
    console.error(
      committed === undefined
        ? 'schema/schema.graphql is missing.'
        : 'schema/schema.graphql differs from the schema the code builds.',
    );
    console.error('Run `npm run schema && npm run codegen` and commit the result.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  await writeFile(target, sdl);
  console.log('wrote schema/schema.graphql');
}
