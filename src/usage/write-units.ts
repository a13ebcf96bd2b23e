/**
 * Write units of the running operation, by response key. The fairness plugin computes them once,
 * before execution, from the coerced arguments; the resolvers (`usage.writeUnits`) and the metering
 * plugin read them here instead of serialising a large upsert to JSON again. Keyed by the GraphQL
 * context, which Yoga makes per operation (each operation of a batch gets its own), so concurrent
 * operations of one request cannot see each other's figures.
 */
const byContext = new WeakMap<object, Map<string, number>>();

export function setOperationWriteUnits(context: object, units: Map<string, number>): void {
  byContext.set(context, units);
}

export function operationWriteUnits(context: object): Map<string, number> | undefined {
  return byContext.get(context);
}
