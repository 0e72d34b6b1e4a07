/**
 * Starts the SITHS test IdP with the demo cast: `npm start -w @vardkedjan/test-idp`.
 * Logs startup and errors only (never claims, names or personnummer).
 */
import { demoIdentities } from "@vardkedjan/db/demo-cast";

import { EnvError, readEnv } from "./env.js";
import { createTestIdp } from "./idp.js";

async function main(): Promise<void> {
  const env = readEnv(process.env);
  const idp = await createTestIdp({ issuer: env.issuer, clients: env.clients, identities: demoIdentities });
  await idp.listen(env.port);

  console.log(
    `[test-idp] SITHS test-IdP (endast test och demo) lyssnar på port ${env.port}\n` +
      `[test-idp]   issuer:    ${idp.issuer}\n` +
      `[test-idp]   discovery: ${idp.issuer}/.well-known/openid-configuration\n` +
      `[test-idp]   klienter:  ${env.clients.map((c) => c.client_id).join(", ")}\n` +
      `[test-idp]   demoidentiteter: ${demoIdentities.length}`,
  );

  const shutdown = (signal: string) => {
    console.log(`[test-idp] ${signal}: stänger`);
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof EnvError) {
    console.error(`[test-idp] ${err.message}`);
  } else if ((err as NodeJS.ErrnoException | undefined)?.code === "EADDRINUSE") {
    console.error(`[test-idp] Porten är upptagen. Sätt TEST_IDP_PORT till en ledig port.`);
  } else {
    console.error("[test-idp] Kunde inte starta:", err);
  }
  process.exit(1);
});
