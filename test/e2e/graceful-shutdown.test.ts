/**
 * SIGTERM on a real process (tsx src/main.ts): a request in flight when the signal arrives still
 * completes, new connections are refused, the process exits 0, and the write is there after a restart.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/tokens.js';
import { TEST_SECRET } from '../testkit/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tvg-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startProcess(): Promise<{
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      SHUTDOWN_TIMEOUT_MS: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/localhost:(\d+)\/graphql/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
  return { child, port, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql(port: number, token: string, query: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown> };
}

describe('graceful shutdown', () => {
  it('finishes the in-flight request on SIGTERM, exits 0, and keeps the data', async () => {
    const token = await signToken({ secret: TEST_SECRET, tenant: 'acme', tenantClaim: 'tenant' });
    const { child, port, exited } = await startProcess();

    const body = JSON.stringify({
      query:
        'mutation { upsertVectors(vectors: [{id: "slow", values: [1,2,3,4,5,6,7,8], metadata: {k: "v"}}]) { upsertedCount } }',
    });
    // A slow upload: headers and half the body now, the rest after SIGTERM.
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'transfer-encoding': 'chunked',
      },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 40));
    await sleep(300);
    child.kill('SIGTERM');
    await sleep(300);

    // Not accepting any more.
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);

    req.end(body.slice(40));
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ data: { upsertVectors: { upsertedCount: 1 } } });
    expect(await exited).toBe(0);

    const again = await startProcess();
    try {
      const after = await gql(
        again.port,
        token,
        '{ namespaceStats { recordCount } vector(id: "slow") { id metadata } }',
      );
      expect(after.data).toEqual({
        namespaceStats: { recordCount: 1 },
        vector: { id: 'slow', metadata: { k: 'v' } },
      });
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
  }, 40_000);
});
