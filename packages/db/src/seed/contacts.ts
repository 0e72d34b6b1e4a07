import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { organisations, units } from "../schema/organisation";
import { contactEntries, contactRepresentatives } from "../schema/contacts";
import { demoCast } from "./cast";

/** A stable uuid from a natural key, so the seed finds its own rows again. */
function stableUuid(key: string): string {
  const h = createHash("sha256").update(`vardkedjan:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Entry {
  key: string;
  regionId: string;
  organisationId: string;
  unitId: string | null;
  function: string;
  phones: string[];
  openingHours: string | null;
  functionMailbox: string | null;
  postalAddress: string | null;
  note?: string | null;
  sortOrder: number;
}

const FUNCTION_BY_KIND: Record<string, { fn: string; order: number }> = {
  sjukhus: { fn: "Utskrivningsledare", order: 1 },
  vardavdelning: { fn: "Vårdavdelning", order: 3 },
  vardcentral: { fn: "Vårdcentral (fast vårdkontakt)", order: 4 },
  psykiatrisk_oppenvard: { fn: "Psykiatrisk öppenvård", order: 5 },
  bistandsenhet: { fn: "Biståndshandläggare", order: 1 },
  hemsjukvard: { fn: "Kommunsjuksköterska, hemsjukvård", order: 2 },
  hemtjanstgrupp: { fn: "Hemtjänst", order: 3 },
};

/**
 * The demo Kontaktlista driftstörning, from the units' public numbers (Reservrutin Link, Avbrottsrutin Lifecare SP) and
 * their opening hours; each kommun's designated representatives are its delegated admins and a
 * function mailbox. An entry an administrator has changed since (a later version) is left alone.
 */
export async function seedContactList(tx: DbOrTx): Promise<{ entries: number; representatives: number }> {
  const orgs = await tx.select().from(organisations);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const regionOf = (orgId: string) => {
    const o = orgById.get(orgId)!;
    return o.regionId ?? o.id;
  };
  const entries: Entry[] = [];
  for (const o of orgs) {
    const switchboardUnit = (await tx.select().from(units).where(eq(units.organisationId, o.id)).limit(1))[0];
    if (switchboardUnit?.switchboard) {
      entries.push({
        key: `${o.hsaId}:vaxel`,
        regionId: regionOf(o.id),
        organisationId: o.id,
        unitId: null,
        function: o.kind === "kommun" ? "Växel (biståndshandläggare och kommunsjuksköterska via växeln)" : "Växel",
        phones: [switchboardUnit.switchboard],
        openingHours: o.kind === "region" ? "dygnet runt" : "vardagar 08.00–16.30",
        functionMailbox: null,
        postalAddress: null,
        sortOrder: 0,
      });
    }
  }
  for (const u of await tx.select().from(units).where(eq(units.active, true))) {
    const f = FUNCTION_BY_KIND[u.kind];
    if (!f || !u.phone) continue;
    entries.push({
      key: `${u.hsaId}:${u.kind}`,
      regionId: regionOf(u.organisationId),
      organisationId: u.organisationId,
      unitId: u.id,
      function: f.fn,
      phones: [u.phone],
      openingHours: u.openingHours,
      functionMailbox: u.functionMailbox,
      postalAddress: [u.streetAddress, [u.postalCode, u.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null,
      sortOrder: f.order,
    });
  }
  // Waranteamet (Region Sörmland, "Reservrutin Link"): run from Kullbergska sjukhuset and Mälarsjukhuset, staffed on weekdays.
  const sormland = orgs.find((o) => o.shortCode === "SRM");
  const kullbergska = sormland
    ? (
        await tx
          .select()
          .from(units)
          .where(and(eq(units.organisationId, sormland.id), eq(units.kind, "sjukhus")))
      ).find((u) => u.name.startsWith("Kullbergska"))
    : undefined;
  if (sormland && kullbergska?.phone) {
    entries.push({
      key: `${sormland.hsaId}:waranteamet`,
      regionId: sormland.id,
      organisationId: sormland.id,
      unitId: kullbergska.id,
      function: "Waranteamet (AK-mottagning)",
      phones: [kullbergska.phone],
      openingHours: "vardagar 08.00–16.00",
      functionMailbox: null,
      postalAddress: null,
      note: "Ringer kommunens sjuksköterska vid avvikande provsvar. Övriga doseringsbesked skickas med post (ca en veckas fördröjning).",
      sortOrder: 2,
    });
  }

  for (const e of entries) {
    const entryId = stableUuid(e.key);
    const [current] = await tx
      .select()
      .from(contactEntries)
      .where(and(eq(contactEntries.entryId, entryId), isNull(contactEntries.supersededAt)));
    if (current) {
      if (current.version > 1 || current.changedByStaffId) continue;
      const same =
        current.function === e.function &&
        JSON.stringify(current.phones) === JSON.stringify(e.phones) &&
        current.openingHours === e.openingHours &&
        current.functionMailbox === e.functionMailbox &&
        current.postalAddress === e.postalAddress &&
        current.note === (e.note ?? null);
      if (same) continue;
      await tx
        .update(contactEntries)
        .set({
          function: e.function,
          phones: e.phones,
          openingHours: e.openingHours,
          functionMailbox: e.functionMailbox,
          postalAddress: e.postalAddress,
          note: e.note ?? null,
          sortOrder: e.sortOrder,
        })
        .where(eq(contactEntries.id, current.id));
      continue;
    }
    await tx.insert(contactEntries).values({
      entryId,
      version: 1,
      regionId: e.regionId,
      organisationId: e.organisationId,
      unitId: e.unitId,
      function: e.function,
      phones: e.phones,
      openingHours: e.openingHours,
      functionMailbox: e.functionMailbox,
      postalAddress: e.postalAddress,
      note: e.note ?? null,
      sortOrder: e.sortOrder,
      validFrom: new Date("2026-11-01T08:00:00+01:00"),
    });
  }

  // Representatives: each kommun's delegated administrators from the cast, else a function mailbox.
  let reps = 0;
  for (const o of orgs.filter((x) => x.kind === "kommun")) {
    const admins = demoCast.filter((m) => m.organisationHsaId === o.hsaId && m.intended.some((i) => i.role === "kommunadmin"));
    const people = admins.length
      ? admins.map((m) => ({ name: m.displayName, email: `${m.key}@example.se` }))
      : [{ name: `Kontaktlisteansvarig, ${o.name}`, email: `kontaktlista.${o.shortCode?.toLowerCase() ?? "kommun"}@example.se` }];
    for (const p of people) {
      const id = stableUuid(`rep:${o.hsaId}:${p.email}`);
      await tx.insert(contactRepresentatives).values({ id, organisationId: o.id, name: p.name, email: p.email }).onConflictDoNothing();
      reps += 1;
    }
  }
  return { entries: entries.length, representatives: reps };
}
