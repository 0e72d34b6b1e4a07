import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "@vardkedjan/db/client";
import { createTestDatabase, type TestDatabase } from "@vardkedjan/db/testing";
import { JOB_LOCK_NAMESPACE, startJobRunner, type JobRunner } from "./runner";
import { portalJobs } from "./portal-jobs";

/** Generous: only for waiting, never a claim about speed. */
const WAIT = { timeout: 20_000, interval: 20 };

describe("job runner", () => {
  let t: TestDatabase;
  const runners: JobRunner[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });
  afterAll(() => t.close());

  /** A runner of one job that counts its runs. */
  function counting(name: string) {
    const counter = { runs: 0, errors: [] as string[] };
    const runner = startJobRunner(t.url, [{ name, everyMs: 10, run: async () => void (counter.runs += 1) }], {
      onError: (where) => counter.errors.push(where),
    });
    runners.push(runner);
    return { counter, runner };
  }

  /** The backend holding the job locks in this test's database, if any. */
  async function lockHolder(): Promise<number | null> {
    const r = await t.db.execute<{ pid: number }>(
      sql`select pid from pg_locks where locktype = 'advisory' and granted and classid::bigint = ${JOB_LOCK_NAMESPACE} and database = (select oid from pg_database where datname = current_database())`,
    );
    return r.rows[0]?.pid ?? null;
  }

  /** Backends other than the holder that have asked for a job lock: the standby is trying. */
  async function standbyTried(holder: number): Promise<boolean> {
    const r = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> ${holder} and query like '%pg_try_advisory_lock%'`,
    );
    return (r.rows[0]?.n ?? 0) > 0;
  }

  it("runs a job in one of two runners only, and the other takes over when the first stops", async () => {
    const first = counting("proov");
    await vi.waitFor(() => expect(first.counter.runs).toBeGreaterThanOrEqual(2), WAIT);
    const holder = (await lockHolder())!;
    expect(holder).not.toBeNull();

    const second = counting("proov");
    await vi.waitFor(async () => expect(await standbyTried(holder)).toBe(true), WAIT);
    const seen = first.counter.runs;
    await vi.waitFor(() => expect(first.counter.runs).toBeGreaterThanOrEqual(seen + 3), WAIT);
    expect(second.counter.runs).toBe(0);

    await first.runner.stop();
    const runsWhenStopped = first.counter.runs;
    await vi.waitFor(() => expect(second.counter.runs).toBeGreaterThanOrEqual(2), WAIT);
    expect(first.counter.runs).toBe(runsWhenStopped);
    expect(await lockHolder()).not.toBe(holder);
  });

  it("gives the lock up when the holder's connection is lost: the job goes on in exactly one runner", async () => {
    const first = counting("tappad");
    await vi.waitFor(() => expect(first.counter.runs).toBeGreaterThanOrEqual(2), WAIT);
    const second = counting("tappad");
    const holder = (await lockHolder())!;
    await vi.waitFor(async () => expect(await standbyTried(holder)).toBe(true), WAIT);
    expect(second.counter.runs).toBe(0);

    // The database ends the holder's session (a restart, a network failure look the same to it).
    await t.db.execute(sql`select pg_terminate_backend(${holder})`);
    // Either runner may take the freed lock: the second, or the first on a new connection.
    await vi.waitFor(async () => {
      const now = await lockHolder();
      expect(now).not.toBeNull();
      expect(now).not.toBe(holder);
    }, WAIT);
    await vi.waitFor(() => expect(first.counter.errors.length).toBeGreaterThan(0), WAIT);
    const runs = { first: first.counter.runs, second: second.counter.runs };
    await vi.waitFor(() => expect(first.counter.runs + second.counter.runs).toBeGreaterThanOrEqual(runs.first + runs.second + 5), WAIT);
    const grew = [first.counter.runs > runs.first, second.counter.runs > runs.second];
    expect(grew.filter(Boolean)).toHaveLength(1);
  });

  it("takes its lock again on a new connection when the old one was lost and no one else holds it", async () => {
    const only = counting("ensam");
    await vi.waitFor(() => expect(only.counter.runs).toBeGreaterThanOrEqual(2), WAIT);
    const holder = (await lockHolder())!;
    await t.db.execute(sql`select pg_terminate_backend(${holder})`);
    await vi.waitFor(async () => {
      const now = await lockHolder();
      expect(now).not.toBeNull();
      expect(now).not.toBe(holder);
    }, WAIT);
    const runs = only.counter.runs;
    await vi.waitFor(() => expect(only.counter.runs).toBeGreaterThanOrEqual(runs + 2), WAIT);
  });

  it("runs different jobs independently: each has its own lock", async () => {
    const a = counting("ett");
    const b = counting("annat");
    await vi.waitFor(() => {
      expect(a.counter.runs).toBeGreaterThanOrEqual(2);
      expect(b.counter.runs).toBeGreaterThanOrEqual(2);
    }, WAIT);
  });

  it("gives Förvaltning the integration health checks, Slutenvård the register reconciliation, every portal the worklists' change-row clearing", () => {
    const mail = () => ({ mailer: null, forvaltningUrl: "http://forvaltning.test" });
    expect(portalJobs("forvaltning", () => t.db, mail).map((j) => j.name)).toEqual([
      "integration-health-checks",
      "audit-partitions",
      "audit-flags",
      "contact-list-confirmations",
      "payment-recomputation",
      "worklist-changes-prune",
    ]);
    expect(portalJobs("slutenvard", () => t.db, mail).map((j) => j.name)).toEqual(["register-reconciliation", "worklist-changes-prune"]);
    for (const portal of ["primarvard", "kommun"] as const) expect(portalJobs(portal, () => t.db, mail).map((j) => j.name)).toEqual(["worklist-changes-prune"]);
  });
});
