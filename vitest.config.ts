import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships CJS (used by Yoga/Pothos in node_modules) and ESM (which Vite would pick for our
  // src): two GraphQLError classes would make Yoga mask our coded errors. Force the CJS entry.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
