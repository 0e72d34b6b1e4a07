import type { Db } from "@vardkedjan/db/client";
import { castByKey, type DemoKey } from "@vardkedjan/db/seed";
import { LOA3, type Portal } from "@vardkedjan/domain/identity/types";
import { createCaller } from "../root";
import type { ApiContext } from "../trpc";
import { signIn } from "../services/identity/sign-in";
import { loadSession, chooseContext, actorOf, type SessionView } from "../services/identity/session";
import type { Actor } from "../actor";

export type Caller = ReturnType<typeof createCaller>;

/** What a caller gets besides its portal and session: the database, and the mailer and portal URLs where a test needs them. */
export type CallerContext = Omit<ApiContext, "portal" | "session" | "expectedContextId">;

/** Signs a demo cast member in to a portal at LoA 3 (administrators need it) and loads the new session. */
export async function signInCast(db: Db, who: DemoKey, portal: Portal): Promise<{ loginSessionId: string; session: SessionView }> {
  const { loginSessionId } = await signIn(db, { portal, claims: { ...castByKey(who).claims, acr: LOA3 }, maxAgeSeconds: 3600 });
  return { loginSessionId, session: (await loadSession(db, loginSessionId, portal))! };
}

/** Signs a cast member in with the first context chosen if the login left it open (as `as` does). */
async function signInWithContext(db: Db, who: DemoKey, portal: Portal): Promise<{ loginSessionId: string; session: SessionView }> {
  const signedIn = await signInCast(db, who, portal);
  if (signedIn.session.activeContext) return signedIn;
  await chooseContext(db, signedIn.session, signedIn.session.contexts[0]!.id);
  return { loginSessionId: signedIn.loginSessionId, session: (await loadSession(db, signedIn.loginSessionId, portal))! };
}

/** A cast member as the services' actor (for calling a service or renderer directly). */
export async function castActor(db: Db, who: DemoKey, portal: Portal): Promise<Actor> {
  return actorOf((await signInWithContext(db, who, portal)).session)!;
}

/**
 * `as(who, portal)`: a tRPC caller for a cast member, signed in on first use (and then reused) with
 * the first context chosen if the login left it open. `context` is read only when a caller is made,
 * so it may name what beforeAll sets up.
 */
export function castCallers(context: () => CallerContext): (who: DemoKey, portal: Portal) => Promise<Caller> {
  const callers = new Map<string, Caller>();
  return async function as(who, portal) {
    const id = `${who}@${portal}`;
    if (!callers.has(id)) {
      const ctx = context();
      const { session } = await signInWithContext(ctx.db, who, portal);
      callers.set(id, createCaller({ ...ctx, portal, session, expectedContextId: null }));
    }
    return callers.get(id)!;
  };
}

/** Opens a case at the ward's first ward unit with the proposed kommun and vårdcentral, admitted three hours ago (the tests' common start). */
export async function openWardCase(ward: Caller, identifier: string, idempotencyKey: string, admittedAt = new Date(Date.now() - 3 * 3600_000)) {
  const prep = await ward.case.prepare({ identifier });
  const created = await ward.case.create({
    identifier,
    admittedAt,
    wardUnitId: prep.options.wards[0]!.id,
    careType: "somatisk",
    municipalityUnitId: prep.proposed.municipalityUnitId,
    primaryCareUnitId: prep.proposed.primaryCareUnitId,
    idempotencyKey,
  });
  return { prep, caseId: created.caseId };
}
