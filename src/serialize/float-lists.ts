/**
 * Long float lists (the `values` of records and matches) kept out of graphql-js's completion: it
 * completes a list item by item (a path object, a scalar serialisation and a promise check per
 * float: ~55 ms for topK 1,000 × 768), which for a list of finite numbers does nothing but copy it.
 *
 * Contract: a resolver hands its list to `deferFloatList` and returns what it returns; when the
 * operation runs under the useFloatLists plugin, that is null, and the plugin puts the list back at
 * the same response path once execution is done (`restore`), before anything reads the result.
 * Every consumer of the result therefore sees the complete value (a list of float32s as stored, as
 * a Float32Array); the plugin also attaches the serialiser that writes these lists fast and prints
 * float32s as their shortest decimals (json-floats.ts). Lists that are short, or hold anything
 * but finite numbers (which the Float type must reject), take graphql-js's path as usual.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { toShortestFloats } from '../engine/shortest-floats.js';
import type { FloatList, PlacedList } from './json-floats.js';

/** Below this many values the ordinary completion is as cheap as deferring. */
export const MIN_DEFERRED_LENGTH = 16;

export class DeferredFloatLists {
  private readonly lists: PlacedList[] = [];

  get size(): number {
    return this.lists.length;
  }

  add(info: GraphQLResolveInfo, values: FloatList): void {
    const path: (string | number)[] = [];
    for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.push(p.key);
    this.lists.push({ path: path.reverse(), values });
  }

  /**
   * Writes each list into `data` at its path; returns those written. A path whose parent is gone
   * (nulled by an error below it) is skipped, as graphql-js would have dropped the list too.
   */
  restore(data: unknown): PlacedList[] {
    const restored: PlacedList[] = [];
    for (const list of this.lists) {
      const { path, values } = list;
      let node = data as Record<string | number, unknown> | null | undefined;
      for (let i = 0; i < path.length - 1 && node; i++) node = node[path[i]!] as typeof node;
      const key = path[path.length - 1]!;
      if (node && typeof node === 'object' && node[key] === null) {
        node[key] = values;
        restored.push(list);
      }
    }
    return restored;
  }
}

function allFinite(values: readonly unknown[] | Float32Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

/**
 * The value a `[Float!]` resolver returns for `values`: see the contract above. Float32s as stored
 * (the engine's `float32Values`) are deferred as they are, and written as their shortest decimals;
 * when they cannot be deferred they are converted here, as the engine would have.
 */
export function deferFloatList(
  ctx: { floatLists?: DeferredFloatLists },
  info: GraphQLResolveInfo,
  values: FloatList | null | undefined,
): readonly number[] | null {
  if (values == null) return null;
  const deferrable = ctx.floatLists && values.length >= MIN_DEFERRED_LENGTH && allFinite(values);
  if (!deferrable) return values instanceof Float32Array ? toShortestFloats(values) : values;
  ctx.floatLists!.add(info, values);
  return null;
}
