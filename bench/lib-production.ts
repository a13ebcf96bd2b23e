/**
 * Imported first by benchmarks that run the app in process: graphql-js picks its production or
 * development build of `instanceOf` when it loads, from NODE_ENV. The development one adds
 * cross-realm checks to every type test (measured: 5× slower coercion of a 100 × 768 upsert), and
 * a deployed server runs with NODE_ENV=production (as bench/noisy-neighbor's server does), so the
 * benchmark measures that. The app's own config still comes from the env passed to loadConfig.
 */
process.env.NODE_ENV ??= 'production';
