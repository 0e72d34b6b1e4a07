import pg from "pg";
import { CHANNEL, type RealtimeEvent } from "./events";
import { OutageCache } from "./outage-cache";

type Listener = (event: RealtimeEvent) => void;

/**
 * One LISTEN connection per process, fanning events out to the open pages (server-sent events)
 * of that process. Reconnects with backoff if the connection drops.
 */
export class EventHub {
  private client: pg.Client | null = null;
  private listeners = new Set<Listener>();
  private connecting: Promise<void> | null = null;
  private retryMs = 250;
  private closed = false;
  /** What the outage banner asks, kept while this hub listens and dropped as outages change. */
  readonly outages = new OutageCache(() => this.client !== null);

  constructor(private readonly databaseUrl: string) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    void this.ensureConnected();
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Resolves when the LISTEN is in place (useful for tests). */
  ready(): Promise<void> {
    return this.ensureConnected();
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let event: RealtimeEvent;
      try {
        event = JSON.parse(msg.payload) as RealtimeEvent;
      } catch {
        return;
      }
      // Before any page hears of it: the refetch it prompts must not meet the old answer.
      if (event.type === "outage.changed") this.outages.invalidate(event.regionId);
      for (const l of this.listeners) {
        try {
          l(event);
        } catch {
          /* one page's failure must not stop the others */
        }
      }
    });
    const drop = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.ensureConnected().catch(() => undefined), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
    client.on("error", drop);
    client.on("end", drop);
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    // Changes while not listening were not heard: nothing kept from before is trusted.
    this.outages.invalidate();
    this.client = client;
    this.retryMs = 250;
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    this.listeners.clear();
    if (c) await c.end().catch(() => undefined);
  }
}
