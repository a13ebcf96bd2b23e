/** The one SchemaBuilder. It defines no types: each domain file under src/schema adds its own. */
import SchemaBuilder from '@pothos/core';
import { JSONObjectResolver } from 'graphql-scalars';
import type { Context } from '../context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: { JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> } };
  DefaultFieldNullability: false;
}>({ defaultFieldNullability: false });

builder.addScalarType('JSONObject', JSONObjectResolver, {
  description: 'A JSON object. Metadata: flat, with string, number, boolean or list-of-string values.',
});
builder.queryType({
  description: 'Reads. Every field is scoped to the caller: no argument names a namespace.',
});
builder.mutationType({ description: 'Writes, validated whole before anything is stored.' });
