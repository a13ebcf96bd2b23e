/** The SDK v8 control plane against pinecone-local: create, describe, list, configure, delete. */
import { Errors } from '@pinecone-database/pinecone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPinecone, startLocalPinecone } from '../testkit/pinecone.js';

const serverless = { serverless: { cloud: 'aws' as const, region: 'us-east-1' } };

describe('SDK v8 control plane against pinecone-local', () => {
  let local: LocalPinecone;
  beforeAll(async () => {
    local = await startLocalPinecone();
  });
  afterAll(async () => {
    expect(local.faults).toEqual([]);
    await local.close();
  });

  it('creates an index that is ready at once, with an http:// host under one port', async () => {
    const started = Date.now();
    const model = await local.client.createIndex({
      name: 'docs',
      dimension: 4,
      metric: 'euclidean',
      spec: serverless,
      tags: { env: 'test' },
      waitUntilReady: true,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(model).toMatchObject({
      name: 'docs',
      dimension: 4,
      metric: 'euclidean',
      vectorType: 'dense',
      status: { ready: true, state: 'Ready' },
      deletionProtection: 'disabled',
      tags: { env: 'test' },
      spec: { serverless: { cloud: 'aws', region: 'us-east-1' } },
    });
    expect(model!.host).toBe(`${local.server.url}/index/docs`);
  });

  it('describes and lists indexes; an unknown one is PineconeNotFoundError', async () => {
    expect(await local.client.describeIndex('docs')).toMatchObject({ name: 'docs', dimension: 4 });
    expect((await local.client.listIndexes()).indexes?.map((i) => i.name)).toEqual(['docs']);
    await expect(local.client.describeIndex('nope')).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
  });

  it('refuses a duplicate (409) unless conflicts are suppressed, and validates names and dimensions', async () => {
    const again = { name: 'docs', dimension: 4, spec: serverless };
    await expect(local.client.createIndex(again)).rejects.toBeInstanceOf(Errors.PineconeConflictError);
    await expect(local.client.createIndex({ ...again, suppressConflicts: true })).resolves.toBeUndefined();
    await expect(local.client.createIndex({ ...again, name: 'Bad_Name' })).rejects.toBeInstanceOf(
      Errors.PineconeBadRequestError,
    );
    await expect(
      local.client.createIndexForModel({
        name: 'model',
        cloud: 'aws',
        region: 'us-east-1',
        embed: { model: 'multilingual-e5-large', fieldMap: { text: 'chunk_text' } },
      }),
    ).rejects.toBeInstanceOf(Errors.PineconeBadRequestError);
  });

  it('configures tags and deletion protection; a protected index cannot be deleted', async () => {
    const model = await local.client.configureIndex({
      name: 'docs',
      deletionProtection: 'enabled',
      tags: { team: 'search', env: '' },
    });
    expect(model).toMatchObject({ deletionProtection: 'enabled', tags: { team: 'search' } });
    await expect(local.client.deleteIndex('docs')).rejects.toThrow(/Deletion protection is enabled/);
    await local.client.configureIndex({ name: 'docs', deletionProtection: 'disabled' });
  });

  it('keeps indexes and their settings across a restart, then deletes', async () => {
    await local.restart();
    expect(await local.client.describeIndex('docs')).toMatchObject({
      dimension: 4,
      tags: { team: 'search' },
    });
    await local.client.deleteIndex('docs');
    await expect(local.client.describeIndex('docs')).rejects.toBeInstanceOf(Errors.PineconeNotFoundError);
    expect((await local.client.listIndexes()).indexes).toEqual([]);
  });
});
