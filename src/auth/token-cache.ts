/**
 * Remembers verified tokens (by the exact Authorization header) so the fairness plugin and the
 * context factory authenticate a request once, and a flood of requests is identified cheaply.
 * A success is kept until the token's `exp` or `ttlMs`, whichever is first; a failure for 5 s.
 * Bounded: the oldest entry is evicted past `max`.
 */
import { decodeJwt } from 'jose';
import type { Authenticator } from './authenticate.js';
import type { Principal } from './principal.js';

type Entry = { until: number; principal?: Principal | null; error?: unknown };

export function cachedAuthenticator(
  authenticate: Authenticator,
  { max = 10_000, ttlMs = 60_000, failureTtlMs = 5_000 } = {},
): Authenticator {
  const cache = new Map<string, Entry>();
  const remember = (key: string, entry: Entry) => {
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(key, entry);
  };
  return async (header) => {
    if (!header) return null;
    const now = Date.now();
    const hit = cache.get(header);
    if (hit && hit.until > now) {
      if (hit.error) throw hit.error;
      return hit.principal ?? null;
    }
    try {
      const principal = await authenticate(header);
      remember(header, {
        until: Math.min(now + ttlMs, expiryOf(header) ?? Number.POSITIVE_INFINITY),
        principal,
      });
      return principal;
    } catch (error) {
      remember(header, { until: now + failureTtlMs, error });
      throw error;
    }
  };
}

function expiryOf(header: string): number | undefined {
  try {
    const exp = decodeJwt(header.replace(/^Bearer\s+/i, '').trim()).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
