/**
 * Meters each operation for its tenant: read units (added by the stores of the operation's context
 * to `ctx.readUsage`, see usage/metered-repository.ts) and write units of the write fields that
 * succeeded (charged by their resolvers, see usage/write-ledger.ts). Adds them to the in-memory
 * meter.
 */
import type { Plugin } from 'graphql-yoga';
import type { RequestContext } from '../context.js';
import type { UsageMeter } from '../usage/meter.js';
import { requestState } from './request-state.js';

export function useUsageMetering(meter: UsageMeter): Plugin {
  return {
    onExecute({ args }) {
      const context = args.contextValue as Partial<RequestContext> & { request?: Request };
      const request = context.request;
      if (!request) return;
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) && !('data' in result)) return; // a stream: not used by this API
          const state = requestState(request);
          const failed = new Set((result.errors ?? []).map((e) => String(e.path?.[0])));
          meter.record(state.tenantKey ?? '(anonymous)', {
            requests: 1,
            readUnits: context.readUsage?.readUnits ?? 0,
            writeUnits: context.writes?.succeeded(failed) ?? 0,
          });
        },
      };
    },
  };
}
