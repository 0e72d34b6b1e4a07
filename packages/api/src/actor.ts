import type { Portal, RoleContext } from "@vardkedjan/domain/identity/types";

/** The logged-in person as services see them: who, in which portal, in which active context. */
export interface Actor {
  loginSessionId: string;
  staffId: string;
  hsaId: string;
  name: string;
  title: string | null;
  portal: Portal;
  /** The active context; procedures below protectedProcedure guarantee it is set and of this portal. */
  context: RoleContext;
}
