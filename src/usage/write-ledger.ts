/**
 * The write units of one operation (Yoga makes a context per operation, each operation of a batch
 * its own, so each gets its own ledger). A write resolver charges its units here once its input is
 * validated and before it writes: `admit` takes them from the tenant's write-unit bucket and throws
 * RATE_LIMITED when it is empty, so a refused write writes nothing. Mutation fields run one after
 * another, so in an operation with several writes those before a refused one are written, as
 * separate requests would be. The metering plugin records the units of the fields that succeeded.
 *
 * Charging in the resolver means the units come from the input it has already coerced and
 * validated: no second coercion or serialisation of a large upsert before execution.
 */
import type { GraphQLResolveInfo } from 'graphql';

/** Takes `units` from the caller's write-unit bucket; throws a RATE_LIMITED error when refused. */
export type WriteAdmission = (units: number) => void;

export interface WriteUsageShape {
  writeUnits: number;
}

export class WriteLedger {
  private readonly byKey = new Map<string, number>();

  constructor(private readonly admit: WriteAdmission = () => {}) {}

  /** Charges the write field being resolved; returns its `usage`. Throws when refused. */
  charge(info: GraphQLResolveInfo, writeUnits: number): WriteUsageShape {
    this.admit(writeUnits);
    this.byKey.set(String(info.path.key), writeUnits);
    return { writeUnits };
  }

  /** Units charged to the write fields whose response keys are not in `failed`. */
  succeeded(failed: ReadonlySet<string>): number {
    let total = 0;
    for (const [key, units] of this.byKey) if (!failed.has(key)) total += units;
    return total;
  }
}
