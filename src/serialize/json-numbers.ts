/**
 * Number writers for JSON text (json-floats.ts): finite doubles, and float32s straight from their
 * bits as their shortest decimals (engine/shortest-floats.ts), written digit by digit into a byte
 * buffer. JSON.stringify spends ~90-130 ns on each non-integer double (a general shortest-digits
 * search); these know the digits are few.
 *
 * Contract: JSON.parse of what they write is the number JSON.stringify's text parses to (for a
 * float32, the number toShortestFloats gives). The text may differ (0.0000001 for 1e-7).
 */
import { decimal, shortestDecimal, shortestFloat32 } from '../engine/shortest-floats.js';

const POW10 = Array.from({ length: 18 }, (_, i) => 10 ** i);
const SAFE = 2 ** 53;
const INT_LIMIT = 2 ** 31;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;

/** "00", "01", ... "99" as character codes: two digits per division. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = ZERO + Math.floor(i / 10);
  PAIRS[2 * i + 1] = ZERO + (i % 10);
}

/** Writes float32 `v` (finite) as the shortest decimal that reads back to it, as toShortestFloats. */
export function writeFloat32(b: Buffer, p: number, v: number): number {
  if (v === 0) {
    b[p] = ZERO;
    return p + 1;
  }
  // |v| ≥ 1e7 (k < 0) is rare in vectors; JSON.stringify's text of the double is as short, and
  // switches to an exponent from 1e21 on.
  if (!shortestDecimal(v) || decimal.k < 0) return p + b.write(String(shortestFloat32(v)), p, 'latin1');
  let n = decimal.n;
  const k = decimal.k;
  if (n < 0) {
    b[p++] = MINUS;
    n = -n;
  }
  return writeDecimal(b, p, n, k);
}

const LOG10_2 = 0.3010299956639812;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** 10^x for x in -TENS_OFFSET..22, for comparisons only (negative powers are not exact). */
const TENS_OFFSET = 40;
const TENS = Array.from({ length: TENS_OFFSET + 23 }, (_, i) => 10 ** (i - TENS_OFFSET));

/**
 * Writes finite `d` at `p`, returns the end. An integer below 2^53 is written as is. Otherwise,
 * with e ≈ floor(log10 |d|), n = round(|d|·10^k) for k = 8 − e (9 significant digits: every
 * shortest float32, as the engine returns them), then k = 15 − e (16): if n < 2^53 and
 * n / 10^k === |d|, the decimal n·10^-k parses back to exactly d (n and 10^k are exact doubles and
 * division rounds correctly). Trailing zeros are dropped, so it is also the shortest such decimal.
 * Anything else (17 significant digits, |d| < 1e-9 or so) falls back to String(d).
 */
export function writeNumber(b: Buffer, p: number, d: number): number {
  if (d === 0) {
    b[p] = ZERO; // also -0, as JSON.stringify
    return p + 1;
  }
  let a = d;
  if (d < 0) {
    b[p++] = MINUS;
    a = -d;
  }
  if (a < SAFE && Math.floor(a) === a) return writeDecimal(b, p, a, 0);
  const e = floorLog10(a);
  let k = decimalsFor(a, 8 - e);
  if (k < 0) k = decimalsFor(a, 15 - e);
  if (k < 0) return p + b.write(String(a), p, 'latin1');
  return writeDecimal(b, p, Math.round(a * POW10[k]!), k);
}

/** Writes n × 10^-k (integers, 0 ≤ n < 2^53, 0 ≤ k < 18) at `p` without trailing zeros. */
function writeDecimal(b: Buffer, p: number, n: number, k: number): number {
  if (n >= INT_LIMIT) return writeLarge(b, p, n, k);
  // Integer arithmetic from here (n fits 31 bits, as nearly always): double % and floor cost 10×.
  let m = n | 0;
  while (k > 0 && m % 10 === 0) {
    m = (m / 10) | 0;
    k--;
  }
  const len = digitCount(m);
  const end = p + (len <= k ? k + 2 : k > 0 ? len + 1 : len);
  let i = end;
  let f = k;
  for (; f >= 2; f -= 2) {
    const q = (m / 100) | 0;
    const r = (m - q * 100) << 1;
    b[--i] = PAIRS[r + 1]!;
    b[--i] = PAIRS[r]!;
    m = q;
  }
  if (f === 1) {
    const q = (m / 10) | 0;
    b[--i] = ZERO + m - q * 10;
    m = q;
  }
  if (k > 0) b[--i] = DOT;
  while (i - p >= 2) {
    const q = (m / 100) | 0;
    const r = (m - q * 100) << 1;
    b[--i] = PAIRS[r + 1]!;
    b[--i] = PAIRS[r]!;
    m = q;
  }
  if (i > p) b[--i] = ZERO + m;
  return end;
}

/** Decimal digits of 0 ≤ m < 2^31. */
function digitCount(m: number): number {
  if (m < 100_000) return m < 100 ? (m < 10 ? 1 : 2) : m < 1000 ? 3 : m < 10_000 ? 4 : 5;
  return m < 10_000_000 ? (m < 1_000_000 ? 6 : 7) : m < 100_000_000 ? 8 : m < 1_000_000_000 ? 9 : 10;
}

/** writeDecimal's tail for n ≥ 2^31 (doubles arithmetic, exact below 2^53). */
function writeLarge(b: Buffer, p: number, n: number, k: number): number {
  while (k > 0 && n % 10 === 0) {
    n /= 10;
    k--;
  }
  const text = k === 0 ? String(n) : String(n).padStart(k + 1, '0');
  const cut = text.length - k;
  const out = k === 0 ? text : `${text.slice(0, cut)}.${text.slice(cut)}`;
  return p + b.write(out, p, 'latin1');
}

/** floor(log10 a) for finite a > 0: from its binary exponent (exact or one too low), then fixed up. */
function floorLog10(a: number): number {
  bits[0] = a;
  const e = Math.floor((((words[1]! >>> 20) & 0x7ff) - 1023) * LOG10_2);
  const next = TENS[e + 1 + TENS_OFFSET];
  return next !== undefined && a >= next ? e + 1 : e;
}

/** k when round(a·10^k) / 10^k is exactly a (with k in 1..17 and the integer below 2^53), else -1. */
function decimalsFor(a: number, k: number): number {
  if (k < 1) k = 1;
  if (k >= POW10.length) return -1;
  const scale = POW10[k]!;
  const n = Math.round(a * scale);
  return n < SAFE && n / scale === a ? k : -1;
}
