import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it("defaults to the guide's index, port 4000 and ./data", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.dataDir).toBe('./data');
    expect(config.indexes).toEqual([
      {
        name: 'multitenant-app',
        dimension: 8,
        metric: 'cosine',
        tenancy: 'namespace',
        tenantField: 'tenant_id',
      },
    ]);
    expect(config.defaultIndex).toBe('multitenant-app');
  });

  it('reads several indexes and a default', () => {
    const config = loadConfig({
      INDEXES:
        '[{"name":"rag","dimension":768},{"name":"search","dimension":384,"metric":"dotproduct","tenancy":"metadata"}]',
      DEFAULT_INDEX: 'search',
    });
    expect(config.indexes.map((i) => [i.name, i.metric, i.tenancy])).toEqual([
      ['rag', 'cosine', 'namespace'],
      ['search', 'dotproduct', 'metadata'],
    ]);
    expect(config.defaultIndex).toBe('search');
  });

  it('reports every bad value at once, by variable name, with what was given', () => {
    const list = problems({ PORT: 'abc', INDEXES: 'not json', AUTH_JWT_SECRET: 'short' });
    expect(list).toHaveLength(3);
    expect(list.find((p) => p.startsWith('PORT:'))).toMatch(/\(got "abc"\)/);
    expect(list.find((p) => p.startsWith('INDEXES:'))).toMatch(/valid JSON/);
    expect(list.find((p) => p.startsWith('AUTH_JWT_SECRET:'))).toMatch(/at least 32 characters/);
  });

  it('names the bad field inside INDEXES', () => {
    const list = problems({ INDEXES: '[{"name":"Bad_Name","dimension":0,"metric":"manhattan"}]' });
    expect(list.some((p) => p.startsWith('INDEXES [0][name]'))).toBe(true);
    expect(list.some((p) => p.startsWith('INDEXES [0][dimension]'))).toBe(true);
    expect(list.some((p) => p.startsWith('INDEXES [0][metric]'))).toBe(true);
  });

  it('refuses an unknown DEFAULT_INDEX, duplicate indexes, and production without a secret', () => {
    expect(problems({ DEFAULT_INDEX: 'nope' })[0]).toMatch(/DEFAULT_INDEX: "nope" is not a configured index/);
    expect(problems({ INDEXES: '[{"name":"a","dimension":2},{"name":"a","dimension":3}]' })[0]).toMatch(
      /listed twice/,
    );
    expect(problems({ NODE_ENV: 'production' })[0]).toMatch(
      /production needs AUTH_JWT_SECRET or AUTH_JWKS_URL/,
    );
  });
});
