/**
 * A bounded label for an operation: the name of its root field when it selects one (several
 * aliases of it count once), "multiple" for several, "none" when it did not parse. Root fields are
 * fixed by the schema, so metrics labelled with this cannot grow with client input (unlike
 * operationName, which the client chooses).
 */
import { type DocumentNode, getOperationAST, Kind } from 'graphql';

export function operationLabel(document: DocumentNode, operationName?: string | null): string {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 'none';
  const names = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    names.add(selection.kind === Kind.FIELD ? selection.name.value : 'fragment');
  }
  return names.size === 1 ? [...names][0]! : names.size === 0 ? 'none' : 'multiple';
}
