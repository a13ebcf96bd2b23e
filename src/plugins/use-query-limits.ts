/**
 * Limits on what one operation may ask for, checked at parse/validation (before any resolver runs):
 * depth, aliases, tokens, cost and directives (graphql-armor), and introspection off when
 * configured (default: off in production). Field suggestions ("Did you mean ...?") are blocked
 * whenever introspection is off, since they would leak the schema anyway.
 * Batch size and body size are Yoga options set in app.ts (`batching`, `maxRequestBodySize`).
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GuardConfig } from '../config-guards.js';

export function useQueryLimits(limits: GuardConfig['queryLimits']): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: !limits.introspection },
  }) as Plugin;
  // Yoga answers an empty batch `[]` with `[]`: refuse it like any other malformed request.
  const noEmptyBatch: Plugin = {
    onRequestParse: () => ({
      onRequestParseDone({ requestParserResult }) {
        if (Array.isArray(requestParserResult) && requestParserResult.length === 0) {
          throw createGraphQLError('A batch must contain at least one operation', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      },
    }),
  };
  if (limits.introspection) return [armor, noEmptyBatch];
  const noIntrospection: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
  return [armor, noEmptyBatch, noIntrospection];
}
