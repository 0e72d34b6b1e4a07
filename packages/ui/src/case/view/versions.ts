import type { MessageKind } from "@vardkedjan/domain/case/types";

interface Versioned {
  id: string;
  kind: MessageKind;
  occurredAt: Date;
  registeredAt: Date;
  correctsMessageId: string | null;
}

export interface VersionGroup<M extends Versioned> {
  /** The version that stands: the latest correction, or the latest planning basis. */
  current: M;
  /** What it replaced, newest first (shown collapsed). */
  older: M[];
}

const newestFirst = (a: Versioned, b: Versioned): number =>
  b.occurredAt.getTime() - a.occurredAt.getTime() || b.registeredAt.getTime() - a.registeredAt.getTime();

/**
 * One entry per message as it stands now: a message and its corrections are one entry (the last
 * correction current), and every version of the planning basis is one entry (the newest current).
 * Entries newest first by their current version.
 */
export function versionGroups<M extends Versioned>(messages: readonly M[]): VersionGroup<M>[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const root = (m: M): string => {
    if (m.kind === "planeringsunderlag") return "planeringsunderlag";
    let at: M = m;
    const seen = new Set<string>();
    while (at.correctsMessageId && byId.has(at.correctsMessageId) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.correctsMessageId)!;
    }
    return at.id;
  };
  const groups = new Map<string, M[]>();
  for (const m of messages) {
    const key = root(m);
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()]
    .map((ms) => {
      const [current, ...older] = [...ms].sort(newestFirst);
      return { current: current!, older };
    })
    .sort((a, b) => newestFirst(a.current, b.current));
}
