import { schema, and, eq, inArray, type Db } from "@vardkedjan/db/client";
import type { DeviationStatus } from "@vardkedjan/domain/deviation/types";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";
import { writeAudit } from "../../audit";
import { can } from "@vardkedjan/domain/access/actions";
import { withCaseAccess } from "../case/scope";
import { receiverOptions, type ReceiverOption } from "./report";
import { candidateCondition, loadDeviationViewer } from "./viewer";
import { loadDeviationViews, type DeviationView } from "./views";

export interface DeviationListInput {
  /** Received by the viewer's organisation, or reported by the viewer's side. */
  view: "mottagna" | "rapporterade";
  statuses?: DeviationStatus[] | null;
}

/** The deviations the actor has a seat at, newest first: received (to handle) or reported (to follow). */
export async function listDeviations(db: Db, actor: Actor, input: DeviationListInput): Promise<DeviationView[]> {
  return db.transaction(async (tx) => {
    const viewer = await loadDeviationViewer(tx, actor);
    const conditions = [candidateCondition(viewer)];
    if (input.statuses?.length) conditions.push(inArray(schema.deviations.status, input.statuses));
    const views = await loadDeviationViews(tx, viewer, and(...conditions)!);
    return views.filter((v) => v.side === (input.view === "mottagna" ? "mottagare" : "anmalare"));
  });
}

/** One deviation, with its history; "not found" for someone without a seat at it. */
export async function getDeviation(db: Db, actor: Actor, deviationId: string): Promise<DeviationView> {
  const view = await db.transaction(async (tx) => {
    const viewer = await loadDeviationViewer(tx, actor);
    const [v] = await loadDeviationViews(tx, viewer, and(eq(schema.deviations.id, deviationId), candidateCondition(viewer))!, 1);
    if (!v) await writeAudit(tx, actor, { action: "deviation.read", activity: "Läsa", outcome: "denied", entityType: "deviation", entityId: deviationId });
    return v ?? null;
  });
  if (!view) throw new AppError("NOT_FOUND", { userMessage: "Avvikelsen finns inte, eller så är den inte rapporterad av eller till dig." });
  return view;
}

export interface CaseDeviations {
  deviations: DeviationView[];
  /** The organisations a report from this viewer can go to; empty when the viewer's role does not report. */
  receivers: ReceiverOption[];
}

/** The deviations of a case the actor has a seat at, and where a report can go, for the case page; through case access, like the case itself. */
export async function caseDeviations(db: Db, actor: Actor, caseId: string): Promise<CaseDeviations> {
  return withCaseAccess(db, actor, caseId, async (tx) => {
    const viewer = await loadDeviationViewer(tx, actor);
    const deviations = await loadDeviationViews(tx, viewer, and(eq(schema.deviations.caseId, caseId), candidateCondition(viewer))!);
    return { deviations, receivers: can(actor.context.role, "deviation.report") ? await receiverOptions(tx, actor, caseId) : [] };
  });
}
