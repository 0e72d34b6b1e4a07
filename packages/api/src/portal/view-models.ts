import { cache } from "react";
import { redirect } from "next/navigation";
import { can } from "@vardkedjan/domain/access/actions";
import { actorOf } from "../services/identity/session";
import { activeOutagesFor, type ActiveOutage } from "../services/outage/current";
import type { PortalContext } from "./context";
import { requireSession } from "./gate";
import { forPage } from "./requests";

/**
 * View models for the shared pages in @vardkedjan/ui: plain data, spread into the component by
 * the app's one-line page. Each sends the person through the gate the page needs.
 */
export function viewModels(ctx: PortalContext) {
  const { portal } = ctx;

  /** The outages affecting the active context, once per request; a failure must not break the page. */
  const currentOutages = cache(async (): Promise<ActiveOutage[]> => {
    const session = await ctx.session();
    const actor = session ? actorOf(session) : null;
    if (!actor || actor.context.portal !== portal) return [];
    return activeOutagesFor(ctx.db(), actor).catch(() => []);
  });

  return {
    /** The frame of every page behind login. */
    async shellProps() {
      const session = await requireSession(ctx);
      return {
        portal,
        user: { name: session.name, title: session.title },
        contextLabel: session.activeContext.label.label,
        contextId: session.activeContext.id,
        role: session.activeContext.role,
        canSwitchContext: session.contexts.length > 1,
        // The outage banner is in the first HTML of every page; the page then follows it live.
        outages: await currentOutages(),
      };
    },

    async chooserProps(searchParams: Promise<Record<string, string | string[] | undefined>>) {
      const session = await ctx.session();
      if (!session) redirect("/logga-in");
      if (session.contexts.length === 0) redirect(session.otherPortals.length > 0 ? "/fel-portal" : "/ingen-behorighet");
      const params = await searchParams;
      return { portal, name: session.name, contexts: session.contexts, activeId: session.activeContext?.id ?? null, error: params.fel === "1" };
    },

    async noAccessProps() {
      const session = await ctx.session();
      if (!session) redirect("/logga-in");
      return { portal, name: session.name, reasons: session.denialReasons };
    },

    async wrongPortalProps() {
      const session = await ctx.session();
      if (!session) redirect("/logga-in");
      if (session.otherPortals.length === 0) redirect("/ingen-behorighet");
      return { portal, name: session.name, targets: session.otherPortals.map((p) => ({ portal: p, url: ctx.env().portalUrls[p] })) };
    },

    adminOverviewProps() {
      return forPage("forvaltning", async () => {
        const session = await requireSession(ctx);
        // The economy roles administer nothing: their start page is the invoice basis.
        if (!can(session.activeContext.role, "org.manage") && can(session.activeContext.role, "invoice.read"))
          redirect("/betalningsansvar/faktureringsunderlag");
        const data = await (await ctx.caller()).admin.overview();
        return { contextLabel: session.activeContext.label.label, data };
      });
    },
  };
}
