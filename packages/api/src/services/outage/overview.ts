import { schema, and, asc, desc, eq, inArray, sql, type Db } from "@vardkedjan/db/client";
import { can } from "@vardkedjan/domain/access/actions";
import { afterRegistrationProgress } from "@vardkedjan/domain/outage/report";
import { outageReportRows, OUTAGE_REPORT_COLUMNS } from "@vardkedjan/domain/outage/report";
import { parseOutageChange } from "@vardkedjan/domain/outage/outage-change";
import { parseStoredPhoneContact } from "@vardkedjan/domain/outage/phone-contact-stored";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { regionOfActor } from "./region";
import { asDomainItem, windowOf } from "./after-registration";

async function requireRegionId(db: Db, actor: Actor): Promise<string> {
  const regionId = await regionOfActor(db, actor);
  if (!regionId) throw new AppError("FORBIDDEN");
  return regionId;
}

/** Förvaltning: the region's outages, newest first, proposals included. */
export async function listOutages(db: Db, actor: Actor) {
  const regionId = await requireRegionId(db, actor);
  return db
    .select({
      id: schema.outages.id,
      system: schema.outages.system,
      systemDetail: schema.outages.systemDetail,
      status: schema.outages.status,
      scope: schema.outages.scope,
      message: schema.outages.message,
      startedAt: schema.outages.startedAt,
      expectedEndAt: schema.outages.expectedEndAt,
      endedAt: schema.outages.endedAt,
      calls: sql<number>`(select count(*)::int from phone_contacts p where p.outage_id = "outages"."id")`,
      itemsTotal: sql<number>`(select count(*)::int from after_registration_items i where i.outage_id = "outages"."id")`,
      itemsDone: sql<number>`(select count(*)::int from after_registration_items i where i.outage_id = "outages"."id" and i.status <> 'att_gora')`,
    })
    .from(schema.outages)
    .where(eq(schema.outages.regionId, regionId))
    .orderBy(desc(schema.outages.startedAt))
    .limit(100);
}

/** One outage: what, where, its history (who changed what), and after-registration progress per unit. */
export async function getOutage(db: Db, actor: Actor, outageId: string) {
  const regionId = await requireRegionId(db, actor);
  const [outage] = await db
    .select()
    .from(schema.outages)
    .where(and(eq(schema.outages.id, outageId), eq(schema.outages.regionId, regionId)));
  if (!outage) throw new AppError("NOT_FOUND", { userMessage: "Driftstörningen finns inte i din region." });
  const units = await db
    .select({ id: schema.units.id, name: schema.units.name })
    .from(schema.outageUnits)
    .innerJoin(schema.units, eq(schema.units.id, schema.outageUnits.unitId))
    .where(eq(schema.outageUnits.outageId, outageId))
    .orderBy(asc(schema.units.name));
  const eventRows = await db
    .select({
      at: schema.outageEvents.at,
      change: schema.outageEvents.change,
      by: sql<string | null>`(select given_name || ' ' || family_name from staff where staff.id = ${schema.outageEvents.staffId})`,
    })
    .from(schema.outageEvents)
    .where(eq(schema.outageEvents.outageId, outageId))
    .orderBy(asc(schema.outageEvents.at));
  const events = eventRows.map((e) => ({ ...e, change: parseOutageChange(e.change) }));
  const items = await db.select().from(schema.afterRegistrationItems).where(eq(schema.afterRegistrationItems.outageId, outageId));
  const unitNames = new Map(
    (items.length
      ? await db
          .select({ id: schema.units.id, name: schema.units.name })
          .from(schema.units)
          .where(inArray(schema.units.id, [...new Set(items.map((i) => i.unitId))]))
      : []
    ).map((u) => [u.id, u.name]),
  );
  // Handled: registered, or dismissed as a duplicate (or voided with its case): nothing left to do.
  const progress = afterRegistrationProgress(
    items.map(asDomainItem),
    items.filter((i) => i.status !== "att_gora").map((i) => i.key),
  ).map((p) => ({ ...p, unitName: unitNames.get(p.unitId) ?? "" }));
  const [calls] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from phone_contacts where outage_id = ${outageId}`)).rows;
  return { outage, units, events, progress, calls: calls?.n ?? 0 };
}

const csvCell = (v: unknown): string => {
  const s = String(v ?? "");
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The outage report (duration, units, calls logged, items done and pending) as CSV for Excel (semicolons, BOM). */
export async function outageReportCsv(db: Db, actor: Actor, outageId: string, now = new Date()): Promise<string> {
  // A route handler, not a procedure, serves it: the action is checked here, where every caller passes.
  if (!can(actor.context.role, "outage.report")) throw new AppError("FORBIDDEN");
  const { outage, units } = await getOutage(db, actor, outageId);
  const phoneRows = await db.select().from(schema.phoneContacts).where(eq(schema.phoneContacts.outageId, outageId));
  const items = await db.select().from(schema.afterRegistrationItems).where(eq(schema.afterRegistrationItems.outageId, outageId));
  const extraUnitIds = [...new Set([...phoneRows.map((p) => p.unitId), ...items.map((i) => i.unitId)])];
  const names = extraUnitIds.length
    ? await db.select({ id: schema.units.id, name: schema.units.name }).from(schema.units).where(inArray(schema.units.id, extraUnitIds))
    : [];
  const rows = outageReportRows({
    outage: await windowOf(db, outage),
    units: [...units, ...names],
    phoneLog: phoneRows.map((p) => ({
      id: p.id,
      outageId: p.outageId,
      caseId: p.caseId,
      patientId: p.patientId,
      unitId: p.unitId,
      occurredAt: p.occurredAt,
      counterpartName: p.counterpartName,
      counterpartUnitId: p.counterpartUnitId,
      counterpartUnitText: p.counterpartUnitText,
      steps: parseStoredPhoneContact(p).steps,
      direction: p.direction,
      comment: null,
      receiverConfirmed: p.receiverConfirmed,
    })),
    items: items.map(asDomainItem),
    doneKeys: items.filter((i) => i.status !== "att_gora").map((i) => i.key),
    now,
  });
  const lines = [
    OUTAGE_REPORT_COLUMNS.map((c) => csvCell(c.header)).join(";"),
    ...rows.map((r) => OUTAGE_REPORT_COLUMNS.map((c) => csvCell(r[c.key])).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
