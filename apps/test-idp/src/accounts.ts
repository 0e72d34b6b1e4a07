/**
 * Which claim set belongs to which login.
 *
 * The `sub` (= oidc-provider accountId) is stable per employeeHsaId, as at Inera, but one HSA-id
 * can be logged in with different claim sets (a demo identity, or a pasted variant of it) in
 * parallel browser sessions, e.g. in parallel e2e tests. So the claim set is bound to the IdP
 * session that logged in, not to the sub: a login stores a snapshot, the first request after the
 * login (the resume) binds it to the session uid, and tokens (which carry `sessionUid`) read it
 * from there.
 */
import { createHash, randomUUID } from "node:crypto";

import type { ClaimSet } from "./claims.js";

/** Opaque, stable subject for an employee HSA-id: a UUIDv8 derived from it (never the HSA-id itself). */
export function opaqueSubject(employeeHsaId: string): string {
  const bytes = createHash("sha256").update(`vardkedjan-test-idp:sub:${employeeHsaId}`).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8 (custom)
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface Snapshot {
  accountId: string;
  claims: ClaimSet;
}

/** Bounded map: the oldest entries go first. Keeps a long-running IdP from growing without end. */
class BoundedMap<V> {
  readonly #map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.#map.get(key);
  }
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.max) {
      const oldest = this.#map.keys().next().value;
      if (oldest === undefined) break;
      this.#map.delete(oldest);
    }
  }
  delete(key: string): void {
    this.#map.delete(key);
  }
}

export class AccountStore {
  readonly #pending = new BoundedMap<Snapshot>(2_000);
  readonly #bySession = new BoundedMap<Snapshot>(10_000);
  /** Fallback only, for a token without a session binding. */
  readonly #latestByAccount = new BoundedMap<ClaimSet>(10_000);

  /** Records a login's claim set; returns the reference to put in the interaction result. */
  stage(accountId: string, claims: ClaimSet): string {
    const ref = randomUUID();
    this.#pending.set(ref, { accountId, claims });
    this.#latestByAccount.set(accountId, claims);
    return ref;
  }

  /** Binds a staged claim set to the IdP session that completed the login. */
  bind(ref: string, accountId: string, sessionUid: string): boolean {
    const snapshot = this.#pending.get(ref);
    if (!snapshot || snapshot.accountId !== accountId) return false;
    this.#bySession.set(sessionUid, snapshot);
    this.#pending.delete(ref);
    return true;
  }

  claimsFor(accountId: string, sessionUid: string | undefined): ClaimSet | undefined {
    if (sessionUid) {
      const snapshot = this.#bySession.get(sessionUid);
      if (snapshot && snapshot.accountId === accountId) return snapshot.claims;
    }
    return this.#latestByAccount.get(accountId);
  }

  forgetSession(sessionUid: string): void {
    this.#bySession.delete(sessionUid);
  }
}
