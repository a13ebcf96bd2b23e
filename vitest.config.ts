import { defineConfig } from 'vitest/config';

/** End-to-end files that do not depend on the backend (browser, process signals, config only). */
const BACKEND_AGNOSTIC = [
  'test/e2e/graphiql.browser.test.ts',
  'test/e2e/graphiql-page.test.ts',
  'test/e2e/graceful-shutdown.test.ts',
  'test/e2e/fuzz.test.ts',
];

export default defineConfig({
  // graphql 16 ships CJS (used by Yoga/Pothos in node_modules) and ESM (which Vite would pick for our
  // src): two GraphQLError classes would make Yoga mask our coded errors. Force the CJS entry.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'embedded', include: ['test/**/*.test.ts'] } },
      {
        // The same end-to-end suite again, on PineconeRepository → SDK → our Pinecone-compatible server.
        extends: true,
        test: {
          name: 'e2e-pinecone',
          include: ['test/e2e/**/*.test.ts'],
          exclude: BACKEND_AGNOSTIC,
          env: { E2E_BACKEND: 'pinecone' },
        },
      },
    ],
  },
});
