/**
 * Namespace names. A NamespaceRef can only be made here: the repository accepts nothing else, so a
 * resolver cannot aim a store at a namespace of its choosing (test/types/namespace-brand.ts proves
 * that a plain string does not compile).
 */
declare const brand: unique symbol;

export interface NamespaceRef {
  readonly name: string;
  readonly [brand]: 'NamespaceRef';
}

const ref = (name: string) => ({ name }) as NamespaceRef;

/** namespace tenancy: one namespace per tenant, named after the tenant id. */
export const tenantNamespace = (tenantId: string): NamespaceRef => ref(tenantId);

/** metadata tenancy: every tenant's records share Pinecone's default namespace. */
export const SHARED_NAMESPACE = '__default__';
export const sharedNamespace = (): NamespaceRef => ref(SHARED_NAMESPACE);
