/**
 * The query planner of one namespace. Paths, cheapest adequate first:
 * - tiny scans (rows × dimension ≤ JS_SCAN_ELEMENTS) and hybrid/sparse queries: the JavaScript scan,
 *   which is exact and breaks score ties by insertion order;
 * - a filter the metadata index narrows to at most FILTER_EXACT_SHARE of the rows: SIMD exact search
 *   over just those rows (exact recall, cost proportional to the matches);
 * - a graph, if built: HNSW search (oversampled and post-filtered for broad filters) plus an exact
 *   scan of the not-yet-indexed tail, falling back to exact search if too few matches survive;
 * - otherwise SIMD exact search over every segment.
 * Every path ends by rescoring its candidates in JavaScript, so all report the same scores.
 */
import { type Filter, matches } from './filter.js';
import type { NamespaceGraph } from './hnsw.js';
import { type PreparedQuery, prepareQuery, scoreRow } from './scoring.js';
import { scanAll, scanRows, slicer } from './simd-scan.js';
import type { RecordTable } from './table.js';
import { TopK } from './top-k.js';
import type { Metric, QueryMatch, QueryRequest } from './types.js';

const JS_SCAN_ELEMENTS = 64 * 1024;
const FILTER_EXACT_SHARE = 0.1;
/** Rows between checks whether a JavaScript loop should yield. */
const CHECK_ROWS = 256;

export async function searchTable(
  table: RecordTable,
  graph: NamespaceGraph,
  metric: Metric,
  request: QueryRequest,
): Promise<QueryMatch[]> {
  const n = table.size;
  if (n === 0 || request.topK < 1) return [];
  const q = prepareQuery(metric, request.vector, request.sparseVector);
  const rows = request.filter ? await filteredRows(table, request.filter) : undefined;
  const count = rows ? rows.length : n;
  if (count === 0) return [];
  const k = Math.min(request.topK, count);
  let candidates: ArrayLike<number> | undefined;
  if (q.raw && !q.sparse && count * table.dimension > JS_SCAN_ELEMENTS) {
    candidates = await nativeCandidates(table, graph, q.raw, metric, k, rows);
  }
  const top = await rank(table, q, request.topK, candidates ?? rows);
  return top.map(({ row, score }) => ({
    ...table.record(
      row,
      request.includeValues ? (request.valuesAsFloat32 ? 'float32' : 'numbers') : false,
      request.includeMetadata ?? false,
    ),
    score,
  }));
}

async function nativeCandidates(
  table: RecordTable,
  graph: NamespaceGraph,
  query: Float32Array,
  metric: Metric,
  k: number,
  rows: Int32Array | undefined,
): Promise<number[]> {
  const n = table.size;
  if (rows && rows.length <= FILTER_EXACT_SHARE * n) return scanRows(table, rows, query, metric, k);
  if (graph.usable(table)) {
    const member = rows ? membership(rows, n) : undefined;
    const accept = member ? (row: number) => member[row] === 1 : undefined;
    const found = graph.search(query, k, table, accept, rows ? rows.length / n : 1);
    const tail = graph.tailRows(table).filter((row) => !accept || accept(row));
    if (tail.length > 0) found.push(...(await scanRows(table, tail, query, metric, k)));
    if (found.length >= k) return found;
  }
  return rows ? scanRows(table, rows, query, metric, k) : scanAll(table, query, metric, k);
}

/** Exact top-k by JavaScript scores over `rows` (all rows when undefined), yielding between chunks. */
async function rank(table: RecordTable, q: PreparedQuery, k: number, rows: ArrayLike<number> | undefined) {
  const top = new TopK(k, q.metric === 'euclidean');
  const count = rows ? rows.length : table.size;
  const maybeYield = slicer();
  for (let i = 0; i < count; i++) {
    if (i % CHECK_ROWS === CHECK_ROWS - 1) await maybeYield();
    const row = rows ? rows[i]! : i;
    top.push(row, scoreRow(table, q, row));
  }
  return top.result();
}

/** Rows matching the filter, ascending: from the metadata index when it can narrow them. */
async function filteredRows(table: RecordTable, filter: Filter): Promise<Int32Array> {
  const candidates = table.index.candidates(filter);
  if (candidates?.exact) return candidates.rows;
  const out: number[] = [];
  const count = candidates ? candidates.rows.length : table.size;
  const maybeYield = slicer();
  for (let i = 0; i < count; i++) {
    if (i % CHECK_ROWS === CHECK_ROWS - 1) await maybeYield();
    const row = candidates ? candidates.rows[i]! : i;
    if (matches(filter, table.metadataOf(row))) out.push(row);
  }
  return Int32Array.from(out);
}

function membership(rows: Int32Array, n: number): Uint8Array {
  const member = new Uint8Array(n);
  for (const row of rows) member[row] = 1;
  return member;
}
