/**
 * The float-list serialiser (src/serialize/json-floats.ts) against JSON.stringify: every value it
 * writes parses back to exactly the value JSON.stringify's text parses to, for numbers of every
 * shape and for float32s written straight from their bits.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/lib-vectors.js';
import { toShortestFloats } from '../../src/engine/shortest-floats.js';
import { floatListJson, stringifyWithFloatLists } from '../../src/serialize/json-floats.js';

const random = mulberry32(42);
const EDGES = [
  0,
  -0,
  1,
  -1,
  0.1,
  0.3,
  0.6,
  -2.5,
  100,
  123.456,
  1e-7,
  1.5e-10,
  0.000001,
  5e-324,
  2.2250738585072014e-308,
  1.7976931348623157e308,
  1e21,
  1e16,
  2 ** 31,
  2 ** 31 - 1,
  2 ** 53,
  2 ** 53 - 1,
  2 ** 53 + 2,
  1.2345678901234568e17,
  -1.2345678901234567e-6,
];

function randomDoubles(n: number): number[] {
  return Array.from({ length: n }, () => (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20));
}

/** Bit patterns across the whole float32 range: subnormals, powers of two, the largest finite. */
function randomFloat32s(n: number): Float32Array {
  const bits = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    bits[i] = Math.floor(random() * 2 ** 32);
    if ((bits[i]! & 0x7f800000) === 0x7f800000) bits[i]! ^= 0x00800000; // no NaN or infinity
    if (i % 7 === 0) bits[i]! &= 0xff800000; // a power of two (the lopsided case)
  }
  return new Float32Array(bits.buffer);
}

const same = (a: number, b: number) => a === b || (a === 0 && b === 0);

describe('floatListJson', () => {
  it('writes numbers that parse back to what JSON.stringify writes', () => {
    for (const list of [
      EDGES,
      EDGES.map((x) => -x),
      randomDoubles(5000),
      toShortestFloats(randomFloat32s(5000)),
    ]) {
      const got = JSON.parse(floatListJson(list)) as number[];
      const want = JSON.parse(JSON.stringify(list)) as number[];
      expect(got).toHaveLength(want.length);
      for (let i = 0; i < want.length; i++)
        if (!same(got[i]!, want[i]!)) expect([i, got[i]]).toEqual([i, want[i]]);
    }
  });

  it('writes float32s as their shortest decimals, the digits toShortestFloats gives', () => {
    const f32 = randomFloat32s(20_000);
    f32.set([0.6, -0.6, 1e-40, 3.4028234663852886e38, 16777217, 1e-45, -0], 0);
    const got = JSON.parse(floatListJson(f32)) as number[];
    const want = toShortestFloats(f32);
    for (let i = 0; i < want.length; i++)
      if (!same(got[i]!, want[i]!)) expect([i, got[i]]).toEqual([i, want[i]]);
    expect(floatListJson(Float32Array.of(0.6, 1, 0.1))).toBe('[0.6,1,0.1]');
    // One at a time too: a number longer than the room reserved for it would be cut off.
    const huge = Float32Array.of(
      1.2345678e27,
      -3.4028234663852886e38,
      1e21,
      1e20,
      123456789,
      1e-45,
      -1.1754942e-38,
    );
    for (const x of [...huge, ...f32.subarray(0, 2000)]) {
      expect(JSON.parse(floatListJson(Float32Array.of(x)))).toEqual(toShortestFloats(Float32Array.of(x)));
    }
    for (const x of [...EDGES, ...randomDoubles(2000)])
      expect(same(JSON.parse(floatListJson([x]))[0], x)).toBe(true);
  });
});

describe('stringifyWithFloatLists', () => {
  it('equals JSON.stringify around the lists, with keys, strings and errors as they are', () => {
    const values = toShortestFloats(randomFloat32s(100));
    const float32 = randomFloat32s(50);
    const result = {
      data: {
        query: {
          matches: [
            { id: 'a "quoted" ✓ id', score: 0.5, values, metadata: { tag: 'ünïcode 🚀' } },
            { id: 'b', score: -1, values: float32, skipped: undefined },
          ],
        },
      },
      errors: [{ message: 'boom', path: ['other'], extensions: { code: 'BAD_USER_INPUT' } }],
    };
    const lists = [
      { path: ['query', 'matches', 0, 'values'], values },
      { path: ['query', 'matches', 1, 'values'], values: float32 },
    ];
    const bytes = stringifyWithFloatLists(result, lists);
    const expected = structuredClone({
      ...result,
      data: { query: { matches: [...result.data.query.matches] } },
    });
    expected.data.query.matches[1] = { id: 'b', score: -1, values: toShortestFloats(float32) } as never;
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});
