/**
 * Crash safety: a child process streams acknowledged writes (several in flight, with log compaction,
 * snapshots written on eviction and HNSW builds happening) and is killed with SIGKILL at random points over several rounds on the
 * same directory. After each kill the engine reopens the data: every acknowledged upsert is present
 * with its values, every acknowledged delete is gone, and every namespace loads.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { DIMENSION, valuesOf } from './fixtures/crash-writer.js';
import { tempDir } from './helpers.js';

const writer = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const ROUNDS = 5;

function runAndKill(dir: string, round: number, killAfterMs: number) {
  return new Promise<string[]>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let started = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!started) {
        started = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${err}`));
      // Only complete lines were acknowledged (a line cut by the kill is dropped).
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety', () => {
  const dir = tempDir();

  it('keeps every acknowledged write across SIGKILLs at random points', async () => {
    const present = new Set<string>();
    const deleted = new Set<string>();
    let seed = 20240607;
    for (let round = 0; round < ROUNDS; round++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      const lines = await runAndKill(dir, round, 150 + (seed % 900));
      for (const line of lines) {
        const [kind, ids] = [line.slice(0, 1), line.slice(2).split(',')];
        for (const id of ids) {
          if (kind === 'U') {
            present.add(id);
            deleted.delete(id);
          } else if (kind === 'P') {
            present.delete(id);
          } else {
            present.delete(id);
            deleted.add(id);
          }
        }
      }
      const engine = new Engine(dir);
      const index = await engine.openIndex({ name: 'crash', dimension: DIMENSION, metric: 'cosine' });
      const ids = [...present, ...deleted];
      const found = new Map<string, number[] | undefined>();
      for (const name of ['a', 'b', 'c', 'd']) {
        const mine = ids.filter((id) => id.startsWith(`${name}:`));
        for (const record of await index.namespace(name).fetch(mine)) found.set(record.id, record.values);
      }
      for (const id of present) {
        expect(found.get(id)?.map(Math.fround), `acknowledged ${id}`).toEqual(valuesOf(id).map(Math.fround));
      }
      for (const id of deleted) expect(found.has(id), `deleted ${id}`).toBe(false);
      await engine.close();
    }
    expect(present.size).toBeGreaterThan(100);
  }, 90_000);
});
