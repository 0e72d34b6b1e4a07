/**
 * In-memory storage for oidc-provider models (sessions, interactions, grants, codes, tokens).
 *
 * Memory is fine for a test IdP (a restart logs everyone out of the IdP, nothing else). This
 * replaces oidc-provider's bundled memory adapter because that one is a process-wide LRU capped at
 * 1000 entries: a long e2e run would silently evict live sessions, and two IdPs in one process
 * (tests) would share state. Here each IdP has its own store and entries leave only by expiry.
 */
import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";

interface Entry {
  payload: AdapterPayload;
  expiresAt: number; // epoch ms; Infinity = no expiry
}

const GRANTABLE = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest", "PreAuthorizedCode"]);

const SWEEP_EVERY_MS = 60_000;

export function createMemoryAdapterFactory(): AdapterFactory {
  const entries = new Map<string, Entry>();
  const sessionByUid = new Map<string, string>(); // session uid → key
  const userCodes = new Map<string, string>(); // user code → key
  const grantMembers = new Map<string, Set<string>>(); // grantId → keys
  let lastSweep = Date.now();

  function sweep(now: number): void {
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= now) remove(key);
    }
  }

  function remove(key: string): void {
    const entry = entries.get(key);
    entries.delete(key);
    if (!entry) return;
    const { uid, userCode, grantId } = entry.payload;
    if (typeof uid === "string" && sessionByUid.get(uid) === key) sessionByUid.delete(uid);
    if (typeof userCode === "string" && userCodes.get(userCode) === key) userCodes.delete(userCode);
    if (typeof grantId === "string") grantMembers.get(grantId)?.delete(key);
  }

  function read(key: string | undefined): AdapterPayload | undefined {
    if (key === undefined) return undefined;
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      remove(key);
      return undefined;
    }
    return entry.payload;
  }

  return (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const now = Date.now();
        sweep(now);
        const key = keyFor(id);
        remove(key);
        const expiresAt = typeof expiresIn === "number" ? now + expiresIn * 1000 : Infinity;
        entries.set(key, { payload, expiresAt });
        if (model === "Session" && typeof payload.uid === "string") sessionByUid.set(payload.uid, key);
        if (typeof payload.userCode === "string") userCodes.set(payload.userCode, key);
        if (GRANTABLE.has(model) && typeof payload.grantId === "string") {
          let members = grantMembers.get(payload.grantId);
          if (!members) grantMembers.set(payload.grantId, (members = new Set()));
          members.add(key);
        }
      },
      async find(id) {
        return read(keyFor(id));
      },
      async findByUid(uid) {
        return read(sessionByUid.get(uid));
      },
      async findByUserCode(userCode) {
        return read(userCodes.get(userCode));
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        remove(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        const members = grantMembers.get(grantId);
        grantMembers.delete(grantId);
        for (const key of members ?? []) remove(key);
      },
    };
  };
}
