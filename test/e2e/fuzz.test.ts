/**
 * Fuzzing over real HTTP: a few thousand generated malformed requests (random JSON, wrong types,
 * huge numbers, deep nesting, long strings, odd unicode, invalid UTF-8, wrong content types and
 * methods). Never a 5xx, never a crash, always a coded error (never INTERNAL_SERVER_ERROR), and no
 * data changed. Seeded, so a failure replays: FUZZ_SEED=<n>.
 */
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/lib-vectors.js';
import { startServer, type TestServer } from '../testkit/server.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_6);
const COUNT = 3000;

type Rand = ReturnType<typeof mulberry32>;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const ODD = [
  '\u0000',
  '\u202e',
  '\ud83d\ude00',
  '\ud800',
  '\ufeff',
  'ß',
  '\u0301',
  '"',
  '\\',
  '{',
  '$',
  '\n',
];
const oddString = (r: Rand, max = 40) =>
  Array.from({ length: Math.floor(r() * max) }, () =>
    r() < 0.5 ? pick(r, ODD) : String.fromCharCode(32 + Math.floor(r() * 95)),
  ).join('');
const hugeNumber = (r: Rand) => pick(r, [1e308, -1e308, 2 ** 53 + 1, -0, 1e-320, 1.2345678901234568e29, 0.1]);

function randomJson(r: Rand, depth = 0): unknown {
  const k = r();
  if (depth > 4 || k < 0.3)
    return pick(r, [null, true, false, hugeNumber(r), oddString(r), Math.floor(r() * 100)]);
  if (k < 0.6) return Array.from({ length: Math.floor(r() * 4) }, () => randomJson(r, depth + 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(r() * 4) }, () => [
      pick(r, ['query', 'variables', 'operationName', 'extensions', oddString(r, 6)]),
      randomJson(r, depth + 1),
    ]),
  );
}

const deepFilter = (n: number): unknown => (n === 0 ? { a: { $eq: 1 } } : { $and: [deepFilter(n - 1)] });
const badVector = (r: Rand) =>
  pick(r, [
    '"x"',
    '[1,2]',
    `[${Array(8).fill('1e400').join(',')}]`,
    '[null,1,1,1,1,1,1,1]',
    `[${Array(9).fill(1).join(',')}]`,
    '[true]',
    '{}',
  ]);

/** GraphQL-shaped requests that are wrong in one way; writes always carry an invalid part. */
function badOperation(r: Rand): { query: unknown; variables?: unknown } {
  switch (Math.floor(r() * 10)) {
    case 0:
      return {
        query: `mutation { upsertVectors(vectors: [{id: "a", values: ${badVector(r)}}]) { upsertedCount } }`,
      };
    case 1:
      return {
        query: 'mutation($v: [VectorInput!]!) { upsertVectors(vectors: $v) { upsertedCount } }',
        variables: {
          v: [
            {
              id: oddString(r, 600) || '',
              values: pick(r, [[1], 'x', null, [1, 2, 3, 4, 5, 6, 7, Number.NaN]]),
              metadata: randomJson(r),
            },
          ],
        },
      };
    case 2:
      return {
        query: `{ query(vector: [1,2,3,4,5,6,7,8], topK: ${pick(r, ['-1', '0', '1e308', '99999999999', '"3"', 'null'])}) { matches { id } } }`,
      };
    case 3:
      return {
        query:
          'query($f: JSONObject) { query(vector: [1,2,3,4,5,6,7,8], topK: 1, filter: $f) { matches { id } } }',
        variables: {
          f: pick(r, [
            deepFilter(200),
            { $where: 'x' },
            { a: { $in: 'x' } },
            [randomJson(r)],
            `${oddString(r)}!`,
          ]),
        },
      };
    case 4:
      return { query: `{${'{'.repeat(1 + Math.floor(r() * 3000))}` };
    case 5:
      return { query: `{ me { ${'tenantId '.repeat(10_001 + Math.floor(r() * 10_000))} } }` };
    case 6:
      return { query: oddString(r, 200) };
    case 7:
      return { query: 'mutation { deleteVectors(ids: []) { deletedCount } }' };
    case 8:
      return {
        query: `mutation { updateVector(id: "${pick(r, ['', 'x'.repeat(600), 'a'])}", values: ${badVector(r)}) { id } }`,
      };
    default:
      return { query: `{ vectors(ids: ${pick(r, ['{a: 1}', '[1.5]', '[]', 'null'])}) { id } }` };
  }
}

/** Percent-encodes every UTF-8 byte (lone surrogates included, which encodeURIComponent refuses). */
const pct = (text: string) =>
  [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

interface Req {
  method: string;
  contentType?: string;
  body?: Buffer;
  auth: boolean;
  path: string;
}

function generate(r: Rand): Req {
  const k = r();
  const json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'null');
  if (k < 0.25)
    return {
      method: 'POST',
      contentType: 'application/json',
      body: json(randomJson(r)),
      auth: r() < 0.8,
      path: '/graphql',
    };
  if (k < 0.7)
    return {
      method: 'POST',
      contentType: 'application/json',
      body: json(badOperation(r)),
      auth: r() < 0.95,
      path: '/graphql',
    };
  if (k < 0.8) {
    // A write that is invalid whatever byte is broken (the bad vector stays bad).
    const text = JSON.stringify({
      query: `mutation { upsertVectors(vectors: [{id: "a", values: ${badVector(r)}}]) { upsertedCount } }`,
    });
    const bytes = Buffer.from(text);
    bytes[Math.floor(r() * bytes.length)] = pick(r, [0xff, 0xc3, 0x80, 0xfe, 0xed]);
    return { method: 'POST', contentType: 'application/json', body: bytes, auth: true, path: '/graphql' };
  }
  if (k < 0.9)
    return {
      method: 'POST',
      contentType: pick(r, [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/graphql',
        'application/json; charset=latin1',
      ]),
      body: Buffer.from(oddString(r, 200)),
      auth: true,
      path: '/graphql',
    };
  if (k < 0.95)
    return {
      method: pick(r, ['PUT', 'DELETE', 'PATCH', 'GET']),
      path: `/graphql?query=${pct(oddString(r, 50))}&variables=${pct(oddString(r, 20))}${pick(r, ['', '%ZZ', '%', '&query=x'])}`,
      auth: true,
    };
  return { method: 'POST', body: json(badOperation(r)), auth: true, path: '/graphql' };
}

describe('fuzzing', () => {
  let s: TestServer;
  let token: string;
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const snapshot = async () =>
    s.gql(token, '{ namespaceStats { recordCount } vectors(ids: ["f1","f2","f3"]) { id values metadata } }');

  beforeAll(async () => {
    s = await startServer({
      RATE_LIMITS: '{"default":{"requestsPerSecond":1e6,"writeUnitsPerSecond":1e9,"concurrency":1000}}',
    });
    token = await s.token('fuzz');
    const seeded = await s.gql(
      token,
      `mutation { upsertVectors(vectors: [${[1, 2, 3].map((i) => `{id: "f${i}", values: [${i},1,1,1,1,1,1,1], metadata: {n: ${i}}}`).join(',')}]) { upsertedCount } }`,
    );
    expect(seeded.data).toEqual({ upsertVectors: { upsertedCount: 3 } });
  });
  afterAll(async () => {
    agent.destroy();
    await s.close();
  });

  it(`answers ${COUNT} malformed requests with coded 4xx errors and changes nothing`, async () => {
    const before = await snapshot();
    const url = new URL(s.url);
    const r = mulberry32(SEED);
    const requests = Array.from({ length: COUNT }, () => generate(r));
    const failures: string[] = [];
    const send = (q: Req) =>
      new Promise<void>((resolve) => {
        const headers: Record<string, string> = {};
        if (q.contentType) headers['content-type'] = q.contentType;
        if (q.auth) headers.authorization = `Bearer ${token}`;
        const req = request(
          { host: url.hostname, port: url.port, method: q.method, path: q.path, headers, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              const status = res.statusCode ?? 0;
              let body: { errors?: { extensions?: { code?: unknown } }[] } | undefined;
              try {
                body = JSON.parse(text);
              } catch {
                // checked below
              }
              const errors = Array.isArray(body)
                ? body.flatMap((b) => b?.errors ?? [])
                : (body?.errors ?? []);
              const bad =
                status >= 500 ||
                !body ||
                errors.length === 0 ||
                errors.some(
                  (e: { extensions?: { code?: unknown } }) =>
                    typeof e.extensions?.code !== 'string' || e.extensions.code === 'INTERNAL_SERVER_ERROR',
                );
              if (bad)
                failures.push(
                  `${q.method} ${q.contentType} ${q.body?.toString().slice(0, 200)} -> ${status} ${text.slice(0, 300)}`,
                );
              resolve();
            });
          },
        );
        req.on('error', (e) => {
          failures.push(`transport error ${e.message} for ${q.method} ${q.body?.toString().slice(0, 100)}`);
          resolve();
        });
        req.end(q.body);
      });
    for (let i = 0; i < requests.length; i += 32) await Promise.all(requests.slice(i, i + 32).map(send));

    expect(failures.slice(0, 5)).toEqual([]);
    expect((await fetch(`${url.origin}/health`)).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
