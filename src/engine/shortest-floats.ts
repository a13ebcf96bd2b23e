/**
 * Float32 values as the shortest decimals that read back to the same float32 (0.6, not
 * 0.6000000238418579), the way Pinecone prints them.
 */
export function toShortestFloats(values: Float32Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let p = 6;
    let s = Number(v.toPrecision(p));
    while (Math.fround(s) !== v && p < 9) s = Number(v.toPrecision(++p));
    out[i] = s;
  }
  return out;
}
