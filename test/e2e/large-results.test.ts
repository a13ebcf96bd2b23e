/**
 * Issue 7's execution fast paths over real HTTP, on vectors long enough to take them (64 values):
 * float lists written by the dedicated serialiser (from the engine's float32s, or from the SDK's
 * numbers on Pinecone), variables coerced once, and the answers identical to the ordinary path
 * (short lists, `vectors` fetch) in value, in batches and next to errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/lib-vectors.js';
import { toShortestFloats } from '../../src/engine/shortest-floats.js';
import { startServer, type TestServer } from '../testkit/server.js';

const DIM = 64;
const random = mulberry32(7);
/** Awkward floats: shortest-decimal edge cases, subnormal and huge float32s, integers, negatives. */
const AWKWARD = [
  0.6,
  -0.6,
  1e-7,
  1e-40,
  -3.4e38,
  3.4028234663852886e38,
  123456.789,
  16777217,
  1,
  -0,
  0.1,
  2 ** -20,
];

function vector(i: number): number[] {
  const v = Array.from({ length: DIM }, () => (random() - 0.5) * 2 ** Math.floor(random() * 20 - 10));
  if (i === 0) v.splice(0, AWKWARD.length, ...AWKWARD);
  return v;
}

const records = Array.from({ length: 40 }, (_, i) => ({
  id: `r${i}`,
  values: vector(i),
  metadata: { n: i },
}));
/** What every read must answer: the stored float32s as their shortest decimals. */
const stored = new Map(records.map((r) => [r.id, toShortestFloats(Float32Array.from(r.values))]));

const UPSERT =
  'mutation U($vs: [VectorInput!]!) { upsertVectors(vectors: $vs) { upsertedCount usage { writeUnits } } }';
const QUERY =
  'query Q($v: [Float!], $k: Int!) { query(vector: $v, topK: $k) { matches { id score values metadata } } }';

type Matches = {
  query: { matches: { id: string; score: number; values: number[]; metadata: { n: number } }[] };
};

describe('large results and long variables', () => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startServer({ INDEXES: JSON.stringify([{ name: 'wide', dimension: DIM }]) });
    token = await s.token('wide-tenant');
    const res = await s.gql<{ upsertVectors: { upsertedCount: number; usage: { writeUnits: number } } }>(
      token,
      UPSERT,
      { vs: records },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.upsertVectors.upsertedCount).toBe(40);
    // Pinecone's record size: id + metadata JSON + 4 bytes per dimension.
    const bytes = records.reduce(
      (sum, r) => sum + r.id.length + JSON.stringify(r.metadata).length + 4 * DIM,
      0,
    );
    expect(res.data!.upsertVectors.usage.writeUnits).toBe(Math.max(5, Math.ceil(bytes / 1024)));
  });
  afterAll(() => s.close());

  it('answers every value of a query as the stored float32s, identical to a fetch', async () => {
    const res = await s.gql<Matches>(token, QUERY, { v: records[3]!.values, k: 40 });
    expect(res.errors).toBeUndefined();
    const matches = res.data!.query.matches;
    expect(matches).toHaveLength(40);
    expect(matches[0]!.id).toBe('r3');
    for (const m of matches) {
      expect(m.values).toEqual(stored.get(m.id));
      expect(m.metadata.n).toBe(Number(m.id.slice(1)));
    }
    const fetched = await s.gql<{ vectors: { id: string; values: number[] }[] }>(
      token,
      'query F($ids: [ID!]!) { vectors(ids: $ids) { id values } }',
      { ids: ['r0', 'r1'] },
    );
    expect(fetched.errors).toBeUndefined();
    for (const v of fetched.data!.vectors) expect(v.values).toEqual(stored.get(v.id));
  });

  it('writes the same values in a batch and next to a field error', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([
        { query: QUERY, variables: { v: records[0]!.values, k: 2 } },
        {
          query: `query B($v: [Float!]) { ok: query(vector: $v, topK: 1) { matches { id values } }
                  bad: vector(id: "") { id } }`,
          variables: { v: records[5]!.values },
        },
      ]),
    });
    expect(res.status).toBe(200);
    const [first, second] = (await res.json()) as [
      { data: Matches },
      {
        data: { ok: { matches: { id: string; values: number[] }[] }; bad: null };
        errors: { path: string[]; extensions: { code: string } }[];
      },
    ];
    expect(first.data.query.matches.map((m) => m.values)).toEqual([stored.get('r0'), expect.any(Array)]);
    expect(second.data.ok.matches).toEqual([{ id: 'r5', values: stored.get('r5') }]);
    expect(second.data.bad).toBeNull();
    expect(second.errors.map((e) => [e.path, e.extensions.code])).toEqual([[['bad'], 'BAD_USER_INPUT']]);
  });

  it('keeps graphql-js errors for variables the fast coercion does not take', async () => {
    const bad = [...records[0]!.values];
    bad[10] = 'x' as unknown as number;
    const res = await s.gql(token, QUERY, { v: bad, k: 3 });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(
      /Variable "\$v" got invalid value "x" at "v\[10\]"; Float cannot represent/,
    );
    const missing = await s.gql(token, QUERY, { v: records[0]!.values });
    expect(missing.errors?.[0]?.message).toMatch(/Variable "\$k" of required type "Int!" was not provided/);
    const unknownField = await s.gql(token, UPSERT, { vs: [{ ...records[0], colour: 'red' }] });
    expect(unknownField.errors?.[0]?.message).toMatch(/Field "colour" is not defined by type "VectorInput"/);
    // Nothing was written by the refused upsert: r0 keeps its values.
    const after = await s.gql<Matches>(token, QUERY, { v: records[0]!.values, k: 1 });
    expect(after.data!.query.matches[0]!.values).toEqual(stored.get('r0'));
  });

  it('fetches values and metadata when selected through aliases, fragments and @include/@skip', async () => {
    const query = `query S($v: [Float!], $with: Boolean!) {
      query(vector: $v, topK: 1) { ...Found }
    }
    fragment Found on QueryResult { hits: matches { id ... on Match { vals: values @include(if: $with) } ...Meta } }
    fragment Meta on Match { metadata @skip(if: $with) }`;
    type Hits = {
      query: { hits: { id: string; vals?: number[] | null; metadata?: { n: number } | null }[] };
    };
    const withValues = await s.gql<Hits>(token, query, { v: records[2]!.values, with: true });
    expect(withValues.errors).toBeUndefined();
    expect(withValues.data!.query.hits).toEqual([{ id: 'r2', vals: stored.get('r2') }]);
    const withMetadata = await s.gql<Hits>(token, query, { v: records[2]!.values, with: false });
    expect(withMetadata.data!.query.hits).toEqual([{ id: 'r2', metadata: { n: 2 } }]);
  });
});
