/**
 * GraphiQL in a real browser: Debian's headless Chromium driven by playwright-core opens GET /graphql
 * on a real dev-mode server, checks the dev token is preset, sets tenant2's token, runs the guide's
 * tenant2 query from the preloaded tabs and reads F, E, G from the result pane. It also proves the
 * page is self-contained: no request may leave for a host other than the server's.
 *
 * Without /usr/bin/chromium it is skipped with a loud warning; with CI=true it fails instead
 * (.ci/run installs chromium). Never `npx playwright install`: this machine is offline.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT1_VECTORS, TENANT2_NEAREST, TENANT2_VECTORS, UPSERT } from '../testkit/guide.js';
import { startServer, type TestServer } from '../testkit/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** The env doc's flags for this offline machine: no background calls home, no GPU, no sandbox (root). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = 'test-results/graphiql.png';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! SKIPPING the GraphiQL browser test: ${CHROMIUM} not found.\n` +
      '!! Install it with `apt-get install -y chromium` (CI does, and there this test must run).\n' +
      `${'!'.repeat(78)}\n`,
  );
}

/**
 * The text of the first Monaco editor inside `scope`, as rendered: Monaco reuses line nodes, so the
 * lines are put in order by their position, and its non-breaking spaces become spaces.
 */
const editorText = (page: Page, scope: string) =>
  page
    .locator(`${scope} .view-lines`)
    .first()
    .evaluate((lines) =>
      [...lines.querySelectorAll<HTMLElement>('.view-line')]
        .sort((a, b) => Number.parseFloat(a.style.top) - Number.parseFloat(b.style.top))
        .map((line) => line.textContent ?? '')
        .join('\n')
        .replace(/\u00a0/g, ' '),
    );

const jwtPayload = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('GraphiQL in headless Chromium', () => {
  let server: TestServer;
  let context: BrowserContext;
  let profile: string;
  const requested: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install chromium`);
    // Development mode with no secret configured: the server makes a dev secret and GraphiQL gets tokens.
    server = await startServer({ NODE_ENV: 'development', AUTH_JWT_SECRET: '' });
    expect(server.app.devSecret).toBeTruthy();
    const seed = [
      [await server.token('tenant1'), TENANT1_VECTORS],
      [await server.token('tenant2'), TENANT2_VECTORS],
    ] as const;
    for (const [token, vectors] of seed) {
      expect((await server.gql(token, UPSERT, { vectors })).data).toEqual({
        upsertVectors: { upsertedCount: 4 },
      });
    }
    profile = mkdtempSync(join(tmpdir(), 'tvg-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1600, height: 1600 },
    });
    // Every request of the page and its workers, whatever the scheme.
    context.on('request', (request) => requested.push(request.url()));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("runs the guide's tenant2 query and shows F, E, G", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/text\/html/);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 20_000 });

    // The guide's operations are preloaded as tabs.
    const tabs = page.locator('.graphiql-tab');
    await expect
      .poll(() => tabs.allInnerTexts(), { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Upsert'),
          expect.stringContaining('UpdateVector'),
          expect.stringContaining('QueryVectors'),
          expect.stringContaining('Offboard'),
        ]),
      );

    // Dev mode: the Authorization header is preset with a working tenant1 token.
    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    const preset = await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)');
    const presetToken = /"Authorization": "Bearer ([\w-]+\.[\w-]+\.[\w-]+)"/.exec(preset)?.[1];
    expect(presetToken, preset).toBeTruthy();
    expect(jwtPayload(presetToken!)).toMatchObject({ tenant: 'tenant1' });

    // Open the guide's query tab and set tenant2's token, as a user pasting it would.
    // A plain click is taken for the start of a drag (the tabs can be reordered): send the click itself.
    await tabs
      .filter({ hasText: 'QueryVectors' })
      .locator('.graphiql-tab-button')
      .first()
      .dispatchEvent('click');
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('query QueryVectors');
    const tabPreset = await editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)');
    const tabToken = /"Bearer ([\w-]+\.[\w-]+\.[\w-]+)"/.exec(tabPreset)?.[1];
    expect(jwtPayload(tabToken ?? '..'), 'the example tab runs as tenant2').toMatchObject({
      tenant: 'tenant2',
    });
    const headers = page
      .locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor')
      .first();
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    const tenant2 = await server.token('tenant2');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${tenant2}` }));
    await expect
      .poll(() => editorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)'))
      .toContain(tenant2.slice(0, 40));

    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => editorText(page, '.graphiql-response'), { timeout: 10_000 })
      .toContain('"matches"');
    const result = await editorText(page, '.graphiql-response');
    const ids = [...result.matchAll(/"id": "([^"]+)"/g)].map((m) => m[1]);
    expect(ids, result).toEqual(TENANT2_NEAREST);
    expect(result).not.toContain('"errors"');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('loaded everything from the server: no request left for another host', () => {
    expect(requested.length).toBeGreaterThan(0);
    const foreign = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      // data: and blob: URLs (Monaco's workers) never touch the network.
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return !LOCAL_HOSTS.has(hostname);
    });
    expect(foreign).toEqual([]);
  });
});
