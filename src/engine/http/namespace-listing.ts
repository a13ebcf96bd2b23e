/**
 * Every namespace of an index: those the engine holds plus those created empty through the API
 * (kept in the catalog, since the engine only materialises a namespace on its first write).
 */
import type { LocalIndex } from '../engine.js';
import type { NamespaceInfo } from '../types.js';
import type { IndexCatalog } from './catalog.js';

const PAGE = 1000;

export async function allNamespaces(
  catalog: IndexCatalog,
  name: string,
  index: LocalIndex,
): Promise<NamespaceInfo[]> {
  const byName = new Map<string, NamespaceInfo>();
  let after: string | undefined;
  do {
    const page = await index.listNamespaces({ limit: PAGE, after });
    for (const ns of page.namespaces) byName.set(ns.name, ns);
    after = page.next;
  } while (after);
  for (const declared of catalog.get(name).namespaces) {
    if (!byName.has(declared)) byName.set(declared, { name: declared, recordCount: 0 });
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function namespaceExists(catalog: IndexCatalog, name: string, index: LocalIndex, ns: string) {
  return catalog.get(name).namespaces.includes(ns) || (await index.hasNamespace(ns));
}

/** One page of sorted names after an opaque token (the last name of the previous page, base64url). */
export function pageOfNames(sorted: string[], limit: number, token: string | undefined) {
  const after = token ? Buffer.from(token, 'base64url').toString('utf8') : undefined;
  const start = after === undefined ? 0 : sorted.findIndex((n) => n > after);
  const from = start === -1 ? sorted.length : start;
  const page = sorted.slice(from, from + limit);
  const more = from + limit < sorted.length;
  return { page, next: more ? Buffer.from(page[page.length - 1]!, 'utf8').toString('base64url') : undefined };
}
