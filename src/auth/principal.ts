/** Who is calling, as proven by a verified token. Built only by src/auth. */
export interface Principal {
  /** The tenant the token belongs to; absent only on admin tokens without a tenant. */
  tenantId?: string;
  roles: string[];
  subject?: string;
}

export const isAdmin = (p: Principal | null | undefined): boolean => p?.roles.includes('admin') ?? false;

/** Tenant ids double as namespace names, so they are kept to a safe, portable alphabet. */
export const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
export const TENANT_ID_RULE =
  '1-128 characters of A-Z, a-z, 0-9 and . _ : @ -, starting with a letter or digit';
