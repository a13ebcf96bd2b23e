/**
 * HS256 token minting for development and the `npm run token` script, and the dev secret: made
 * once and kept in DATA_DIR so tokens minted by the script work against `npm start`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT } from 'jose';

export interface TokenOptions {
  tenant?: string;
  admin?: boolean;
  secret: string;
  tenantClaim?: string;
  rolesClaim?: string;
  expiresIn?: string | number;
  issuer?: string;
  audience?: string;
}

export function signToken(options: TokenOptions): Promise<string> {
  const claims: Record<string, unknown> = { [options.rolesClaim ?? 'roles']: options.admin ? ['admin'] : [] };
  if (options.tenant) claims[options.tenantClaim ?? 'tenant'] = options.tenant;
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setSubject(options.tenant ?? 'admin')
    .setExpirationTime(options.expiresIn ?? '30d');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}

export async function loadOrCreateDevSecret(dataDir: string): Promise<string> {
  const path = join(dataDir, '.dev-jwt-secret');
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}
