/**
 * Read units with Pinecone's published serverless formulas (reference §4, cost model). Only read
 * operations report usage; writes report none, as on Pinecone.
 */

/** Query and search: 1 RU per GB of namespace size, at least 0.25, whatever topK or include flags. */
export const queryReadUnits = (namespaceBytes: number): number => Math.max(0.25, namespaceBytes / 1e9);

/** Fetch and fetch by metadata: 1 RU per 10 records returned, at least 1. */
export const fetchReadUnits = (records: number): number => Math.max(1, Math.ceil(records / 10));

/** List: 1 RU per request (up to 100 ids). */
export const LIST_READ_UNITS = 1;
