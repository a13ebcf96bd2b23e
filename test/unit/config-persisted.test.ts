/** PERSISTED_OPERATIONS / PERSISTED_OPERATIONS_ONLY: the manifest is read and checked at start. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const MANIFEST = fileURLToPath(new URL('../../src/client/gql/persisted-documents.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tvg-persisted-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('persisted operations config', () => {
  it('is off by default', () => {
    expect(loadConfig({}).persistedOperations).toBeUndefined();
  });

  it("loads codegen's manifest; allow-list only when asked", () => {
    const mixed = loadConfig({ PERSISTED_OPERATIONS: MANIFEST });
    expect(mixed.persistedOperations?.only).toBe(false);
    const ops = mixed.persistedOperations?.operations ?? {};
    expect(Object.keys(ops).length).toBeGreaterThanOrEqual(11);
    expect(Object.keys(ops).every((id) => /^sha256:[0-9a-f]{64}$/.test(id))).toBe(true);
    expect(Object.values(ops).some((text) => text.includes('mutation Upsert'))).toBe(true);
    const only = loadConfig({ PERSISTED_OPERATIONS: MANIFEST, PERSISTED_OPERATIONS_ONLY: 'true' });
    expect(only.persistedOperations?.only).toBe(true);
  });

  it('names the variable and the problem', () => {
    expect(problems({ PERSISTED_OPERATIONS_ONLY: 'true' })).toMatch(
      /PERSISTED_OPERATIONS_ONLY: needs PERSISTED_OPERATIONS/,
    );
    expect(problems({ PERSISTED_OPERATIONS_ONLY: 'yes' })).toMatch(
      /PERSISTED_OPERATIONS_ONLY: must be true or false/,
    );
    expect(problems({ PERSISTED_OPERATIONS: join(dir, 'missing.json') })).toMatch(
      /PERSISTED_OPERATIONS: must be a readable JSON file .*ENOENT/,
    );
    expect(problems({ PERSISTED_OPERATIONS: file('bad.json', '{"a": 1}') })).toMatch(/PERSISTED_OPERATIONS/);
    expect(problems({ PERSISTED_OPERATIONS: file('empty.json', '{}') })).toMatch(
      /PERSISTED_OPERATIONS: lists no operations/,
    );
  });
});
