/**
 * Configuration from environment variables, validated once at start with zod. Every bad value is
 * reported (all at once), each with the variable's name and what to fix.
 */
import { z } from 'zod';

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

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    INDEXES: jsonList.pipe(z.array(indexSchema).min(1, 'must list at least one index')).optional(),
    DEFAULT_INDEX: optionalString,
    AUTH_JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    AUTH_JWKS_URL: optionalString.pipe(z.url('must be an http(s) URL').optional()),
    AUTH_ISSUER: optionalString,
    AUTH_AUDIENCE: optionalString,
    AUTH_TENANT_CLAIM: z.string().min(1).default('tenant'),
    AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  })
  .superRefine((env, ctx) => {
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

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  indexes: IndexConfig[];
  defaultIndex?: string;
  auth: AuthConfig;
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
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
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
  };
}
