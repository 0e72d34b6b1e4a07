import { describe, expect, it } from "vitest";
import { OutageCache, type CachedRegionOutage } from "./outage-cache";

const outage = (id: string): CachedRegionOutage<string> => ({ row: id, reaches: null });

function counted(answers: CachedRegionOutage<string>[][]) {
  let calls = 0;
  return {
    load: () => Promise.resolve(answers[Math.min(calls++, answers.length - 1)]!),
    calls: () => calls,
  };
}

describe("the process's outage cache", () => {
  it("answers many pages of a region with one lookup while the hub listens, and reads afresh once an outage changes", async () => {
    const cache = new OutageCache<string>(() => true);
    const src = counted([[], [outage("o1")]]);
    const first = await Promise.all(Array.from({ length: 50 }, () => cache.regionOutages("r1", src.load)));
    expect(first.every((x) => x.length === 0)).toBe(true);
    expect(src.calls()).toBe(1);
    cache.invalidate("r1");
    // Read again at once on the change, so the refetches meet the new answer.
    expect(src.calls()).toBe(2);
    expect(await cache.regionOutages("r1", src.load)).toEqual([outage("o1")]);
    expect(src.calls()).toBe(2);
  });

  it("never keeps an answer whose lookup began before the change", async () => {
    const cache = new OutageCache<string>(() => true);
    let release!: (v: CachedRegionOutage<string>[]) => void;
    const slow = () => new Promise<CachedRegionOutage<string>[]>((r) => (release = r));
    const pending = cache.regionOutages("r1", slow);
    cache.invalidate(); // a reconnect: forget everything
    release([]);
    expect(await pending).toEqual([]);
    const fresh = counted([[outage("o2")]]);
    expect(await cache.regionOutages("r1", fresh.load)).toEqual([outage("o2")]);
    expect(fresh.calls()).toBe(1);
  });

  it("keeps nothing while the hub is not listening (nothing would tell it of a change)", async () => {
    const cache = new OutageCache<string>(() => false);
    const src = counted([[], [outage("o1")]]);
    await cache.regionOutages("r1", src.load);
    expect(await cache.regionOutages("r1", src.load)).toEqual([outage("o1")]);
    const scopes = { n: 0 };
    const scope = () => Promise.resolve({ regionId: "r1", unitIds: [`u${++scopes.n}`] });
    await cache.contextScope("k", scope);
    expect((await cache.contextScope("k", scope)).unitIds).toEqual(["u2"]);
  });

  it("keeps a context's region and units for a minute", async () => {
    const cache = new OutageCache<string>(() => true);
    let n = 0;
    const scope = () => Promise.resolve({ regionId: "r1", unitIds: [`u${++n}`] });
    expect((await cache.contextScope("k", scope, 0)).unitIds).toEqual(["u1"]);
    expect((await cache.contextScope("k", scope, 59_000)).unitIds).toEqual(["u1"]);
    expect((await cache.contextScope("k", scope, 61_000)).unitIds).toEqual(["u2"]);
  });
});
