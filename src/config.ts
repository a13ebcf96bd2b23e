/**
 * Configuration from environment variables, validated once at start with zod. Every bad value is
 * reported (all at once), each with the variable's name and what to fix.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { checkGuardEnv, type GuardConfig, guardConfig, guardEnvShape } from './config-guards.js';

const INDEX_NAME = /^[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?$/;

const indexSchema = z
  .object({
    name: z
      .string()
      .regex(INDEX_NAME, '1-45 characters of a-z, 0-9 and "-", starting and ending alphanumeric'),
    dimension: z.number().int().min(1).max(20_000),
    metric: z.enum(['cosine', 'dotproduct', 'euclidean']).default('cosine'),
    tenancy: z.enum(['namespace', 'metadata']).default('namespace'),
    /** metadata tenancy: the reserved field the server writes and filters on */
    tenantField: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits and "_", not starting with a digit')
      .default('tenant_id'),
  })
  .strict();

export type IndexConfig = z.infer<typeof indexSchema>;

const DEFAULT_INDEXES: IndexConfig[] = [
  { name: 'multitenant-app', dimension: 8, metric: 'cosine', tenancy: 'namespace', tenantField: 'tenant_id' },
];

const jsonList = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be valid JSON, e.g. [{"name":"rag","dimension":768}]' });
    return z.NEVER;
  }
});

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/**
 * PERSISTED_OPERATIONS: a JSON file of operation id -> operation text, as codegen writes it
 * (src/client/gql/persisted-documents.json). Read and checked here, so a bad file stops the start.
 */
const persistedManifest = z
  .string()
  .transform((path, ctx) => {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `must be a readable JSON file (${(error as Error).message})` });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .record(z.string().min(1), z.string().min(1), 'must map operation ids to operation text')
      .refine((m) => Object.keys(m).length > 0, 'lists no operations'),
  );

/** A byte count: "1073741824", "512MB", "2GiB" (KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024). */
const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};
const byteSize = z
  .string()
  .regex(/^\s*\d+(\.\d+)?\s*([kmg]i?b|b)?\s*$/i, 'must be a size like 512MB, 2GiB or a number of bytes')
  .transform((text) => {
    const [, number, unit = ''] = /^\s*([\d.]+)\s*([a-z]*)\s*$/i.exec(text)!;
    return Math.floor(Number(number) * BYTE_UNITS[unit.toLowerCase()]!);
  })
  .pipe(z.number().min(16 * 1024 ** 2, 'must be at least 16MiB'));

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Embedded engine: bytes of loaded namespaces before least-recently-used ones are evicted. */
    ENGINE_MEMORY_BUDGET: byteSize.default(2 * 1024 ** 3),
    INDEXES: jsonList.pipe(z.array(indexSchema).min(1, 'must list at least one index')).optional(),
    DEFAULT_INDEX: optionalString,
    AUTH_JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    AUTH_JWKS_URL: optionalString.pipe(z.url('must be an http(s) URL').optional()),
    AUTH_ISSUER: optionalString,
    AUTH_AUDIENCE: optionalString,
    AUTH_TENANT_CLAIM: z.string().min(1).default('tenant'),
    AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
    PERSISTED_OPERATIONS: optionalString.pipe(persistedManifest.optional()),
    PERSISTED_OPERATIONS_ONLY: z
      .enum(['true', 'false', ''], 'must be true or false')
      .optional()
      .transform((v) => v === 'true'),
    /** Set to use Pinecone (through the official SDK) instead of the embedded engine. */
    PINECONE_API_KEY: optionalString,
    /** Aims the SDK at a Pinecone-compatible server, e.g. `npm run pinecone-local` (http://localhost:5080). */
    PINECONE_CONTROLLER_HOST: optionalString.pipe(
      z.url('must be an http(s) URL, e.g. http://localhost:5080').optional(),
    ),
    PINECONE_CLOUD: z.enum(['aws', 'gcp', 'azure']).default('aws'),
    PINECONE_REGION: z.string().min(1).default('us-east-1'),
    PINECONE_MAX_RETRIES: z.coerce.number().int().min(0, 'must be 0-10').max(10, 'must be 0-10').default(3),
    PINECONE_TIMEOUT_MS: z.coerce.number().int().min(100, 'must be at least 100 (ms)').default(10_000),
    PINECONE_LOCAL_PORT: z.coerce.number().int().min(0).max(65_535).default(5080),
    PINECONE_LOCAL_HOST: z.string().min(1).default('127.0.0.1'),
    ...guardEnvShape,
  })
  .superRefine((env, ctx) => {
    checkGuardEnv(env, ctx);
    const names = (env.INDEXES ?? DEFAULT_INDEXES).map((i) => i.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate)
      ctx.addIssue({ code: 'custom', path: ['INDEXES'], message: `index "${duplicate}" is listed twice` });
    if (env.DEFAULT_INDEX && !names.includes(env.DEFAULT_INDEX)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEFAULT_INDEX'],
        message: `"${env.DEFAULT_INDEX}" is not a configured index (configured: ${names.join(', ')})`,
      });
    }
    if (env.AUTH_JWT_SECRET && env.AUTH_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: 'set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both',
      });
    }
    if (env.PERSISTED_OPERATIONS_ONLY && !env.PERSISTED_OPERATIONS) {
      ctx.addIssue({
        code: 'custom',
        path: ['PERSISTED_OPERATIONS_ONLY'],
        message: 'needs PERSISTED_OPERATIONS (the manifest of allowed operations)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message:
          'production needs AUTH_JWT_SECRET or AUTH_JWKS_URL (no dev secret is generated in production)',
      });
    }
  });

export interface AuthConfig {
  jwtSecret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  tenantClaim: string;
  rolesClaim: string;
}

export interface PineconeConfig {
  /** Set: the API runs on Pinecone through the SDK; unset: on the embedded engine. */
  apiKey?: string;
  controllerHost?: string;
  cloud: 'aws' | 'gcp' | 'azure';
  region: string;
  /** Retries of connection failures and 5xx, with exponential backoff, before BACKEND_UNAVAILABLE. */
  maxRetries: number;
  /** Per-request timeout, in milliseconds. */
  timeoutMs: number;
  /** `npm run pinecone-local`: where the engine's Pinecone-compatible server listens. */
  localPort: number;
  localHost: string;
}

export interface Config extends GuardConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Embedded engine memory budget in bytes (ENGINE_MEMORY_BUDGET). */
  engineMemoryBudget: number;
  indexes: IndexConfig[];
  defaultIndex?: string;
  auth: AuthConfig;
  /** Allow-list of operations (id -> text); `only` rejects any operation not sent by id. */
  persistedOperations?: { operations: Record<string, string>; only: boolean };
  pinecone: PineconeConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const [name, ...rest] = issue.path;
        const where = rest.length
          ? `${String(name)} ${rest.map((p) => `[${String(p)}]`).join('')}`
          : String(name);
        const got =
          typeof name === 'string' && env[name] !== undefined ? ` (got ${JSON.stringify(env[name])})` : '';
        return `${where}: ${issue.message}${got}`;
      }),
    );
  }
  const e = parsed.data;
  const indexes = e.INDEXES ?? DEFAULT_INDEXES;
  return {
    ...guardConfig(e),
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    engineMemoryBudget: e.ENGINE_MEMORY_BUDGET,
    indexes,
    defaultIndex: e.DEFAULT_INDEX ?? (indexes.length === 1 ? indexes[0]!.name : undefined),
    auth: {
      jwtSecret: e.AUTH_JWT_SECRET,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      tenantClaim: e.AUTH_TENANT_CLAIM,
      rolesClaim: e.AUTH_ROLES_CLAIM,
    },
    persistedOperations: e.PERSISTED_OPERATIONS && {
      operations: e.PERSISTED_OPERATIONS,
      only: e.PERSISTED_OPERATIONS_ONLY,
    },
    pinecone: {
      apiKey: e.PINECONE_API_KEY,
      controllerHost: e.PINECONE_CONTROLLER_HOST,
      cloud: e.PINECONE_CLOUD,
      region: e.PINECONE_REGION,
      maxRetries: e.PINECONE_MAX_RETRIES,
      timeoutMs: e.PINECONE_TIMEOUT_MS,
      localPort: e.PINECONE_LOCAL_PORT,
      localHost: e.PINECONE_LOCAL_HOST,
    },
  };
}
