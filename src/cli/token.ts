/**
 * Mints an HS256 token: npm run token -- --tenant acme [--admin] [--expires 1h]
 * Uses AUTH_JWT_SECRET, or the dev secret that `npm start` keeps in DATA_DIR.
 */
import { parseArgs } from 'node:util';
import { TENANT_ID, TENANT_ID_RULE } from '../auth/principal.js';
import { loadOrCreateDevSecret, signToken } from '../auth/tokens.js';
import { ConfigError, loadConfig } from '../config.js';

try {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      admin: { type: 'boolean', default: false },
      expires: { type: 'string', default: '30d' },
    },
  });
  if (!values.tenant && !values.admin) throw new Error('pass --tenant <id>, --admin, or both');
  if (values.tenant !== undefined && !TENANT_ID.test(values.tenant))
    throw new Error(`--tenant: ${TENANT_ID_RULE}`);
  const config = loadConfig();
  if (config.auth.jwksUrl)
    throw new Error('AUTH_JWKS_URL is set: tokens come from your identity provider, not from here');
  const secret = config.auth.jwtSecret ?? (await loadOrCreateDevSecret(config.dataDir));
  console.log(
    await signToken({
      secret,
      tenant: values.tenant,
      admin: values.admin,
      expiresIn: values.expires,
      tenantClaim: config.auth.tenantClaim,
      rolesClaim: config.auth.rolesClaim,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
    }),
  );
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
