/**
 * Counts read units wherever they are spent (query, fetch: also the DataLoader-batched fetches of
 * `vector(s)` and admin fan-outs) without touching resolvers: the repository is wrapped so every
 * store adds its reported usage to the accumulator of the request running in the current async
 * context. The metering plugin opens that context around execution.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NamespaceStore, VectorRepository } from '../repository/types.js';

export interface RequestUsage {
  readUnits: number;
}

export const currentUsage = new AsyncLocalStorage<RequestUsage>();

function add(usage: { readUnits: number } | undefined): void {
  const acc = currentUsage.getStore();
  if (acc && usage) acc.readUnits += usage.readUnits;
}

/** A view of `target` with some methods replaced; every other member is the original's, bound to it. */
function overlay<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof T];
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

function meteredStore(store: NamespaceStore): NamespaceStore {
  return overlay(store, {
    query: async (input) => {
      const result = await store.query(input);
      add(result.usage);
      return result;
    },
    fetch: async (ids) => {
      const result = await store.fetch(ids);
      add(result.usage);
      return result;
    },
  });
}

/** The same repository, with stores that report read units to the current request. */
export function meteredRepository(repository: VectorRepository): VectorRepository {
  return overlay(repository, {
    store: (index, namespace) => meteredStore(repository.store(index, namespace)),
  });
}
