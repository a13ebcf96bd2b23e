/**
 * Gives each operation a DeferredFloatLists (serialize/float-lists.ts) and, once it has executed,
 * puts the deferred lists back into the result and attaches the serialiser that writes them fast
 * (Yoga's `stringify` on an execution result). Both happen here, so a list can only be deferred
 * where it is also restored.
 */
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DeferredFloatLists } from '../serialize/float-lists.js';
import { stringifyWithFloatLists } from '../serialize/json-floats.js';

export function useFloatLists(): Plugin {
  return {
    onExecute({ args }) {
      const context = args.contextValue as { floatLists?: DeferredFloatLists };
      const lists = new DeferredFloatLists();
      context.floatLists = lists;
      return {
        onExecuteDone({ result, setResult }) {
          if (lists.size === 0 || !('data' in result)) return;
          const restored = lists.restore((result as ExecutionResult).data);
          if (restored.length === 0) return;
          // Yoga passes what `stringify` returns to `new Response()`, which takes bytes as well as
          // a string (a batch joins the parts as strings: Buffer's toString() is the same UTF-8).
          const stringify = (sanitised: ExecutionResult) =>
            stringifyWithFloatLists(sanitised, restored) as unknown as string;
          setResult(Object.assign(result, { stringify }));
        },
      };
    },
  };
}
