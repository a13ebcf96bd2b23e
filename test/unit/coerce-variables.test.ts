/**
 * The fast variable coercion (src/execution/coerce-variables.ts) against graphql-js on the API's
 * own input types: the same coerced value for whatever graphql-js accepts that it takes, and
 * FALLBACK (graphql-js then reports the error) for whatever graphql-js rejects.
 */
import { coerceInputValue, type GraphQLInputType, parseType, typeFromAST } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coerceVariable, FALLBACK } from '../../src/execution/coerce-variables.js';
import { schema } from '../../src/schema/index.js';

const type = (text: string) => typeFromAST(schema, parseType(text) as never) as GraphQLInputType;

function graphqlJs(value: unknown, t: GraphQLInputType): unknown {
  let failed = false;
  const coerced = coerceInputValue(value, t, () => {
    failed = true;
  });
  return failed ? FALLBACK : coerced;
}

const VALID: [string, unknown][] = [
  ['[Float!]', [0.5, -1, 3, 1e-7]],
  ['[Float!]', null],
  ['[Float!]!', []],
  ['Int!', 10],
  ['ID', 12],
  ['ID!', 'abc'],
  ['JSONObject', { genre: { $in: ['a', 'b'] } }],
  [
    '[VectorInput!]!',
    [
      { id: 'a', values: [1, 2], metadata: { n: 1 } },
      { id: 7, values: [0.1], sparseValues: null },
    ],
  ],
  ['SparseValuesInput', { indices: [1, 5], values: [0.5, 0.25] }],
  ['[ID!]', ['t1', 2]],
];

const INVALID: [string, unknown][] = [
  ['[Float!]', [1, 'x']],
  ['[Float!]', [1, null]],
  ['[Float!]', [Number.NaN]],
  ['Int!', null],
  ['Int!', 1.5],
  ['Int!', 2 ** 40],
  ['ID', true],
  ['JSONObject', [1]],
  ['[VectorInput!]!', [{ id: 'a', values: [1], colour: 'red' }]],
  ['[VectorInput!]!', [{ values: [1] }]],
  ['[VectorInput!]!', [{ id: 'a', values: [1], metadata: 'text' }]],
  ['[VectorInput!]!', ['a']],
  ['SparseValuesInput', { indices: [1.5], values: [1] }],
];

describe('coerceVariable', () => {
  it.each(VALID)('coerces a valid %s exactly as graphql-js', (text, value) => {
    const t = type(text);
    const want = graphqlJs(value, t);
    expect(want).not.toBe(FALLBACK);
    expect(coerceVariable(value, t)).toEqual(want);
  });

  it.each(INVALID)('leaves an invalid %s to graphql-js', (text, value) => {
    const t = type(text);
    expect(graphqlJs(value, t)).toBe(FALLBACK);
    expect(coerceVariable(value, t)).toBe(FALLBACK);
  });
});
