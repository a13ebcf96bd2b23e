/**
 * Filter semantics against a table of cases (Pinecone's: list-valued fields match on any element;
 * $ne and $nin match records missing the field; $exists; nested $and/$or), checked three ways: the
 * evaluator, the engine on a tiny namespace (JavaScript scan) and on a larger one where the metadata
 * index and the SIMD paths answer.
 */
import { describe, expect, it } from 'vitest';
import { matches, parseFilter } from '../../src/engine/filter.js';
import type { Metadata } from '../../src/engine/types.js';
import { engineOn, tempDir } from './helpers.js';

const records: Record<string, Metadata> = {
  a: { genre: 'drama', year: 2019, tags: ['x', 'y'], free: true },
  b: { genre: 'comedy', year: 2021, tags: ['y'] },
  c: { genre: 'drama', year: 2021 },
  d: { year: 1999, tags: ['z'], free: false },
  e: {},
};

const cases: [string, Record<string, unknown>, string[]][] = [
  ['implicit $eq', { genre: 'drama' }, ['a', 'c']],
  ['$eq on a list element', { tags: 'y' }, ['a', 'b']],
  ['$ne matches missing fields', { genre: { $ne: 'drama' } }, ['b', 'd', 'e']],
  ['$ne on a list: no element equal', { tags: { $ne: 'y' } }, ['c', 'd', 'e']],
  ['$in', { genre: { $in: ['comedy', 'thriller'] } }, ['b']],
  ['$in on list elements', { tags: { $in: ['x', 'z'] } }, ['a', 'd']],
  ['$nin matches missing fields', { tags: { $nin: ['y'] } }, ['c', 'd', 'e']],
  ['$exists true', { tags: { $exists: true } }, ['a', 'b', 'd']],
  ['$exists false', { genre: { $exists: false } }, ['d', 'e']],
  ['ranges are numeric only', { year: { $gte: 2000, $lt: 2021 } }, ['a']],
  ['$gt', { year: { $gt: 2019 } }, ['b', 'c']],
  ['boolean $eq', { free: false }, ['d']],
  ['several keys are ANDed', { genre: 'drama', year: 2021 }, ['c']],
  ['$or of $and', { $or: [{ $and: [{ genre: 'drama' }, { tags: 'x' }] }, { year: 1999 }] }, ['a', 'd']],
  [
    '$and of $or with $nin',
    { $and: [{ $or: [{ genre: 'comedy' }, { free: true }] }, { tags: { $nin: ['x'] } }] },
    ['b'],
  ],
  ['$or with an unindexable branch', { $or: [{ genre: 'comedy' }, { year: { $lt: 2000 } }] }, ['b', 'd']],
  ['$and mixing indexed and range', { $and: [{ genre: 'drama' }, { year: { $lte: 2019 } }] }, ['a']],
  ['no match', { genre: 'horror' }, []],
];

describe('filter semantics', () => {
  const box = engineOn(tempDir());

  it.each(cases)('%s (evaluator)', (_name, raw, expected) => {
    const filter = parseFilter(raw);
    expect(Object.keys(records).filter((id) => matches(filter, records[id]))).toEqual(expected);
  });

  it.each(cases)('%s (engine, tiny namespace)', async (_name, raw, expected) => {
    const index = await box.engine.openIndex({ name: 'tiny', dimension: 2, metric: 'cosine' });
    const ns = index.namespace('t');
    if ((await ns.count()) === 0) {
      await ns.upsert(Object.entries(records).map(([id, metadata], i) => ({ id, values: [1, i], metadata })));
    }
    const found = await ns.query({ vector: [1, 0], topK: 100, filter: parseFilter(raw) });
    expect(found.map((m) => m.id).sort()).toEqual(expected);
  });

  it.each(cases)('%s (engine, indexed namespace of 5,000 × 32)', async (_name, raw, expected) => {
    // Each base record repeated 1,000 times: ids "<base>-<n>"; the filter decides by the base.
    const index = await box.engine.openIndex({ name: 'large', dimension: 32, metric: 'dotproduct' });
    const ns = index.namespace('t');
    if ((await ns.count()) === 0) {
      const all = Object.entries(records).flatMap(([id, metadata], b) =>
        Array.from({ length: 1000 }, (_, n) => ({
          id: `${id}-${n}`,
          values: Array.from({ length: 32 }, (_, j) => Math.sin(b * 7 + n * 0.37 + j)),
          metadata,
        })),
      );
      await ns.upsert(all);
    }
    const filter = parseFilter(raw);
    const query = Array.from({ length: 32 }, (_, j) => Math.cos(j));
    const found = await ns.query({ vector: query, topK: 20, filter });
    expect([...new Set(found.map((m) => m.id.split('-')[0]))].every((b) => expected.includes(b!))).toBe(true);
    expect(found.length).toBe(expected.length === 0 ? 0 : 20);
    expect(await ns.count({ filter })).toBe(1000 * expected.length);
    // The indexed path ranks exactly like a brute-force scan of the matching records.
    const brute = await ns.fetchByFilter(filter, { limit: 10_000 });
    const dot = (v: number[]) => v.reduce((s, x, j) => s + x * query[j]!, 0);
    const best = brute.records
      .map((r) => ({ id: r.id, s: dot(r.values!) }))
      .sort((x, y) => y.s - x.s)
      .slice(0, 20)
      .map((r) => r.id);
    expect(found.map((m) => m.id)).toEqual(best);
  });
});
