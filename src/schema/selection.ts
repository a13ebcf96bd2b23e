/**
 * Which fields of a result the client selected (through aliases, fragments and @skip/@include), so
 * values and metadata are fetched from the backend only when asked for.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { type FieldsByTypeName, parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/** Names of the fields selected on `typeName` under the list field `child` of the current field. */
export function selectedSubfields(info: GraphQLResolveInfo, child: string, typeName: string): Set<string> {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  const names = new Set<string>();
  for (const childTree of fieldsOf(tree?.fieldsByTypeName)) {
    if (childTree.name !== child) continue;
    for (const leaf of Object.values(childTree.fieldsByTypeName[typeName] ?? {})) names.add(leaf.name);
  }
  return names;
}

function fieldsOf(byType: FieldsByTypeName | undefined): ResolveTree[] {
  return byType ? Object.values(byType).flatMap((fields) => Object.values(fields)) : [];
}
