/**
 * Configuration of the production guard rails (issue 6): rate-limit tiers, query limits, logging,
 * metrics and shutdown. Kept apart from config.ts so the core config stays small; config.ts spreads
 * `guardEnvShape` into its env schema and calls `checkGuardEnv` / `guardConfig`.
 */
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const tierSchema = z
  .object({
    /** Sustained requests per second (token refill rate). Pinecone: 100 req/s per namespace. */
    requestsPerSecond: z.number().positive(),
    /** Bucket size: requests allowed in a burst. Default 2 × requestsPerSecond. */
    burst: z.number().positive().optional(),
    /** Sustained write units per second (1 WU per KB written, at least 5 per write). */
    writeUnitsPerSecond: z.number().positive(),
    /** WU bucket size; must fit the largest write (a 2 MB upsert: at most ~4,096 WU). Default 2 × rate. */
    writeBurst: z.number().positive().optional(),
    /** Requests of the tenant being processed at once (past admission). */
    concurrency: z.number().int().positive(),
    /** Requests that may wait for a concurrency place; more are refused. Default 4 × concurrency. */
    queue: z.number().int().min(0).optional(),
    /** A request over the rate waits up to this long for its token (shaping); longer → RATE_LIMITED. */
    maxDelayMs: z.number().int().min(0).max(60_000).optional(),
  })
  .strict();

export type TierLimits = Required<z.infer<typeof tierSchema>>;

export const DEFAULT_TIER: TierLimits = {
  requestsPerSecond: 100,
  burst: 200,
  writeUnitsPerSecond: 5_000,
  writeBurst: 10_000,
  concurrency: 8,
  queue: 32,
  maxDelayMs: 1000,
};

const json = (example: string) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be valid JSON, e.g. ${example}` });
      return z.NEVER;
    }
  });

const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Spread into the env z.object of config.ts. */
export const guardEnvShape = {
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  RATE_LIMITS: json('{"default":{"requestsPerSecond":100,"writeUnitsPerSecond":5000,"concurrency":8}}')
    .pipe(z.record(z.string().min(1), tierSchema))
    .optional(),
  TENANT_TIERS: json('{"acme":"pro"}')
    .pipe(z.record(z.string().min(1), z.string().min(1)))
    .optional(),
  /** Default: 2 on the embedded engine (CPU-bound, in process), 64 on Pinecone (network-bound). */
  MAX_CONCURRENT_REQUESTS: int(1, 10_000).optional(),
  QUERY_MAX_DEPTH: int(1, 100).default(10),
  QUERY_MAX_ALIASES: int(0, 1_000).default(15),
  QUERY_MAX_TOKENS: int(10, 1_000_000).default(10_000),
  QUERY_MAX_COST: int(10, 1_000_000).default(5_000),
  MAX_BATCH_OPERATIONS: int(0, 100).default(5),
  MAX_BODY_BYTES: int(1_024, 100 * 1024 * 1024).default(4 * 1024 * 1024),
  INTROSPECTION: flag.optional(),
  METRICS_TENANT_LABELS: int(0, 1_000).default(20),
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(25_000),
};

type GuardEnv = z.infer<z.ZodObject<typeof guardEnvShape>>;

/** Cross-variable checks, called from config.ts's superRefine. */
export function checkGuardEnv(env: GuardEnv, ctx: z.RefinementCtx): void {
  const tiers = { default: DEFAULT_TIER, ...env.RATE_LIMITS };
  for (const [tenant, tier] of Object.entries(env.TENANT_TIERS ?? {})) {
    if (!(tier in tiers)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TENANT_TIERS', tenant],
        message: `tier "${tier}" is not defined in RATE_LIMITS (defined: ${Object.keys(tiers).join(', ')})`,
      });
    }
  }
}

export interface GuardConfig {
  logLevel: LogLevel;
  fairness: {
    /** Limits per tier; always has "default". "admin" (if defined) applies to admin tokens without a tenant. */
    tiers: Record<string, TierLimits>;
    tenantTiers: Record<string, string>;
    /** Execution slots shared by all tenants, handed out round-robin. */
    slots: number;
  };
  queryLimits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    maxBatch: number;
    maxBodyBytes: number;
    introspection: boolean;
  };
  metricsTenantLabels: number;
  shutdownTimeoutMs: number;
}

export function guardConfig(env: GuardEnv & { NODE_ENV: string; PINECONE_API_KEY?: string }): GuardConfig {
  const tiers: Record<string, TierLimits> = {};
  for (const [name, t] of Object.entries({ default: DEFAULT_TIER, ...env.RATE_LIMITS })) {
    tiers[name] = {
      ...t,
      burst: t.burst ?? t.requestsPerSecond * 2,
      writeBurst: t.writeBurst ?? t.writeUnitsPerSecond * 2,
      queue: t.queue ?? t.concurrency * 4,
      maxDelayMs: t.maxDelayMs ?? 1000,
    };
  }
  return {
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    fairness: {
      tiers,
      tenantTiers: env.TENANT_TIERS ?? {},
      slots: env.MAX_CONCURRENT_REQUESTS ?? (env.PINECONE_API_KEY ? 64 : 2),
    },
    queryLimits: {
      maxDepth: env.QUERY_MAX_DEPTH,
      maxAliases: env.QUERY_MAX_ALIASES,
      maxTokens: env.QUERY_MAX_TOKENS,
      maxCost: env.QUERY_MAX_COST,
      maxBatch: env.MAX_BATCH_OPERATIONS,
      maxBodyBytes: env.MAX_BODY_BYTES,
      introspection: env.INTROSPECTION ?? env.NODE_ENV !== 'production',
    },
    metricsTenantLabels: env.METRICS_TENANT_LABELS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}
