/**
 * The demo cast (packages/db/src/seed/cast.ts) is what the IdP issues in dev and e2e. A claim name
 * outside the IdP's catalogue would be dropped silently, so it is checked here.
 */
import { demoIdentities } from "@vardkedjan/db/demo-cast";
import { describe, expect, it } from "vitest";

import { RELEASABLE_CLAIMS } from "./claims.js";
import { createTestIdp } from "./idp.js";

describe("demo cast", () => {
  it("uses only claim names the IdP releases", () => {
    const releasable = new Set(RELEASABLE_CLAIMS);
    const undeclared = demoIdentities.flatMap((i) =>
      Object.keys(i.claims)
        .filter((name) => !releasable.has(name))
        .map((name) => `${i.key}: ${name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it("loads into the IdP (unique keys, an employeeHsaId each)", async () => {
    await expect(
      createTestIdp({
        issuer: "http://localhost:3010",
        clients: [{ client_id: "c", client_secret: "s", redirect_uris: ["http://localhost:1/cb"], post_logout_redirect_uris: [] }],
        identities: demoIdentities,
      }),
    ).resolves.toBeDefined();
  });
});
