import { z } from "zod";
import { adminProcedure, authorize } from "../../trpc";
import { getOutage, listOutages } from "../../services/outage/overview";
import { confirmationStatus } from "../../services/contacts/confirmations";
import { listIntegrations, saveIntegration, runIntegrationChecks } from "../../services/outage/health-checks";
import { OUTAGE_SYSTEMS } from "@vardkedjan/domain/outage/types";

const admin = (action: "outage.read" | "outage.manageIntegrations") => authorize(action, adminProcedure);

export const list = admin("outage.read").query(({ ctx }) => listOutages(ctx.db, ctx.actor));
export const get = admin("outage.read")
  .input(z.object({ outageId: z.string().uuid() }))
  .query(({ ctx, input }) => getOutage(ctx.db, ctx.actor, input.outageId));
export const confirmations = admin("outage.read")
  .input(z.object({ outageId: z.string().uuid() }))
  .query(({ ctx, input }) => confirmationStatus(ctx.db, ctx.actor, input.outageId));
export const integrations = admin("outage.manageIntegrations").query(({ ctx }) => listIntegrations(ctx.db, ctx.actor));
export const saveIntegrationProcedure = admin("outage.manageIntegrations")
  .input(z.object({ id: z.string().uuid().nullish(), name: z.string().max(200), system: z.enum(OUTAGE_SYSTEMS), healthUrl: z.string().max(500) }))
  .mutation(({ ctx, input }) => saveIntegration(ctx.db, ctx.actor, input));
/** Runs the health checks now (they also run every 30 seconds in Förvaltning). */
export const checkIntegrations = admin("outage.manageIntegrations").mutation(({ ctx }) => runIntegrationChecks(ctx.db));
