/** What was acknowledged before a restart is there after it, in both tenancy modes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE, FETCH, QUERY, UPDATE, UPSERT } from '../testkit/guide.js';
import { deletedCount, startServer, type TestServer } from '../testkit/server.js';

describe('restart', () => {
  let server: TestServer;
  let acme: string;
  beforeAll(async () => {
    server = await startServer({
      INDEXES: JSON.stringify([
        { name: 'ns', dimension: 3 },
        { name: 'md', dimension: 3, tenancy: 'metadata' },
      ]),
    });
    acme = await server.token('acme');
  });
  afterAll(() => server.close());

  it('keeps upserts, updates and deletes across a restart', async () => {
    for (const index of ['ns', 'md']) {
      const vectors = [
        { id: 'a', values: [1, 0, 0], metadata: { kind: 'x', tags: ['t1', 't2'] } },
        { id: 'b', values: [0, 1, 0], metadata: { kind: 'y' } },
        { id: 'c', values: [0, 0, 1] },
      ];
      expect((await server.gql(acme, UPSERT, { index, vectors })).errors).toBeUndefined();
      expect(
        (await server.gql(acme, UPDATE, { index, id: 'a', setMetadata: { kind: 'z' } })).errors,
      ).toBeUndefined();
      expect((await server.gql(acme, DELETE, { index, ids: ['c'] })).data).toEqual({
        deleteVectors: { deletedCount: deletedCount(1) },
      });
    }
    await server.restart();
    for (const index of ['ns', 'md']) {
      const res = await server.gql(acme, FETCH, { index, ids: ['a', 'b', 'c'] });
      expect(res.data).toEqual({
        vectors: [
          { id: 'a', values: [1, 0, 0], metadata: { kind: 'z', tags: ['t1', 't2'] } },
          { id: 'b', values: [0, 1, 0], metadata: { kind: 'y' } },
          null,
        ],
      });
      const q = await server.gql(acme, QUERY, {
        index,
        vector: [0, 1, 0],
        topK: 1,
      });
      expect(q.data!.query.matches.map((m) => m.id)).toEqual(['b']);
    }
  });
});
