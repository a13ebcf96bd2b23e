/** Token buckets, per-tenant admission and round-robin scheduling, with injected time. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER } from '../../src/config-guards.js';
import { FairScheduler } from '../../src/fairness/fair-scheduler.js';
import { TenantLimits } from '../../src/fairness/tenant-limits.js';
import { TokenBucket } from '../../src/fairness/token-bucket.js';
import { writeUnitsOf, writeUnitsOfBytes } from '../../src/usage/units.js';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate, and says how long to wait', () => {
    let now = 0;
    const b = new TokenBucket(2, 4, () => now);
    for (let i = 0; i < 4; i++) expect(b.take()).toBe(0);
    expect(b.take()).toBeCloseTo(0.5);
    now = 500;
    expect(b.take()).toBe(0);
    expect(b.take(10)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('TenantLimits', () => {
  const tiers = {
    default: DEFAULT_TIER,
    small: { ...DEFAULT_TIER, requestsPerSecond: 0.001, burst: 2, concurrency: 1, queue: 1, maxDelayMs: 0 },
  };
  it('applies the tenant tier, waits in a bounded queue for a concurrency place, and refuses past the rate', async () => {
    const limits = new TenantLimits({ tiers, tenantTiers: { a: 'small' }, slots: 2 });
    expect(await limits.admitRequest('a')).toEqual({ ok: true });
    let second: unknown;
    const queued = limits.admitRequest('a').then((r) => {
      second = r;
    });
    expect(await limits.admitRequest('a')).toMatchObject({ ok: false, reason: 'concurrency', retryAfter: 1 });
    expect(second).toBeUndefined();
    limits.done('a');
    await queued;
    expect(second).toEqual({ ok: true });
    limits.done('a');
    expect(await limits.admitRequest('a')).toMatchObject({ ok: false, reason: 'requests' });
    expect(await limits.admitRequest('b')).toEqual({ ok: true });
  });
});

describe('FairScheduler', () => {
  it('hands free slots round-robin between waiting tenants', async () => {
    const s = new FairScheduler(1);
    const order: string[] = [];
    const first = await s.acquire('A');
    const waiting = ['A', 'A', 'A', 'B', 'C'].map((k, i) =>
      s.acquire(k).then((release) => {
        order.push(`${k}${i}`);
        release();
      }),
    );
    expect(s.queued).toBe(5);
    first();
    await Promise.all(waiting);
    expect(order).toEqual(['A0', 'B3', 'C4', 'A1', 'A2']);
    expect(s.active).toBe(0);
  });
});

describe('write units', () => {
  it('are 1 per KB, at least 5', () => {
    expect(writeUnitsOfBytes(10)).toBe(5);
    expect(writeUnitsOfBytes(10 * 1024 + 1)).toBe(11);
    expect(writeUnitsOf({ v: 'x'.repeat(8000) })).toBe(8);
  });
});
