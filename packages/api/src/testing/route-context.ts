import type { Db } from "@vardkedjan/db/client";
import type { Portal } from "@vardkedjan/domain/identity/types";
import type { PortalContext } from "../portal/context";
import type { SessionView } from "../services/identity/session";

/**
 * A portal's context for calling a route handler (documents, exports, the event stream) in a test:
 * the test's database and the given session, as Auth.js would have read it from the cookie. What a
 * route handler must not need (the environment, Auth.js, the tRPC context) throws if it is asked.
 */
export function testRouteContext(db: Db, portal: Portal, session: SessionView | null, origin: string): PortalContext {
  return {
    portal,
    env: () => {
      throw new Error("not needed");
    },
    db: () => db,
    auth: () => {
      throw new Error("not needed");
    },
    mailer: () => null,
    session: async () => session,
    publicOrigin: () => origin,
    apiContext: () => Promise.reject(new Error("not needed")),
    caller: () => Promise.reject(new Error("not needed")),
  };
}
