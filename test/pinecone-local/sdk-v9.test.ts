/**
 * SDK v9 (API 2026-07; installed under test only as `pinecone9`, it runs on Node 20 although it
 * declares Node 22) can create, describe, upsert and query: it reads the 2026-07 index shape.
 */
import { Pinecone } from 'pinecone9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_API_KEY, type LocalPinecone, startLocalPinecone } from '../testkit/pinecone.js';

describe('SDK v9 against pinecone-local', () => {
  let local: LocalPinecone;
  let pc: Pinecone;
  beforeAll(async () => {
    local = await startLocalPinecone();
    pc = new Pinecone({ apiKey: LOCAL_API_KEY, controllerHostUrl: local.server.url, maxRetries: 0 });
  });
  afterAll(async () => {
    expect(local.faults).toEqual([]);
    await local.close();
  });

  it('creates (2026-07 body) and describes through the legacy accessors', async () => {
    await pc.indexes.create({
      name: 'v9',
      dimension: 3,
      metric: 'cosine',
      spec: { serverless: { cloud: 'aws', region: 'us-east-1' } },
      waitUntilReady: true,
    });
    const model = await pc.indexes.describe('v9');
    expect(model.dimension).toBe(3);
    expect(model.metric).toBe('cosine');
    expect(model.vectorType).toBe('dense');
    expect(model.spec).toMatchObject({ serverless: { cloud: 'aws', region: 'us-east-1' } });
    expect(model.host).toBe(`${local.server.url}/index/v9`);
  });

  it('upserts, queries and reads namespace counts as 2026-07 strings', async () => {
    const index = pc.index({ name: 'v9', namespace: 'tenant' });
    await index.upsert({
      records: [
        { id: 'a', values: [1, 0, 0], metadata: { k: 'v' } },
        { id: 'b', values: [0, 1, 0] },
      ],
    });
    const result = await index.query({ topK: 1, vector: [1, 0.1, 0], includeMetadata: true });
    expect(result.matches[0]).toMatchObject({ id: 'a', metadata: { k: 'v' } });
    expect(result.usage?.readUnits).toBe(0.25);
    expect(await index.describeNamespace('tenant')).toMatchObject({ name: 'tenant', recordCount: '2' });
  });
});
