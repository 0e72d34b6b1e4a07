/**
 * mulberry32: a small, fast, seeded 32-bit generator with numbers in [0, 1); the same seed gives
 * the same sequence. The one generator behind the stickprov's draw, the demo history and the
 * generated inputs of property tests and benchmarks. Not for anything that must be unpredictable.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
