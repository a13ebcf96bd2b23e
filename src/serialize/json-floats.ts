/**
 * JSON of an execution result whose long float lists sit at known paths (float-lists.ts), as UTF-8
 * bytes: the lists by the number writers of json-numbers.ts, everything else by JSON.stringify.
 * Bytes, not a string, so megabytes of digits are not decoded and encoded again on the way out.
 *
 * Contract: JSON.parse of the output equals JSON.parse(JSON.stringify(result)) with each float32
 * list read as toShortestFloats of it. The text of a number may differ; its value never does.
 */
import { MAX_NUMBER_JSON_CHARS } from '../engine/limits.js';
import { writeFloat32, writeNumber } from './json-numbers.js';

/** A list to write: numbers, or float32s as stored (written as their shortest decimals). */
export type FloatList = readonly number[] | Float32Array;
/** A response path under `data`. */
export type Path = readonly (string | number)[];
/** A float list and where it sits in the result. */
export interface PlacedList {
  path: Path;
  values: FloatList;
}

type Trie = Map<string, Trie | null>;
const TYPICAL_NUMBER_CHARS = 14;

/** Bytes of JSON being written: grows as needed. */
class Out {
  b: Buffer;
  p = 0;
  constructor(capacity: number) {
    this.b = Buffer.allocUnsafe(capacity);
  }
  reserve(bytes: number): Buffer {
    if (this.p + bytes > this.b.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.p + bytes, this.b.length * 2));
      this.b.copy(grown, 0, 0, this.p);
      this.b = grown;
    }
    return this.b;
  }
  text(s: string): void {
    this.reserve(s.length * 3); // UTF-8: at most 3 bytes per UTF-16 unit
    this.p += this.b.write(s, this.p, 'utf8');
  }
  byte(c: number): void {
    this.reserve(1)[this.p++] = c;
  }
}

/** The most bytes a list of `length` numbers can take: each at its longest, a comma, brackets. */
const listBound = (length: number) => length * (MAX_NUMBER_JSON_CHARS + 1) + 2;

function writeList(out: Out, values: FloatList): void {
  const b = out.reserve(listBound(values.length));
  const float32 = values instanceof Float32Array;
  let p = out.p;
  b[p++] = 0x5b;
  for (let i = 0; i < values.length; i++) {
    if (i > 0) b[p++] = 0x2c;
    p = float32 ? writeFloat32(b, p, values[i]!) : writeNumber(b, p, values[i]!);
  }
  b[p++] = 0x5d;
  out.p = p;
}

/** `values` (finite numbers, or float32s) as a JSON array. */
export function floatListJson(values: FloatList): string {
  const out = new Out(listBound(values.length));
  writeList(out, values);
  return out.b.toString('latin1', 0, out.p);
}

function trieOf(paths: readonly Path[]): Trie {
  const root: Trie = new Map();
  for (const path of paths) {
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const key = String(path[i]);
      let next = node.get(key);
      if (!next) {
        next = new Map();
        node.set(key, next);
      }
      node = next;
    }
    node.set(String(path[path.length - 1]), null);
  }
  return root;
}

function write(out: Out, value: unknown, trie: Trie | null): void {
  if (trie === null && (Array.isArray(value) || value instanceof Float32Array)) {
    writeList(out, value);
    return;
  }
  if (trie === null || value === null || typeof value !== 'object' || 'toJSON' in value) {
    out.text(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.byte(0x5b);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.byte(0x2c);
      const sub = trie.get(String(i));
      if (sub === undefined) out.text(JSON.stringify(value[i]) ?? 'null');
      else write(out, value[i], sub);
    }
    out.byte(0x5d);
    return;
  }
  out.byte(0x7b);
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const sub = trie.get(key);
    const json = sub === undefined ? JSON.stringify(item) : item === undefined ? undefined : '';
    if (json === undefined) continue; // as JSON.stringify: undefined and functions are left out
    out.text(`${first ? '' : ','}${JSON.stringify(key)}:${json}`);
    first = false;
    if (sub !== undefined) write(out, item, sub);
  }
  out.byte(0x7d);
}

/**
 * UTF-8 JSON of `result`, whose `data` holds float lists at `paths` (response paths under data).
 * Bytes, not a string: a response body of megabytes of digits is not decoded and encoded again.
 */
export function stringifyWithFloatLists(result: object, lists: readonly PlacedList[]): Buffer {
  // Sized for typical numbers (a float32 takes ~11 characters); a list of longer ones grows it.
  let capacity = 64 * 1024;
  for (const { values } of lists) capacity += values.length * TYPICAL_NUMBER_CHARS;
  const out = new Out(capacity);
  write(out, result, trieOf(lists.map(({ path }) => ['data', ...path])));
  // The body lives until the client has read it: do not hold on to much unused room.
  return out.b.length > out.p * 1.25 ? Buffer.from(out.b.subarray(0, out.p)) : out.b.subarray(0, out.p);
}
