/**
 * Values print as the shortest decimals that read back (through a double, as a JSON client does)
 * to the same float32. The reference below searches every decimal exponent with exact BigInt
 * arithmetic, so it finds the shortest even where the nearest decimal at a length does not read
 * back (just below powers of two) and where the fast path falls back to toPrecision.
 */
import { describe, expect, it } from 'vitest';
import { shortestFloat32, toShortestFloats } from '../../src/engine/shortest-floats.js';

/** Shortest valid decimal for float32 `v` (nearer of two, ties even), as a double; exact search. */
function reference(v: number): number {
  if (v === 0) return 0;
  const bits = new Uint32Array(new Float32Array([Math.abs(v)]).buffer)[0]!;
  const exp = (bits >>> 23) & 0xff;
  const M = BigInt(exp === 0 ? (bits & 0x7fffff) * 2 : (bits & 0x7fffff) | 0x800000);
  const E = exp === 0 ? -150 : exp - 150;
  const sign = v < 0 ? -1 : 1;
  for (let k = -40; k <= 50; k++) {
    let num = M;
    let den = 1n;
    if (k >= 0) num *= 10n ** BigInt(k);
    else den *= 10n ** BigInt(-k);
    if (E >= 0) num *= 2n ** BigInt(E);
    else den *= 2n ** BigInt(-E);
    const n = num / den;
    const valid = (m: bigint) => m > 0n && Math.fround(sign * Number(`${m}e${-k}`)) === v;
    const lo = valid(n);
    const hi = valid(n + 1n);
    if (!lo && !hi) continue;
    let m = lo ? n : n + 1n;
    if (lo && hi) {
      const dLo = num - n * den;
      const dHi = (n + 1n) * den - num;
      m = dLo < dHi ? n : dHi < dLo ? n + 1n : n % 2n === 0n ? n : n + 1n;
    }
    return sign * Number(`${m}e${-k}`);
  }
  throw new Error(`no decimal for ${v}`);
}

const digits = (x: number) => x.toExponential().split('e')[0]!.replace('.', '').replace('-', '').length;

describe('shortest float32 decimals', () => {
  const table = [
    0.6,
    -0.6,
    0.1,
    0.5,
    1,
    2,
    3,
    1 / 3,
    2 / 3,
    0.3,
    0.7,
    100,
    1e-10,
    1e-7,
    123456789,
    16777216,
    16777217,
    0.25,
    1e21,
    3e22,
    4e22,
    1e30,
    3.4028234663852886e38,
    1.1754943508222875e-38,
    1.401298464324817e-45,
    2 ** -24,
    2 ** 30,
    2 ** 60,
    2 ** -60,
    0.123456789,
    9.999999,
    0.0009765625,
    1 - 2 ** -24,
    1 + 2 ** -23,
    8388608.5,
    33554430,
    4.2e-14,
    7.5e-13,
    -1e-5,
  ].map(Math.fround);
  let s = 12345;
  const random = Array.from({ length: 4000 }, (_, i) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    if (i % 2) return Math.fround(s / 2 ** 32 - 0.5);
    // Any finite float32 bit pattern.
    const bits = new Uint32Array([s]);
    const f = new Float32Array(bits.buffer)[0]!;
    return Number.isFinite(f) ? f : 1;
  });

  it('round-trips and is the shortest (nearest) decimal', () => {
    for (const v of [...table, ...random]) {
      const out = shortestFloat32(v);
      expect(Math.fround(out), `${v}`).toBe(v);
      const ref = reference(v);
      expect(digits(out), `digits of ${v}: ${out} vs ${ref}`).toBe(digits(ref));
      expect(out, `${v}`).toBe(ref);
    }
  });

  it('prints float32 0.6 as 0.6 and converts whole rows', () => {
    const row = new Float32Array([0.6, 0.1, -2.5, 0, 1e-20]);
    expect(JSON.stringify(toShortestFloats(row))).toBe('[0.6,0.1,-2.5,0,1e-20]');
  });
});
