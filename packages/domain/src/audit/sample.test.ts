import { describe, expect, it } from "vitest";
import { newSampleSeed, samplePositions } from "./sample";

describe("stickprov sampling", () => {
  it("draws the requested number of distinct positions inside the range, ascending", () => {
    const picked = samplePositions(10_000, 25, "a1b2c3");
    expect(picked).toHaveLength(25);
    expect(new Set(picked).size).toBe(25);
    expect(picked.every((p) => Number.isInteger(p) && p >= 0 && p < 10_000)).toBe(true);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
  });

  it("is reproducible from the seed, and another seed draws another sample", () => {
    expect(samplePositions(5000, 20, "00ff")).toEqual(samplePositions(5000, 20, "00ff"));
    expect(samplePositions(5000, 20, "00ff")).not.toEqual(samplePositions(5000, 20, "00fe"));
  });

  it("takes everything when the sample is as large as the candidates, and nothing from nothing", () => {
    expect(samplePositions(5, 10, "x")).toEqual([0, 1, 2, 3, 4]);
    expect(samplePositions(0, 10, "x")).toEqual([]);
    expect(samplePositions(100, 0, "x")).toEqual([]);
  });

  it("spreads over the whole range (no bias to the start)", () => {
    const hits = new Array<number>(10).fill(0);
    for (let s = 0; s < 200; s++) for (const p of samplePositions(1000, 10, `seed${s}`)) hits[Math.floor(p / 100)]! += 1;
    // 2000 picks over ten deciles: each should get roughly 200.
    expect(Math.min(...hits)).toBeGreaterThan(120);
    expect(Math.max(...hits)).toBeLessThan(280);
  });

  it("makes a 16-character hex seed from random bytes", () => {
    expect(newSampleSeed(new Uint8Array([0, 1, 2, 254, 255, 16, 32, 64]))).toBe("000102feff102040");
  });
});
