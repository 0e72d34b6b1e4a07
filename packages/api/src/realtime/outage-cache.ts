/**
 * What the outage banner asks on every page, kept per process so that an outage announced to a
 * thousand open pages costs a thousand session checks, not a thousand times the outage queries:
 * the region's ongoing outages (with the units each reaches) and, per role context, its region and
 * units. The hub that hears `outage.changed` (realtime/hub.ts) drops the region's entry before any
 * page is told, so the refetch the event prompts reads afresh; while the hub is not listening
 * (no page open, or the connection lost) nothing is cached, since nothing would drop it. A lookup
 * that began before a drop never stores its (possibly older) answer.
 */
export interface CachedRegionOutage<Row> {
  row: Row;
  /** The units the outage reaches, with those below them; null for the whole region. */
  reaches: ReadonlySet<string> | null;
}

export interface ContextScope {
  regionId: string | null;
  unitIds: readonly string[];
}

/** A context's region and units change with the organisation only: looked up again after this. */
const CONTEXT_TTL_MS = 60_000;

export class OutageCache<Row = unknown> {
  private regions = new Map<string, Promise<CachedRegionOutage<Row>[]>>();
  private contexts = new Map<string, { at: number; value: Promise<ContextScope> }>();
  private generation = 0;
  private regionGeneration = new Map<string, number>();
  private loaders = new Map<string, () => Promise<CachedRegionOutage<Row>[]>>();

  constructor(private readonly live: () => boolean) {}

  /** The region's ongoing outages, from the cache while the hub listens. */
  regionOutages(regionId: string, load: () => Promise<CachedRegionOutage<Row>[]>): Promise<CachedRegionOutage<Row>[]> {
    if (!this.live()) return load();
    this.loaders.set(regionId, load);
    return this.regions.get(regionId) ?? this.fill(regionId, load);
  }

  private fill(regionId: string, load: () => Promise<CachedRegionOutage<Row>[]>): Promise<CachedRegionOutage<Row>[]> {
    const startedAt = this.stamp(regionId);
    const value = load();
    this.regions.set(regionId, value);
    value.then(
      () => {
        if (this.stamp(regionId) !== startedAt) this.forget(this.regions, regionId, value);
      },
      () => this.forget(this.regions, regionId, value),
    );
    return value;
  }

  /** A role context's region and units (key: the context's id and scope), for a minute. */
  contextScope(key: string, load: () => Promise<ContextScope>, now = Date.now()): Promise<ContextScope> {
    if (!this.live()) return load();
    const hit = this.contexts.get(key);
    if (hit && now - hit.at < CONTEXT_TTL_MS) return hit.value;
    const value = load();
    const entry = { at: now, value };
    this.contexts.set(key, entry);
    value.catch(() => {
      if (this.contexts.get(key) === entry) this.contexts.delete(key);
    });
    return value;
  }

  /** An outage of the region changed (or, without a region, anything may have: a reconnect). */
  invalidate(regionId?: string): void {
    if (regionId === undefined) {
      this.generation += 1;
      this.regions.clear();
      this.contexts.clear();
      this.loaders.clear();
      return;
    }
    this.regionGeneration.set(regionId, (this.regionGeneration.get(regionId) ?? 0) + 1);
    this.regions.delete(regionId);
    // Read afresh at once, ahead of the refetches the event is about to prompt (the change is
    // committed: PostgreSQL delivers the notification after the commit).
    const load = this.loaders.get(regionId);
    if (load && this.live()) void this.fill(regionId, load).catch(() => undefined);
  }

  private stamp(regionId: string): string {
    return `${this.generation}:${this.regionGeneration.get(regionId) ?? 0}`;
  }

  private forget<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.get(key) === value) map.delete(key);
  }
}
