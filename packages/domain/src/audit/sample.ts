/**
 * Stickprov: a random sample of accesses for review, reproducible from its seed. The candidates
 * are the period's accesses in a fixed order (time, then id); the seed drives a small PRNG
 * (xmur3 hash → mulberry32) that picks distinct positions with a partial Fisher–Yates shuffle.
 * The same seed over the same candidates always draws the same accesses, so a sample can be
 * re-drawn and checked afterwards; a new seed is chosen at random for every new sample.
 */
import { seededRandom } from "../random";

export const MAX_SAMPLE_SIZE = 200;

/** xmur3: a 32-bit string hash, used to turn the seed text into the PRNG's state. */
function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/**
 * `size` distinct positions in [0, count), ascending; every position when size ≥ count. The
 * shuffle is kept in a map, so memory follows the sample's size, not the candidates'.
 */
export function samplePositions(count: number, size: number, seed: string): number[] {
  const n = Math.max(0, Math.min(Math.floor(size), Math.floor(count)));
  const random = seededRandom(hashSeed(seed));
  const swapped = new Map<number, number>();
  const at = (i: number) => swapped.get(i) ?? i;
  const picked: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (count - i));
    const value = at(j);
    swapped.set(j, at(i));
    picked.push(value);
  }
  return picked.sort((a, b) => a - b);
}

/** A fresh seed for a new sample: 16 hex characters from the caller's randomness. */
export function newSampleSeed(randomBytes: Uint8Array): string {
  return Array.from(randomBytes.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}
