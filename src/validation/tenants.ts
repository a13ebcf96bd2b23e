import { TENANT_ID, TENANT_ID_RULE } from '../auth/principal.js';
import { badInput } from '../errors.js';
import { LIMITS } from './limits.js';

export function validateTenantId(path: string, tenantId: string): string {
  if (!TENANT_ID.test(tenantId)) throw badInput(path, `must be a tenant id: ${TENANT_ID_RULE}`);
  return tenantId;
}

export function validateTenantIds(path: string, tenants: string[]): string[] {
  if (tenants.length < 1 || tenants.length > LIMITS.maxTenantsPerQuery) {
    throw badInput(path, `must list 1-${LIMITS.maxTenantsPerQuery} tenant ids (got ${tenants.length})`);
  }
  return tenants.map((t, i) => validateTenantId(`${path}[${i}]`, t));
}
