import { cache } from "react";
import { cookies } from "next/headers";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { sessionCookieName, type PortalAuth } from "@vardkedjan/auth";
import type { Db } from "@vardkedjan/db/client";
import { createCaller } from "../root";
import type { ApiContext } from "../trpc";
import { loadSession, type SessionView } from "../services/identity/session";
import { createSmtpMailer, type Mailer } from "../mail/mailer";
import { parsePortalEnv, type PortalEnv } from "./env";
import { portalAuth } from "./auth";
import { dbFor, hubFor } from "./resources";
import { forPage } from "./requests";
import { loginSessionIdOf } from "./session-cookie";

/**
 * What every room of the portal server works with: the environment, the database, Auth.js and the
 * current request's session. Everything is made on first use, so that `next build` needs no
 * secrets; the environment is validated then, once.
 */
export interface PortalContext {
  portal: Portal;
  env(): PortalEnv;
  db(): Db;
  auth(): PortalAuth;
  mailer(): Mailer | null;
  /** The login session of the current request, read once per request. */
  session(): Promise<SessionView | null>;
  /**
   * The portal's public origin (VK_URL_*), not the request's: behind a reverse proxy `req.url`
   * carries the listen address. Redirects, logout URIs and the same-origin check use it.
   */
  publicOrigin(): string;
  /** The tRPC context of the current request; `expectedContextId` is the page's (x-vk-context). */
  apiContext(expectedContextId: string | null): Promise<ApiContext>;
  /** A tRPC caller for server components, bound to the current session. */
  caller(): Promise<ReturnType<typeof createCaller>>;
}

export function createPortalContext(portal: Portal, rawEnv: Record<string, string | undefined>): PortalContext {
  let env: PortalEnv | undefined;
  let auth: PortalAuth | undefined;
  let mailer: Mailer | null | undefined;
  const getEnv = () => (env ??= parsePortalEnv(rawEnv));
  const db = () => dbFor(getEnv().databaseUrl).db;

  const session = cache((): Promise<SessionView | null> =>
    forPage("session", async () => {
      const cookie = (await cookies()).get(sessionCookieName(portal))?.value;
      const loginSessionId = await loginSessionIdOf(cookie, async () => (await ctx.auth().auth())?.loginSessionId ?? null);
      if (!loginSessionId) return null;
      return loadSession(db(), loginSessionId, portal);
    }),
  );

  const ctx: PortalContext = {
    portal,
    env: getEnv,
    db,
    auth: () => (auth ??= portalAuth(portal, getEnv(), db)),
    mailer: () => (mailer ??= getEnv().mail ? createSmtpMailer(getEnv().mail!) : null),
    session,
    publicOrigin: () => new URL(getEnv().portalUrls[portal]).origin,
    apiContext: async (expectedContextId) => ({
      db: db(),
      portal,
      session: await session(),
      expectedContextId,
      mailer: ctx.mailer(),
      portalUrls: getEnv().portalUrls,
      outageCache: hubFor(getEnv().databaseUrl).outages,
    }),
    caller: async () => createCaller(await ctx.apiContext(null)),
  };
  return ctx;
}
