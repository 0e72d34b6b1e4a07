import { executePrepared, rowOfJson, schema, sql, type Db } from "@vardkedjan/db/client";

export interface SessionRow {
  session: typeof schema.loginSessions.$inferSelect;
  staff: typeof schema.staff.$inferSelect;
}

interface Waiting {
  promise: Promise<SessionRow | null>;
  resolve: (row: SessionRow | null) => void;
  reject: (error: unknown) => void;
}

/** A login session id is a UUID; anything else names no session (and must not fail a whole batch). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The login session rows (with their person) that requests ask for through one database handle,
 * read together: when an outage is announced every open page refetches at once, and a thousand
 * pages then cost one or two round trips instead of a thousand. A load joins only a read not yet
 * sent, so it never answers with a row read before it was asked (a logout committed before the
 * call is always seen); while one read is out, the loads that arrive wait for the next one.
 */
class SessionRowLoader {
  private pending = new Map<string, Waiting>();
  private sending = false;
  private scheduled = false;

  constructor(private readonly db: Db) {}

  load(id: string): Promise<SessionRow | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    const key = id.toLowerCase();
    const queued = this.pending.get(key);
    if (queued) return queued.promise;
    let resolve!: Waiting["resolve"];
    let reject!: Waiting["reject"];
    const promise = new Promise<SessionRow | null>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.pending.set(key, { promise, resolve, reject });
    this.schedule();
    return promise;
  }

  /** After the current burst of synchronous work (the requests a single event prompted), unless a read is out. */
  private schedule(): void {
    if (this.sending || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.send();
    });
  }

  private async send(): Promise<void> {
    if (this.sending || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.sending = true;
    try {
      // Prepared (planned once per connection) and read as JSON rows: every request of every
      // portal passes here, and building the join afresh each time cost more than running it.
      const res = await executePrepared<{ session: Record<string, unknown>; staff: Record<string, unknown> }>(
        this.db,
        sql`select to_json(s) as session, to_json(p) as staff from login_sessions s join staff p on p.id = s.staff_id
          where s.id = any(${`{${[...batch.keys()].join(",")}}`}::uuid[]) and s.ended_at is null`,
      );
      const rows = res.rows.map((r) => ({ session: rowOfJson(schema.loginSessions, r.session), staff: rowOfJson(schema.staff, r.staff) }));
      const byId = new Map(rows.map((r) => [r.session.id.toLowerCase(), r]));
      for (const [id, w] of batch) w.resolve(byId.get(id) ?? null);
    } catch (error) {
      for (const w of batch.values()) w.reject(error);
    } finally {
      this.sending = false;
      if (this.pending.size > 0) void this.send();
    }
  }
}

const loaders = new WeakMap<Db, SessionRowLoader>();

/** The live (not ended) login session row with that id, with its person; expiry and portal are the caller's to check. */
export function loadSessionRow(db: Db, id: string): Promise<SessionRow | null> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new SessionRowLoader(db);
    loaders.set(db, loader);
  }
  return loader.load(id);
}
