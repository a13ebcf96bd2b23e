/**
 * Executes each operation with its variables already coerced by execution/coerce-variables.ts, so
 * the executor does not coerce them again item by item. The executor has no switch for that, so the
 * operation it runs declares each pre-coerced variable as `PreCoerced_`, a scalar that takes its
 * value as is and exists only in the schema handed to the executor: validation ran on the client's
 * document against the public schema, and arguments read a variable's value without coercing it.
 *
 * When any variable is one the fast path does not take (an invalid or missing required value among
 * them), the operation runs untouched, so every error is graphql-js's own.
 */
import {
  type DocumentNode,
  GraphQLScalarType,
  GraphQLSchema,
  getOperationAST,
  isInputType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
  valueFromAST,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { coerceVariable, FALLBACK } from '../execution/coerce-variables.js';

const PRE_COERCED = new GraphQLScalarType({
  name: 'PreCoerced_',
  description: 'Executor-only: a variable coerced before execution.',
  parseValue: (value) => value,
  parseLiteral: () => {
    throw new TypeError('PreCoerced_ takes variables only');
  },
});

const executionSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();

function executionSchema(schema: GraphQLSchema): GraphQLSchema {
  let found = executionSchemas.get(schema);
  if (!found) {
    const config = schema.toConfig();
    found = new GraphQLSchema({ ...config, types: [...config.types, PRE_COERCED] });
    executionSchemas.set(schema, found);
  }
  return found;
}

/** Rewritten documents, by original document and operation name. */
const rewritten = new WeakMap<DocumentNode, Map<string, DocumentNode>>();

function withPreCoercedVariables(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  const key = operation.name?.value ?? '';
  let byName = rewritten.get(document);
  if (!byName) {
    byName = new Map();
    rewritten.set(document, byName);
  }
  let found = byName.get(key);
  if (!found) {
    const named = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: PRE_COERCED.name } } as const;
    const op: OperationDefinitionNode = {
      ...operation,
      variableDefinitions: operation.variableDefinitions?.map((d) => ({ ...d, type: named })),
    };
    found = { ...document, definitions: document.definitions.map((d) => (d === operation ? op : d)) };
    byName.set(key, found);
  }
  return found;
}

interface ExecuteArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}

/** The same execution with pre-coerced variables, or undefined when the fast path does not apply. */
export function preCoerced<A extends ExecuteArgs>(args: A): A | undefined {
  const operation = getOperationAST(args.document, args.operationName);
  const definitions = operation?.variableDefinitions;
  if (!operation || !definitions?.length) return undefined;
  const raw = args.variableValues ?? {};
  const coerced: Record<string, unknown> = {};
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(args.schema, definition.type);
    if (!type || !isInputType(type)) return undefined;
    if (!Object.hasOwn(raw, name)) {
      // As graphql-js: the default when there is one, else absent (an error when required).
      if (isNonNullType(type) && !definition.defaultValue) return undefined;
      if (!definition.defaultValue) continue;
      const value = valueFromAST(definition.defaultValue, type);
      if (value === undefined) return undefined;
      coerced[name] = value;
      continue;
    }
    const value = coerceVariable(raw[name], type);
    if (value === FALLBACK) return undefined;
    coerced[name] = value;
  }
  return {
    ...args,
    schema: executionSchema(args.schema),
    document: withPreCoercedVariables(args.document, operation),
    variableValues: coerced,
  };
}

export function useFastVariables(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => executeFn(preCoerced(args) ?? args));
    },
  };
}
