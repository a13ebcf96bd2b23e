/** Picks the index a request names, or the default one. */
import type { IndexConfig } from '../config.js';
import { badInput } from '../errors.js';

export interface IndexCatalog {
  indexes: IndexConfig[];
  defaultIndex?: string;
}

export function resolveIndex(catalog: IndexCatalog, name: string | null | undefined): IndexConfig {
  const configured = catalog.indexes.map((i) => i.name).join(', ');
  const wanted = name ?? catalog.defaultIndex;
  if (wanted === undefined) {
    throw badInput(
      'index',
      `is required: several indexes are configured (${configured}) and none is the default`,
    );
  }
  const index = catalog.indexes.find((i) => i.name === wanted);
  if (!index) throw badInput('index', `unknown index "${wanted}"; configured: ${configured}`);
  return index;
}
