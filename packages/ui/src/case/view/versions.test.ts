import { describe, expect, it } from "vitest";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { versionGroups } from "./versions";

const m = (id: string, kind: MessageKind, minute: number, correctsMessageId: string | null = null) => {
  const at = new Date(Date.UTC(2026, 1, 2, 13, minute));
  return { id, kind, occurredAt: at, registeredAt: at, correctsMessageId };
};

describe("versionGroups", () => {
  it("keeps the newest planning basis and the last correction current, with the older versions beside them", () => {
    const groups = versionGroups([
      m("p1", "planeringsunderlag", 1),
      m("n", "inskrivningsmeddelande", 2),
      m("p2", "planeringsunderlag", 3),
      m("n2", "inskrivningsmeddelande", 4, "n"),
      m("n3", "inskrivningsmeddelande", 5, "n2"),
      m("g", "generellt", 6),
      m("p3", "planeringsunderlag", 7),
    ]);
    expect(groups.map((g) => [g.current.id, g.older.map((o) => o.id)])).toEqual([
      ["p3", ["p2", "p1"]],
      ["g", []],
      ["n3", ["n2", "n"]],
    ]);
  });
});
