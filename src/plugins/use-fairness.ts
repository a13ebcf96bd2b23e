/**
 * Per-tenant fairness. Before Yoga reads the body: identify the tenant (cached token check), take a
 * token from its request bucket (waiting briefly if over the rate: shaping, not spinning on 429s)
 * and a concurrency place. After the body is read: wait for an execution slot, handed out
 * round-robin across tenants (FairScheduler). Before executing a write: take its
 * write units from the tenant's WU bucket. Rejections are RATE_LIMITED with `retryAfter` (seconds)
 * in extensions and a Retry-After header; HTTP 429 because the whole request is refused.
 */
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/authenticate.js';
import { isAdmin } from '../auth/principal.js';
import type { FairScheduler } from '../fairness/fair-scheduler.js';
import { ADMIN_KEY, type Admission, ANONYMOUS_KEY, type TenantLimits } from '../fairness/tenant-limits.js';
import type { UsageMeter } from '../usage/meter.js';
import { WRITE_FIELDS, writeUnitsOf } from '../usage/units.js';
import { setOperationWriteUnits } from '../usage/write-units.js';
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

export function useFairness(deps: FairnessDeps): Plugin {
  const endpoint = deps.graphqlEndpoint ?? '/graphql';
  const reject = (key: string, a: Rejected) => {
    deps.meter.rateLimited(key);
    deps.onRejected?.(a.reason);
  };
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== endpoint) return;
      const state = requestState(request);
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
      // A client that goes away must not keep its place.
      request.signal?.addEventListener('abort', () => finish(state), { once: true });
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
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      const state = requestState(request);
      const units = writeUnitsByField(args.schema, args.document, args.operationName, args.variableValues);
      if (units.size === 0 || !state.tenantKey) return;
      const total = [...units.values()].reduce((a, b) => a + b, 0);
      const admission = deps.limits.admitWriteUnits(state.tenantKey, total);
      if (!admission.ok) {
        reject(state.tenantKey, admission);
        setResultAndStopExecution({ errors: [rateLimitedError(admission)] });
        return;
      }
      setOperationWriteUnits(args.contextValue as object, units);
    },
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

/** Write units of each write root field of the operation, by response key (none if not a mutation). */
export function writeUnitsByField(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): Map<string, number> {
  const units = new Map<string, number>();
  const operation = getOperationAST(document, operationName);
  const mutation = schema.getMutationType();
  if (operation?.operation !== 'mutation' || !mutation) return units;
  const vars = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (vars.errors) return units; // execution reports them; nothing is written
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !WRITE_FIELDS.has(selection.name.value)) continue;
    const field = mutation.getFields()[selection.name.value];
    if (!field) continue;
    try {
      const args = getArgumentValues(field, selection, vars.coerced);
      units.set(selection.alias?.value ?? selection.name.value, writeUnitsOf(args));
    } catch {
      // invalid arguments: execution reports them and nothing is written
    }
  }
  return units;
}
