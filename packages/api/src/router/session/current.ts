import { publicProcedure } from "../../trpc";

/** The logged-in person and their contexts in this portal (null when not logged in). */
export const current = publicProcedure.query(({ ctx }) => {
  const s = ctx.session;
  if (!s) return null;
  return {
    name: s.name,
    title: s.title,
    portal: s.portal,
    activeContext: s.activeContext && { id: s.activeContext.id, role: s.activeContext.role, label: s.activeContext.label },
    contexts: s.contexts.map((c) => ({ id: c.id, role: c.role, label: c.label })),
    expiresAt: s.expiresAt,
  };
});
