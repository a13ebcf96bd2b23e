/**
 * Bearer JWT → Principal. HS256 with a shared secret, or RS256/ES256 against a JWKS URL; the
 * algorithm list is fixed per mode, so `alg: none` and algorithm-confusion tokens are rejected.
 */
import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { AuthConfig } from '../config.js';
import { type Principal, TENANT_ID, TENANT_ID_RULE } from './principal.js';

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

export type Authenticator = (authorization: string | null) => Promise<Principal | null>;

export function createAuthenticator(auth: AuthConfig & { jwtSecret?: string }): Authenticator {
  const key: Uint8Array | JWTVerifyGetKey = auth.jwksUrl
    ? createRemoteJWKSet(new URL(auth.jwksUrl))
    : new TextEncoder().encode(auth.jwtSecret ?? '');
  if (!auth.jwksUrl && !auth.jwtSecret) throw new Error('createAuthenticator needs a secret or a JWKS URL');
  const algorithms = auth.jwksUrl ? ['RS256', 'ES256'] : ['HS256'];

  return async (authorization) => {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AuthError('Authorization header must be "Bearer <token>"');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, key as Uint8Array, {
        algorithms,
        issuer: auth.issuer,
        audience: auth.audience,
      }));
    } catch (error) {
      throw new AuthError(describeJwtError(error));
    }
    return principalFrom(payload, auth);
  };
}

function principalFrom(payload: JWTPayload, auth: AuthConfig): Principal {
  const rawRoles = payload[auth.rolesClaim];
  const roles = Array.isArray(rawRoles) ? rawRoles.filter((r): r is string => typeof r === 'string') : [];
  const tenant = payload[auth.tenantClaim];
  const principal: Principal = { roles, subject: payload.sub };
  if (tenant !== undefined) {
    if (typeof tenant !== 'string' || !TENANT_ID.test(tenant)) {
      throw new AuthError(`token claim "${auth.tenantClaim}" must be a tenant id: ${TENANT_ID_RULE}`);
    }
    principal.tenantId = tenant;
  } else if (!roles.includes('admin')) {
    throw new AuthError(`token has no "${auth.tenantClaim}" claim`);
  }
  return principal;
}

function describeJwtError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not allowed';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `token claim "${error.claim}" is invalid: ${error.reason}`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key in the JWKS matches the token';
  if (error instanceof errors.JOSEError) return 'token is malformed or cannot be verified';
  return 'token cannot be verified';
}
