/**
 * Seeded synthetic embeddings for engine benchmarks and tests (the method of
 * shared/reference/embedded-engine.md §2.2): a Gaussian mixture of 200 clusters in a low-dimensional
 * latent space, projected linearly to `dimension`, plus isotropic noise, L2-normalised. Neighbours are
 * packed more tightly than in real text embeddings, which makes recall harder, not easier.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface VectorSet {
  dimension: number;
  /** Row-major: vector i is data.subarray(i * dimension, (i + 1) * dimension). */
  data: Float32Array;
  count: number;
}

/** `count` vectors; draws continue from the same stream, so queries from `next` are held out. */
export function clusteredVectors(count: number, dimension: number, seed = 12345) {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const latent = Math.min(dimension, dimension >= 256 ? 64 : 32);
  const clusters = Array.from({ length: 200 }, () => Float64Array.from({ length: latent }, normal));
  const projection = Float64Array.from({ length: latent * dimension }, () => normal() / Math.sqrt(latent));
  const z = new Float64Array(latent);
  const next = (count: number): VectorSet => {
    const data = new Float32Array(count * dimension);
    for (let n = 0; n < count; n++) {
      const centre = clusters[Math.floor(random() * clusters.length)]!;
      for (let j = 0; j < latent; j++) z[j] = centre[j]! + 0.5 * normal();
      const v = data.subarray(n * dimension, (n + 1) * dimension);
      let norm = 0;
      for (let i = 0; i < dimension; i++) {
        let s = 0.3 * normal();
        for (let j = 0; j < latent; j++) s += z[j]! * projection[j * dimension + i]!;
        v[i] = s;
        norm += s * s;
      }
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < dimension; i++) v[i]! *= inv;
    }
    return { dimension, data, count };
  };
  return { data: next(count), next };
}

export const row = (set: VectorSet, i: number) =>
  set.data.subarray(i * set.dimension, (i + 1) * set.dimension);

/** Exact top-k ids (row numbers) by inner product in float64: the ground truth. */
export function exactTopK(
  set: VectorSet,
  query: Float32Array,
  k: number,
  rows?: ArrayLike<number>,
): number[] {
  const d = set.dimension;
  const scored: { i: number; s: number }[] = [];
  const count = rows ? rows.length : set.count;
  for (let n = 0; n < count; n++) {
    const i = rows ? rows[n]! : n;
    let s = 0;
    for (let j = 0; j < d; j++) s += set.data[i * d + j]! * query[j]!;
    scored.push({ i, s });
  }
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, k).map((x) => x.i);
}

export function recallAt(found: number[], truth: number[]): number {
  const t = new Set(truth);
  return found.filter((x) => t.has(x)).length / truth.length;
}
