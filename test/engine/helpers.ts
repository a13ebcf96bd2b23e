/** Test helpers: a real engine on a real temp directory, removed after the test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { Engine, type EngineOptions } from '../../src/engine/engine.js';

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'engine-test-'));
  // Retries: a namespace deleted by a test may still be leaving the trash in the background.
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
  return dir;
}

/** An engine on `dir`; `reopen()` closes it and opens a fresh one on the same directory. */
export function engineOn(dir: string, options: EngineOptions = {}) {
  const box = { engine: new Engine(dir, options) };
  afterAll(() => box.engine.close());
  return {
    get engine() {
      return box.engine;
    },
    async reopen(next: EngineOptions = options) {
      await box.engine.close();
      box.engine = new Engine(dir, next);
      return box.engine;
    },
  };
}

export const waitFor = async (check: () => Promise<boolean> | boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};
