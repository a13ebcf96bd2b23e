/**
 * Prometheus metrics on GET /metrics, from a registry owned by this app instance (no global
 * registry: several apps in one test process do not collide, and no register.clear() is needed).
 * Labels are bounded: `operation` is a root field name (not the client's operationName), `outcome`
 * is "ok" or an error code from a fixed list, and per-tenant usage is exported for the top N tenants
 * plus "other" (exact per-tenant figures: the admin `tenantUsage` query).
 */
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ERROR_CODES, PROTOCOL_ERROR_CODES } from '../errors.js';
import type { FairScheduler } from '../fairness/fair-scheduler.js';
import type { UsageMeter } from '../usage/meter.js';
import { requestState } from './request-state.js';

const OUTCOMES = new Set<string>([...ERROR_CODES, 'INTERNAL_SERVER_ERROR', ...PROTOCOL_ERROR_CODES]);

export interface Metrics {
  registry: Registry;
  plugin: Plugin;
  rateLimited: (reason: string) => void;
}

export function createMetrics(opts: {
  meter: UsageMeter;
  scheduler: FairScheduler;
  tenantLabels: number;
}): Metrics {
  const registry = new Registry();
  const labelNames = ['operation', 'outcome'] as const;
  const requests = new Counter({
    name: 'tvg_graphql_requests_total',
    help: 'GraphQL requests by root field and outcome',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tvg_graphql_request_duration_seconds',
    help: 'GraphQL request latency (onRequest to response) by root field and outcome',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const limited = new Counter({
    name: 'tvg_rate_limited_total',
    help: 'Requests refused by the per-tenant limits, by limit',
    labelNames: ['limit'],
    registers: [registry],
  });
  new Gauge({
    name: 'tvg_scheduler_active',
    help: 'Execution slots in use',
    registers: [registry],
    collect() {
      this.set(opts.scheduler.active);
    },
  });
  new Gauge({
    name: 'tvg_scheduler_queued',
    help: 'Requests waiting for an execution slot',
    registers: [registry],
    collect() {
      this.set(opts.scheduler.queued);
    },
  });
  // Monotonic totals (no tenant label): safe for rate()/increase().
  new Counter({
    name: 'tvg_read_units_total',
    help: 'Read units used by all tenants',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(opts.meter.readUnitsTotal);
    },
  });
  new Counter({
    name: 'tvg_write_units_total',
    help: 'Write units used by all tenants',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(opts.meter.writeUnitsTotal);
    },
  });
  const perTenant = (
    name: string,
    help: string,
    pick: (u: ReturnType<UsageMeter['list']>[number]) => number,
  ) =>
    new Gauge({
      name,
      help: `${help} since start, for the top ${opts.tenantLabels} tenants by units, the rest summed as tenant="other"`,
      labelNames: ['tenant'],
      registers: [registry],
      collect() {
        this.reset();
        const all = opts.meter.list();
        for (const u of all.slice(0, opts.tenantLabels)) this.set({ tenant: u.tenantId }, pick(u));
        const rest = all.slice(opts.tenantLabels);
        if (rest.length)
          this.set(
            { tenant: 'other' },
            rest.reduce((s, u) => s + pick(u), 0),
          );
      },
    });
  perTenant('tvg_tenant_read_units', 'Read units per tenant', (u) => u.readUnits);
  perTenant('tvg_tenant_write_units', 'Write units per tenant', (u) => u.writeUnits);
  perTenant('tvg_tenant_requests', 'Executed operations per tenant', (u) => u.requests);
  perTenant('tvg_tenant_rate_limited', 'Refused requests per tenant', (u) => u.rateLimited);

  const plugin: Plugin = {
    // Synchronous for every other path: an async hook would cost each request a promise.
    onRequest({ url, request, endResponse }) {
      if (url.pathname !== '/metrics' || request.method !== 'GET') return;
      return registry.metrics().then((text) => {
        endResponse(new Response(text, { headers: { 'content-type': registry.contentType } }));
      });
    },
    onResponse({ request, response }) {
      const state = requestState(request);
      if (state.path !== '/graphql') return;
      const operation = state.operations.length > 1 ? 'batch' : (state.operations[0] ?? 'none');
      const code = [...state.errorCodes][0];
      const outcome = code ? (OUTCOMES.has(code) ? code : 'other') : response.status < 400 ? 'ok' : 'other';
      requests.inc({ operation, outcome });
      duration.observe({ operation, outcome }, (performance.now() - state.start) / 1000);
    },
  };
  return { registry, plugin, rateLimited: (reason) => limited.inc({ limit: reason }) };
}
