/**
 * Float32 values as the shortest decimals that read back to the same float32 (0.6, not
 * 0.6000000238418579), the way Pinecone prints them; the result is the double nearest that decimal,
 * so JSON prints exactly those digits.
 *
 * Fast path (no strings): for a decimal exponent k, the candidates are floor(v·10^k) and the next
 * integer. Whether some decimal with last digit at 10^-k reads back to v only gets easier as k
 * grows, so the search starts at 7 significant digits (most float32s need 7 or 8) and walks k down
 * while a candidate is valid, or up until one is (9 digits always suffice for a float32). Among two
 * valid candidates the nearer wins (ties: even). Exponents beyond exact powers of ten
 * (|v| < 1e-13 or > 1e22) use toPrecision.
 */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const LOG10_2 = 0.3010299956639812;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

export function toShortestFloats(values: Float32Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = shortestFloat32(values[i]!);
  return out;
}

/** Where shortestDecimal puts its answer: the decimal n × 10^-k (n a signed integer, |n| < 10^9). */
export const decimal = { n: 0, k: 0 };

/** The shortest decimal (as a double) whose float32 rounding is `v` (itself a float32 value). */
export function shortestFloat32(v: number): number {
  if (v === 0) return 0;
  if (!Number.isFinite(v)) return v;
  if (!shortestDecimal(v)) return slowShortest(v);
  const { n, k } = decimal;
  return k >= 0 ? n / POW10[k]! : n * POW10[-k]!;
}

/**
 * Sets `decimal` to the shortest decimal that reads back to the finite, non-zero float32 `v`;
 * false (and `decimal` unset) where the fast path does not reach (|v| < 1e-13 or > 1e22 or so).
 * Writers of text (serialize/json-floats.ts) print n and k directly, with no double in between.
 */
export function shortestDecimal(v: number): boolean {
  // floor(log10 |v|) from the binary exponent: exact or one too low (then we start a digit higher).
  bits[0] = v;
  const high = words[1]!;
  const e = Math.floor((((high >>> 20) & 0x7ff) - 1023) * LOG10_2);
  // Only at a power of two is the interval reading back to v lopsided (half as wide below), so only
  // there can the farther decimal neighbour read back when the nearer does not.
  const lopsided = words[0] === 0 && (high & 0xfffff) === 0;
  // Most float32s need 7 or 8 digits: try 7, then walk down while valid or up until valid.
  let k = 6 - e;
  if (k > 20 || k < -21) return false;
  let best = nearest(v, k, lopsided);
  if (Number.isNaN(best)) {
    for (let up = 1; up <= 3; up++) {
      best = nearest(v, k + up, lopsided);
      if (!Number.isNaN(best)) return found(best, k + up);
    }
    return false;
  }
  for (;;) {
    if (k - 1 < -22) return found(best, k);
    const c = nearest(v, k - 1, lopsided);
    if (Number.isNaN(c)) return found(best, k);
    best = c;
    k--;
  }
}

function found(n: number, k: number): true {
  decimal.n = n;
  decimal.k = k;
  return true;
}

/**
 * The integer n for which n × 10^-k is the decimal with last digit at 10^-k nearest to v that
 * reads back to v as a float32 (ties to the even digit; the other neighbour too when `lopsided`);
 * NaN when none does. |k| ≤ 22. An integer below 2^53 divided (multiplied) by an exact power of
 * ten is the correctly rounded double of that decimal, the same double `Number("…e-k")` gives.
 */
function nearest(v: number, k: number, lopsided: boolean): number {
  const up = k >= 0;
  const s = POW10[up ? k : -k]!;
  const x = up ? v * s : v / s;
  let n = Math.round(x);
  if (n - x === 0.5 && n % 2 !== 0) n--; // exact tie: even first
  if (n !== 0 && Math.fround(up ? n / s : n * s) === v) return n;
  if (!lopsided && n - x !== 0.5 && x - n !== 0.5) return Number.NaN;
  n = x < n ? n - 1 : n + 1;
  return n !== 0 && Math.fround(up ? n / s : n * s) === v ? n : Number.NaN;
}

function slowShortest(v: number): number {
  for (let p = 1; p < 9; p++) {
    const s = Number(v.toPrecision(p));
    if (Math.fround(s) === v) return s;
  }
  return Number(v.toPrecision(9));
}
