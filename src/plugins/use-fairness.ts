/**
 * Per-tenant fairness. Before Yoga reads the body: identify the tenant (cached token check), take a
 * token from its request bucket (waiting briefly if over the rate: shaping, not spinning on 429s)
 * and a concurrency place. After the body is read: wait for an execution slot, handed out
 * round-robin across tenants (FairScheduler). Before a write resolver writes: take its write units
 * from the tenant's WU bucket (`writeAdmission`, charged through the operation's WriteLedger, once
 * the resolver has its validated input). Rejections are RATE_LIMITED with `retryAfter` (seconds) in
 * extensions and a Retry-After header, and HTTP 429 when nothing of the request was done.
 */
import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/authenticate.js';
import { isAdmin } from '../auth/principal.js';
import type { FairScheduler } from '../fairness/fair-scheduler.js';
import { ADMIN_KEY, type Admission, ANONYMOUS_KEY, type TenantLimits } from '../fairness/tenant-limits.js';
import type { UsageMeter } from '../usage/meter.js';
import type { WriteAdmission } from '../usage/write-ledger.js';
import { errorResponse, finish, requestState } from './request-state.js';

export interface FairnessDeps {
  authenticate: Authenticator;
  limits: TenantLimits;
  scheduler: FairScheduler;
  meter: UsageMeter;
  onRejected?: (reason: string) => void;
  graphqlEndpoint?: string;
}

type Rejected = Extract<Admission, { ok: false }>;

const MESSAGES: Record<Rejected['reason'], string> = {
  requests: 'Too many requests for this tenant',
  write_units: 'Too many write units for this tenant',
  concurrency: 'Too many concurrent requests for this tenant',
};

function rateLimitedExtensions(a: Rejected) {
  return { retryAfter: a.retryAfter, limit: a.reason };
}

type RejectionDeps = Pick<FairnessDeps, 'meter' | 'onRejected'>;

function recordRejection(deps: RejectionDeps, key: string, a: Rejected): void {
  deps.meter.rateLimited(key);
  deps.onRejected?.(a.reason);
}

export function useFairness(deps: FairnessDeps): Plugin {
  const endpoint = deps.graphqlEndpoint ?? '/graphql';
  const reject = (key: string, a: Rejected) => recordRejection(deps, key, a);
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      const state = requestState(request, url);
      if (state.path !== endpoint) return;
      const principal = await deps.authenticate(request.headers.get('authorization')).catch(() => null);
      const key = principal?.tenantId ?? (isAdmin(principal) ? ADMIN_KEY : ANONYMOUS_KEY);
      state.tenantKey = key;
      state.tenantId = principal?.tenantId;
      const admission = await deps.limits.admitRequest(key);
      if (!admission.ok) {
        reject(key, admission);
        state.errorCodes.add('RATE_LIMITED');
        endResponse(
          errorResponse(429, 'RATE_LIMITED', MESSAGES[admission.reason], rateLimitedExtensions(admission), {
            'retry-after': String(admission.retryAfter),
          }),
        );
        return;
      }
      state.cleanups.push(() => deps.limits.done(key));
      // A client that goes away must not keep its place. Behind node:http, the response's `close`
      // (emitted on completion and on a dropped connection alike) is far cheaper to listen to than
      // the request's AbortSignal; `finish` runs the cleanups once.
      const response = (serverContext as { res?: ServerResponse }).res;
      if (response?.once) response.once('close', () => finish(state));
      else request.signal?.addEventListener('abort', () => finish(state), { once: true });
    },
    // The execution slot is taken once the body is read (a slow upload holds no slot), around the
    // operation's parse/validate/execute only; each operation of a batch takes its own turn.
    onParams({ request, paramsHandler, setParamsHandler }) {
      const key = requestState(request).tenantKey;
      if (!key) return;
      setParamsHandler(async (payload) => {
        const release = await deps.scheduler.acquire(key);
        try {
          return await paramsHandler(payload);
        } finally {
          release();
        }
      });
    },
    onResponse({ request }) {
      finish(requestState(request));
    },
    onRequestParse({ request }) {
      return {
        onRequestParseDone({ requestParserResult }) {
          const key = requestState(request).tenantKey;
          if (!key || !Array.isArray(requestParserResult) || requestParserResult.length < 2) return;
          const admission = deps.limits.admitMore(key, requestParserResult.length - 1);
          if (!admission.ok) {
            reject(key, admission);
            throw rateLimitedError(admission);
          }
        },
      };
    },
  };
}

/**
 * The write-unit admission of one request's operations: takes units from its tenant's WU bucket,
 * or throws RATE_LIMITED (HTTP 429 when it is the request's only error).
 */
export function writeAdmission(
  deps: RejectionDeps & Pick<FairnessDeps, 'limits'>,
  request: Request,
): WriteAdmission {
  return (units) => {
    const key = requestState(request).tenantKey;
    if (!key) return;
    const admission = deps.limits.admitWriteUnits(key, units);
    if (admission.ok) return;
    recordRejection(deps, key, admission);
    throw rateLimitedError(admission);
  };
}

function rateLimitedError(a: Rejected): GraphQLError {
  return new GraphQLError(MESSAGES[a.reason], {
    extensions: {
      code: 'RATE_LIMITED',
      ...rateLimitedExtensions(a),
      http: { status: 429, headers: { 'retry-after': String(a.retryAfter) } },
    },
  });
}
