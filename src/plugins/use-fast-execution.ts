/**
 * Execution fast paths (issue 7): variables coerced once (execution/pre-coerce.ts), and operations
 * a client sends again run as code compiled for them by graphql-jit, which completes fields without
 * graphql-js's per-field bookkeeping (measured: about 0.04 ms of the ~0.3 ms a small query costs
 * over a bare endpoint). Compiled from the second execution of a document on: a one-off document
 * never pays for a compilation (0.1-0.6 ms), and the typed clients and persisted operations this API
 * is used through send the same few documents again and again.
 *
 * Contract: a compiled operation answers what the executor would (same data, errors, paths and
 * codes; resolvers, including the permission rules around them, are the schema's own). Anything the
 * fast path does not take (variables it leaves to graphql-js, introspection, a document graphql-jit
 * cannot compile) runs on Yoga's executor as before.
 */
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  type Source,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { preCoerced } from '../execution/pre-coerce.js';

/** Executions of a document before it is compiled. */
const COMPILE_ON_RUN = 2;

interface Compiled {
  runs: number;
  /** null: graphql-jit could not compile it; undefined: not compiled yet. */
  query?: CompiledQuery | null;
}

/** By the executed document, which pre-coerce.ts keeps one per client document and operation. */
const compiled = new WeakMap<DocumentNode, Compiled>();

function compiledFor(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
}): CompiledQuery | null {
  let entry = compiled.get(args.document);
  if (!entry) {
    entry = { runs: 0 };
    compiled.set(args.document, entry);
  }
  if (entry.query === undefined && ++entry.runs >= COMPILE_ON_RUN) {
    try {
      const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
      entry.query = isCompiledQuery(result) ? result : null;
    } catch {
      entry.query = null; // not compilable: the executor runs it, as before
    }
  }
  return entry.query ?? null;
}

/**
 * graphql-jit's errors carry `locations` only, and Yoga rebuilds every error it sends from
 * nodes or source positions, so they would lose their locations: give them the positions back.
 * Errors first, as graphql-js orders a result (clients and snapshots see the same bytes).
 */
function asExecutorResult(result: ExecutionResult, source: Source | undefined): ExecutionResult {
  if (!result.errors) return result;
  const { errors, data, ...rest } = result;
  return { errors: errors.map((error) => located(error, source)), data, ...rest };
}

function located(error: GraphQLError, source: Source | undefined): GraphQLError {
  if (!source || error.nodes || error.positions || !error.locations?.length) return error;
  // Lines as graphql-js counts them (getLocation): \r\n, \n or \r ends one.
  const lineStarts = [0];
  for (const match of source.body.matchAll(/\r\n|[\n\r]/g)) lineStarts.push(match.index + match[0].length);
  return new GraphQLError(error.message, {
    source,
    positions: error.locations.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1),
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

export function useFastExecution(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const fast = preCoerced(args);
        if (!fast) return executeFn(args);
        const query = compiledFor(fast);
        if (!query) return executeFn(fast);
        const result = query.query(fast.rootValue, fast.contextValue, fast.variableValues);
        const source = args.document.loc?.source;
        return result instanceof Promise
          ? result.then((r) => asExecutorResult(r, source))
          : asExecutorResult(result, source);
      });
    },
  };
}
