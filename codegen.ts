/**
 * GraphQL Code Generator: typed documents for the operations in src/client/operations (`npm run codegen`;
 * `npm run codegen:check` in CI fails when src/client/gql is stale). The schema comes straight from the
 * Pothos code (codegen-cli loads this file with jiti), so a breaking schema change surfaces as type
 * errors in every caller at `npm run typecheck`, tests included.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { printedSchema } from './src/schema/index.js';

const config: CodegenConfig = {
  overwrite: true,
  schema: printedSchema(),
  documents: ['src/client/operations/*.graphql'],
  // NodeNext resolution needs explicit extensions in the generated relative imports.
  importExtension: '.js',
  generates: {
    'src/client/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // persisted-documents.json (sha256 -> operation text) is the allow-list the server loads with
        // PERSISTED_OPERATIONS; each generated document carries its hash in `__meta__.hash`.
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
