/**
 * Per-tenant admission: a request bucket, a write-unit bucket and an in-flight count, sized by the
 * tenant's tier. Keys are tenant ids, or "(admin)" / "(anonymous)" (parentheses cannot occur in a
 * tenant id). Idle tenants' state is dropped so memory follows active tenants, not all tenants ever seen.
 */
import type { GuardConfig, TierLimits } from '../config-guards.js';
import { TokenBucket } from './token-bucket.js';

export const ADMIN_KEY = '(admin)';
export const ANONYMOUS_KEY = '(anonymous)';

interface TenantState {
  tier: TierLimits;
  requests: TokenBucket;
  writeUnits: TokenBucket;
  inFlight: number;
  /** FIFO of requests waiting for a concurrency place. */
  waiting: Array<() => void>;
}

export type Admission =
  | { ok: true }
  | { ok: false; reason: 'requests' | 'write_units' | 'concurrency'; retryAfter: number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TenantLimits {
  private readonly states = new Map<string, TenantState>();
  private sweepAt = 0;

  constructor(private readonly config: GuardConfig['fairness']) {}

  tierOf(key: string): TierLimits {
    const { tiers, tenantTiers } = this.config;
    const name = key === ADMIN_KEY ? 'admin' : tenantTiers[key];
    return (name && tiers[name]) || tiers.default!;
  }

  private state(key: string): TenantState {
    let s = this.states.get(key);
    if (!s) {
      const tier = this.tierOf(key);
      s = {
        tier,
        requests: new TokenBucket(tier.requestsPerSecond, tier.burst),
        writeUnits: new TokenBucket(tier.writeUnitsPerSecond, tier.writeBurst),
        inFlight: 0,
        waiting: [],
      };
      this.sweep();
      this.states.set(key, s);
    }
    return s;
  }

  /**
   * Admits one request: a token from the request bucket (waiting up to the tier's maxDelayMs for
   * it), then a concurrency place (waiting in a FIFO of at most `queue`). Call `done` after an ok.
   */
  async admitRequest(key: string): Promise<Admission> {
    const s = this.state(key);
    if (s.inFlight >= s.tier.concurrency && s.waiting.length >= s.tier.queue) {
      return { ok: false, reason: 'concurrency', retryAfter: 1 };
    }
    const waitMs = s.requests.reserve(s.tier.maxDelayMs);
    if (waitMs < 0) return { ok: false, reason: 'requests', retryAfter: retrySeconds(s.requests.take(1)) };
    if (waitMs > 0) await sleep(waitMs);
    if (s.inFlight < s.tier.concurrency) {
      s.inFlight++;
      return { ok: true };
    }
    if (s.waiting.length >= s.tier.queue) return { ok: false, reason: 'concurrency', retryAfter: 1 };
    await new Promise<void>((resolve) => s.waiting.push(resolve));
    return { ok: true }; // the place was handed over by `done`
  }

  /** More operations of an admitted batch: tokens only, no waiting. */
  admitMore(key: string, count: number): Admission {
    const wait = this.state(key).requests.take(count);
    return wait > 0 ? { ok: false, reason: 'requests', retryAfter: retrySeconds(wait) } : { ok: true };
  }

  done(key: string): void {
    const s = this.states.get(key);
    if (!s) return;
    const next = s.waiting.shift();
    if (next)
      next(); // hand the place over: inFlight unchanged
    else if (s.inFlight > 0) s.inFlight--;
  }

  admitWriteUnits(key: string, units: number): Admission {
    const wait = this.state(key).writeUnits.take(units);
    return wait > 0 ? { ok: false, reason: 'write_units', retryAfter: retrySeconds(wait) } : { ok: true };
  }

  /** At most once a minute: forget tenants with nothing in flight and full buckets. */
  private sweep(): void {
    const now = Date.now();
    if (now < this.sweepAt) return;
    this.sweepAt = now + 60_000;
    for (const [key, s] of this.states) {
      if (s.inFlight === 0 && s.waiting.length === 0 && s.requests.full && s.writeUnits.full)
        this.states.delete(key);
    }
  }
}

/** Whole seconds, at least 1; a request larger than the bucket can never pass (retry in an hour = don't). */
function retrySeconds(wait: number): number {
  return Number.isFinite(wait) ? Math.max(1, Math.ceil(wait)) : 3600;
}
