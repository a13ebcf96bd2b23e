/**
 * Assembles the production guard rails (issue 6) for createApp: the per-request plugins in the
 * order they must run, the Yoga options they need, and the shared state (usage meter, metrics,
 * draining flag). Plugin order matters for onRequest/onResponse: error coding, logging and metrics
 * first (they see every response, including early rejections), fairness and metering last.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import type { Authenticator } from './auth/authenticate.js';
import type { Config } from './config.js';
import { FairScheduler } from './fairness/fair-scheduler.js';
import { TenantLimits } from './fairness/tenant-limits.js';
import { createLogger, type Logger, yogaLogger } from './logging/logger.js';
import { useBodyLimit } from './plugins/use-body-limit.js';
import { useErrorCodes } from './plugins/use-error-codes.js';
import { useFairness, writeAdmission } from './plugins/use-fairness.js';
import { createMetrics } from './plugins/use-metrics.js';
import { useQueryLimits } from './plugins/use-query-limits.js';
import { useRequestLog } from './plugins/use-request-log.js';
import { useUsageMetering } from './plugins/use-usage-metering.js';
import type { UsageMeter } from './usage/meter.js';
import { WriteLedger } from './usage/write-ledger.js';

export interface GuardRails {
  logger: Logger;
  meter: UsageMeter;
  scheduler: FairScheduler;
  /** Spread into createYoga's options. */
  yogaOptions: {
    batching: false | { limit: number };
    /** Off: useBodyLimit enforces it, more cheaply. */
    maxRequestBodySize: false;
    multipart: false;
    logging: ReturnType<typeof yogaLogger>;
  };
  /** Before the app's own plugins (readiness etc.). */
  first: Plugin[];
  /** After them. */
  last: Plugin[];
  /** Set on shutdown: /readiness answers 503 so load balancers stop sending traffic. */
  draining: boolean;
  /** A new operation's write-unit ledger, charging the request's tenant. */
  writeLedger(request: Request): WriteLedger;
}

export function createGuardRails(
  config: Config,
  authenticate: Authenticator,
  meter: UsageMeter,
  logger: Logger = createLogger(config.logLevel),
): GuardRails {
  const scheduler = new FairScheduler(config.fairness.slots);
  const limits = new TenantLimits(config.fairness);
  const metrics = createMetrics({ meter, scheduler, tenantLabels: config.metricsTenantLabels });
  const q = config.queryLimits;
  return {
    logger,
    meter,
    scheduler,
    yogaOptions: {
      batching: q.maxBatch > 0 ? { limit: q.maxBatch } : false,
      maxRequestBodySize: false,
      // No file uploads in this API: one parser less to attack.
      multipart: false,
      logging: yogaLogger(logger),
    },
    first: [useErrorCodes(), useRequestLog(logger), metrics.plugin],
    last: [
      // JSON POST is preflighted by browsers, so GraphiQL and fetch clients need no header;
      // GET and form/text POSTs must send x-graphql-yoga-csrf.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      ...useQueryLimits(q),
      useFairness({ authenticate, limits, scheduler, meter, onRejected: metrics.rateLimited }),
      useUsageMetering(meter),
      // Last: it wraps whichever request parser the plugins before it chose.
      useBodyLimit(q.maxBodyBytes),
    ],
    draining: false,
    writeLedger: (request) =>
      new WriteLedger(writeAdmission({ limits, meter, onRejected: metrics.rateLimited }, request)),
  };
}
