import type { Portal, RoleContext } from "@vardkedjan/domain/identity/types";

/** The logged-in person as services see them: who, in which portal, in which active context. */
export interface Actor {
  /** The login session acted in; null for work done without one (the demo data). */
  loginSessionId: string | null;
  staffId: string;
  hsaId: string;
  name: string;
  title: string | null;
  portal: Portal;
  /** The active context; procedures below protectedProcedure guarantee it is set and of this portal. */
  context: RoleContext;
}
