/**
 * Usage per tenant, accumulated in memory since the process started (restart = zero). Keys are
 * tenant ids (or "(admin)" / "(anonymous)"). Exact for every tenant; metrics export a bounded view.
 */
export interface TenantUsage {
  tenantId: string;
  requests: number;
  readUnits: number;
  writeUnits: number;
  rateLimited: number;
}

export class UsageMeter {
  private readonly tenants = new Map<string, TenantUsage>();
  readonly since = new Date();
  readUnitsTotal = 0;
  writeUnitsTotal = 0;

  private entry(tenantId: string): TenantUsage {
    let u = this.tenants.get(tenantId);
    if (!u) {
      u = { tenantId, requests: 0, readUnits: 0, writeUnits: 0, rateLimited: 0 };
      this.tenants.set(tenantId, u);
    }
    return u;
  }

  record(tenantId: string, usage: { readUnits?: number; writeUnits?: number; requests?: number }): void {
    const u = this.entry(tenantId);
    u.requests += usage.requests ?? 0;
    u.readUnits += usage.readUnits ?? 0;
    u.writeUnits += usage.writeUnits ?? 0;
    this.readUnitsTotal += usage.readUnits ?? 0;
    this.writeUnitsTotal += usage.writeUnits ?? 0;
  }

  rateLimited(tenantId: string): void {
    this.entry(tenantId).rateLimited++;
  }

  get(tenantId: string): TenantUsage {
    return {
      ...(this.tenants.get(tenantId) ?? {
        tenantId,
        requests: 0,
        readUnits: 0,
        writeUnits: 0,
        rateLimited: 0,
      }),
    };
  }

  /** All tenants, heaviest (read + write units, then requests) first. */
  list(): TenantUsage[] {
    return [...this.tenants.values()]
      .map((u) => ({ ...u }))
      .sort((a, b) => b.readUnits + b.writeUnits - (a.readUnits + a.writeUnits) || b.requests - a.requests);
  }
}
