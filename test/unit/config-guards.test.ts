/** Guard-rail configuration: defaults, tiers, and every bad value reported by name. */
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../../src/config.js';

const base = { NODE_ENV: 'test', AUTH_JWT_SECRET: 'x'.repeat(32) };

describe('guard-rail config', () => {
  it('has defaults, introspection off in production', () => {
    const c = loadConfig(base);
    expect(c.fairness.tiers.default).toMatchObject({ requestsPerSecond: 100, concurrency: 8 });
    expect(c.queryLimits.introspection).toBe(true);
    expect(c.logLevel).toBe('silent');
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).queryLimits.introspection).toBe(false);
  });

  it('reads tiers and the tenant mapping', () => {
    const c = loadConfig({
      ...base,
      RATE_LIMITS: '{"pro":{"requestsPerSecond":500,"writeUnitsPerSecond":1000,"concurrency":32}}',
      TENANT_TIERS: '{"acme":"pro"}',
    });
    expect(c.fairness.tiers.pro).toEqual({
      requestsPerSecond: 500,
      burst: 1000,
      writeUnitsPerSecond: 1000,
      writeBurst: 2000,
      concurrency: 32,
      queue: 128,
      maxDelayMs: 1000,
    });
    expect(c.fairness.tenantTiers).toEqual({ acme: 'pro' });
  });

  it('reports each bad value by name', () => {
    try {
      loadConfig({
        ...base,
        RATE_LIMITS: '{"pro":{"requestsPerSecond":-1}}',
        TENANT_TIERS: '{"acme":"gold"}',
        LOG_LEVEL: 'loud',
        MAX_BODY_BYTES: '1',
      });
      expect.unreachable();
    } catch (error) {
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toMatch(/RATE_LIMITS \[pro\]\[requestsPerSecond\]/);
      expect(text).toMatch(/LOG_LEVEL/);
      expect(text).toMatch(/MAX_BODY_BYTES/);
    }
    expect(() => loadConfig({ ...base, TENANT_TIERS: '{"acme":"gold"}' })).toThrow(
      /TENANT_TIERS \[acme\]: tier "gold" is not defined/,
    );
  });
});
