/**
 * Write units as Pinecone bills them: 1 WU per KB of request, at least 5 per request. Here a
 * "request" is one write root field (one upsert / update / delete), sized as the JSON of its
 * arguments. The fairness plugin calls this once per write field on the coerced arguments, before
 * execution; resolvers and the meter reuse that figure (usage/write-units.ts), so they agree.
 */
export const MIN_WRITE_UNITS = 5;

export function writeUnitsOfBytes(bytes: number): number {
  return Math.max(MIN_WRITE_UNITS, Math.ceil(bytes / 1024));
}

export function writeUnitsOf(args: unknown): number {
  return writeUnitsOfBytes(Buffer.byteLength(JSON.stringify(args) ?? ''));
}

/** The mutation root fields that write a tenant's data (and so are charged write units). */
export const WRITE_FIELDS = new Set(['upsertVectors', 'updateVector', 'deleteVectors']);
