/**
 * Variables coerced once, by coerce-variables.ts, rather than again item by item by the executor.
 * The executor has no switch for that, so the operation it runs declares each pre-coerced variable
 * as `PreCoerced_`, a scalar that takes its value as is and exists only in the schema handed to the
 * executor: validation ran on the client's document against the public schema, and arguments read a
 * variable's value without coercing it.
 *
 * When any variable is one the fast path does not take (an invalid or missing required value among
 * them), `preCoerced` answers undefined and the operation runs untouched, so every error is
 * graphql-js's own. Operations without variables take the path too (the document it hands on is the
 * one plugins/use-fast-execution.ts compiles); introspection never does, as the executor's schema
 * has PreCoerced_ in it.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  GraphQLScalarType,
  GraphQLSchema,
  getOperationAST,
  isInputType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  typeFromAST,
  valueFromAST,
} from 'graphql';
import { coerceVariable, FALLBACK } from './coerce-variables.js';

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

/** What an operation's variables need, worked out once per document and operation name. */
interface Plan {
  schema: GraphQLSchema;
  /** `schema` with PreCoerced_ added: the one the executor runs `document` against. */
  executionSchema: GraphQLSchema;
  variables: Array<{ name: string; type: GraphQLInputType; required: boolean; default?: unknown }>;
  /** The document as the executor runs it: each variable declared `PreCoerced_`. */
  document: DocumentNode;
}

const NO_FAST_PATH = null;
const plans = new WeakMap<DocumentNode, Map<string, Plan | typeof NO_FAST_PATH>>();

function planOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
  let byName = plans.get(document);
  if (!byName) {
    byName = new Map();
    plans.set(document, byName);
  }
  const key = operationName ?? '';
  let plan = byName.get(key);
  if (plan === undefined || (plan && plan.schema !== schema)) {
    plan = makePlan(schema, document, operationName);
    byName.set(key, plan);
  }
  return plan;
}

function makePlan(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
  const operation = getOperationAST(document, operationName);
  // Introspection stays on the public schema: the executor's one has PreCoerced_ in it.
  if (!operation || selectsIntrospection(operation.selectionSet, document)) return NO_FAST_PATH;
  const definitions = operation.variableDefinitions ?? [];
  const variables: Plan['variables'] = [];
  for (const definition of definitions) {
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) return NO_FAST_PATH;
    const variable: Plan['variables'][number] = {
      name: definition.variable.name.value,
      type,
      required: isNonNullType(type) && !definition.defaultValue,
    };
    if (definition.defaultValue) {
      // As graphql-js: the default when the variable is absent.
      const value = valueFromAST(definition.defaultValue, type);
      if (value === undefined) return NO_FAST_PATH;
      variable.default = value;
    }
    variables.push(variable);
  }
  const named = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: PRE_COERCED.name } } as const;
  const op: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: definitions.map((d) => ({ ...d, type: named })),
  };
  const rewritten = { ...document, definitions: document.definitions.map((d) => (d === operation ? op : d)) };
  return { schema, executionSchema: executionSchema(schema), variables, document: rewritten };
}

/** Whether a root selection set asks for `__schema` or `__type` (through fragments too). */
function selectsIntrospection(selectionSet: SelectionSetNode, document: DocumentNode): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD)
      return selection.name.value.startsWith('__') && selection.name.value !== '__typename';
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return selectsIntrospection(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (d): d is FragmentDefinitionNode =>
        d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
    );
    return fragment ? selectsIntrospection(fragment.selectionSet, document) : false;
  });
}

interface ExecuteArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}

/** The same execution with pre-coerced variables, or undefined when the fast path does not apply. */
export function preCoerced<A extends ExecuteArgs>(args: A): A | undefined {
  const plan = planOf(args.schema, args.document, args.operationName);
  if (!plan) return undefined;
  const raw = args.variableValues ?? {};
  const coerced: Record<string, unknown> = {};
  for (const variable of plan.variables) {
    if (!Object.hasOwn(raw, variable.name)) {
      // Absent: its default, else absent (an error when required, left to graphql-js).
      if (variable.required) return undefined;
      if (Object.hasOwn(variable, 'default')) coerced[variable.name] = variable.default;
      continue;
    }
    const value = coerceVariable(raw[variable.name], variable.type);
    if (value === FALLBACK) return undefined;
    coerced[variable.name] = value;
  }
  return {
    ...args,
    schema: plan.executionSchema,
    document: plan.document,
    variableValues: coerced,
  };
}
