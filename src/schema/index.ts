/** The schema: every domain file registers its types and fields on the builder. */
import './principal.js';
import './vector.js';
import './search.js';
import './write.js';
import './namespace.js';
import './tenant.js';
import './usage.js';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';

export const schema = builder.toSchema();

/** The SDL as committed in schema/schema.graphql (sorted, so diffs are stable). */
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;
