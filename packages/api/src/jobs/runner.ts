import pg from "pg";

/** Work a process does on its own, on a timer; never started by a request. */
export interface Job {
  /** Names the job's lock too: across every process on the database, one holder per name. */
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface JobRunner {
  /** Stops the timers, waits for a running job, and gives up the locks (closes the connection). */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  /** Called with a job's or the lock connection's failure; the runner carries on either way. */
  onError?: (where: string, error: unknown) => void;
}

/** The first key of every job lock, so that a job's lock never meets another advisory lock (second key: the job name's hash). */
export const JOB_LOCK_NAMESPACE = 0x766b6a62; // "vkjb"

/**
 * Runs background jobs in at most one process at a time. Several portal instances may start the
 * same jobs: each job runs only where its PostgreSQL advisory lock is held, on a connection of the
 * runner's own (a session lock, so it lasts as long as that connection). The others keep trying
 * on every tick and take over when the holder stops, dies or loses its connection, since
 * PostgreSQL releases a session's locks when the session ends. Before each run the holder checks
 * that its connection still stands: a run never starts on a lock that may have been lost.
 */
export function startJobRunner(databaseUrl: string, jobs: readonly Job[], opts: JobRunnerOptions = {}): JobRunner {
  const onError = opts.onError ?? (() => undefined);
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  const held = new Set<string>();
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;

  /** The lock connection is gone: so are its locks. */
  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    held.clear();
    c.end().catch(() => undefined);
  };

  const connection = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
      c.on("error", (e) => {
        onError("jobs: lock connection", e);
        drop(c);
      });
      c.on("end", () => drop(c));
      await c.connect();
      client = c;
      return c;
    })().finally(() => (connecting = null));
    return connecting;
  };

  /** True when this runner holds the job's lock now (taking it if free). */
  async function holdLock(job: Job): Promise<boolean> {
    let c: pg.Client | undefined;
    try {
      c = await connection();
      if (held.has(job.name)) {
        await c.query("select 1");
        return true;
      }
      const r = await c.query<{ ok: boolean }>("select pg_try_advisory_lock($1, hashtext($2)) as ok", [JOB_LOCK_NAMESPACE, job.name]);
      if (!r.rows[0]?.ok) return false;
      held.add(job.name);
      return true;
    } catch (e) {
      onError(`jobs: lock for ${job.name}`, e);
      if (c) drop(c);
      return false;
    }
  }

  async function tick(job: Job): Promise<void> {
    if (!(await holdLock(job)) || stopped) return;
    try {
      await job.run();
    } catch (e) {
      onError(`jobs: ${job.name}`, e);
    }
  }

  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      // A run that outlasts the interval is not overlapped by the next.
      if (stopped || inFlight.has(job.name)) return;
      inFlight.set(
        job.name,
        tick(job).finally(() => inFlight.delete(job.name)),
      );
    }, job.everyMs);
    timer.unref?.();
    return timer;
  });

  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.all(inFlight.values());
      await connecting?.catch(() => undefined);
      const c = client;
      client = null;
      held.clear();
      if (c) await c.end().catch(() => undefined);
    },
  };
}
