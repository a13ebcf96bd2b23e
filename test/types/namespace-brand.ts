/**
 * Compile-time proof of invariant 1 (checked by `npm run typecheck`, never executed): only the
 * tenancy module can name a namespace, so a resolver cannot aim a store anywhere else.
 */
import type { IndexSpec, VectorRepository } from '../../src/repository/types.js';

export function attempts(repo: VectorRepository, spec: IndexSpec): void {
  // @ts-expect-error a string is not a NamespaceRef
  repo.store(spec, 'tenant1');
  // @ts-expect-error neither is a look-alike object
  repo.store(spec, { name: 'tenant1' });
  // @ts-expect-error nor can offboarding be aimed by name
  void repo.deleteNamespace(spec, 'tenant1');
}
