/**
 * Meters each operation for its tenant: read units (reported by the repository inside the request's
 * async context, see usage/metered-repository.ts) and write units of the write fields that
 * succeeded (computed before execution by the fairness plugin). Adds them to the in-memory meter.
 */
import type { Plugin } from 'graphql-yoga';
import type { UsageMeter } from '../usage/meter.js';
import { currentUsage, type RequestUsage } from '../usage/metered-repository.js';
import { requestState } from './request-state.js';

export function useUsageMetering(meter: UsageMeter): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      const acc: RequestUsage = { readUnits: 0 };
      setExecuteFn((execArgs) => currentUsage.run(acc, () => executeFn(execArgs)));
      return {
        onExecuteDone({ result }) {
          if (!('errors' in result) && !('data' in result)) return; // a stream: not used by this API
          const state = requestState(request);
          const failed = new Set((result.errors ?? []).map((e) => String(e.path?.[0])));
          let writeUnits = 0;
          for (const [key, units] of state.writeUnits) if (!failed.has(key)) writeUnits += units;
          state.writeUnits.clear();
          meter.record(state.tenantKey ?? '(anonymous)', {
            requests: 1,
            readUnits: acc.readUnits,
            writeUnits,
          });
        },
      };
    },
  };
}
