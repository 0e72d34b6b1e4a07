import { redirect } from "next/navigation";
import type { SessionView } from "../services/identity/session";
import type { PortalContext } from "./context";

/** Where a logged-in person should be sent when they cannot work in this portal yet. */
export type Gate =
  | { kind: "ok"; session: SessionView & { activeContext: NonNullable<SessionView["activeContext"]> } }
  | { kind: "login" }
  | { kind: "choose"; session: SessionView }
  | { kind: "wrong-portal"; session: SessionView }
  | { kind: "no-access"; session: SessionView };

/** The page of each way out of the gate. */
export const GATE_PATHS = { login: "/logga-in", choose: "/valj-sammanhang", "wrong-portal": "/fel-portal", "no-access": "/ingen-behorighet" } as const;

/** One context → in; several → choose; contexts only in other portals → those; none → why not. */
export async function gate(ctx: PortalContext): Promise<Gate> {
  const session = await ctx.session();
  if (!session) return { kind: "login" };
  if (session.activeContext) return { kind: "ok", session: session as Extract<Gate, { kind: "ok" }>["session"] };
  if (session.contexts.length > 0) return { kind: "choose", session };
  if (session.otherPortals.length > 0) return { kind: "wrong-portal", session };
  return { kind: "no-access", session };
}

/** For the pages behind login: the session with an active context, or a redirect. */
export async function requireSession(ctx: PortalContext) {
  const g = await gate(ctx);
  if (g.kind !== "ok") redirect(GATE_PATHS[g.kind]);
  return g.session;
}

/** Paths inside this portal only: a `till` parameter never sends anyone elsewhere. */
export function safePath(p: string | null | undefined): string {
  return p && p.startsWith("/") && !p.startsWith("//") ? p : "/";
}
