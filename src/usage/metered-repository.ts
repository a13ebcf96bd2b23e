/**
 * Counts read units wherever they are spent (query, fetch: also the DataLoader-batched fetches of
 * `vector(s)` and admin fan-outs) without touching resolvers: each operation's context gets a view
 * of the repository whose stores add their reported usage to that operation's accumulator, which
 * the metering plugin records. Passed explicitly rather than through AsyncLocalStorage: on Node 20
 * the first AsyncLocalStorage.run turns on promise hooks for the whole process, a tax on every
 * promise of every request (and of the engine), metered or not.
 */
import type { NamespaceStore, VectorRepository } from '../repository/types.js';

export interface RequestUsage {
  readUnits: number;
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

function meteredStore(store: NamespaceStore, acc: RequestUsage): NamespaceStore {
  return overlay(store, {
    query: async (input) => {
      const result = await store.query(input);
      if (result.usage) acc.readUnits += result.usage.readUnits;
      return result;
    },
    fetch: async (ids) => {
      const result = await store.fetch(ids);
      if (result.usage) acc.readUnits += result.usage.readUnits;
      return result;
    },
  });
}

/** The same repository, with stores that add the read units they use to `acc`. */
export function meteredRepository(repository: VectorRepository, acc: RequestUsage): VectorRepository {
  return overlay(repository, {
    store: (index, namespace) => meteredStore(repository.store(index, namespace), acc),
  });
}
