/**
 * Starts the local test mail server: `npm start -w @vardkedjan/test-mail`.
 * Logs startup and errors only (never addresses, subjects or bodies).
 */
import { EnvError, readEnv } from "./env.js";
import { createTestMailServer } from "./server.js";

async function main(): Promise<void> {
  const env = readEnv(process.env);
  const server = await createTestMailServer({ smtpPort: env.smtpPort, httpPort: env.httpPort });

  console.log(
    `[test-mail] Test-e-post (endast test och utveckling, levererar inget) är igång\n` +
      `[test-mail]   SMTP:     ${server.smtpUrl}\n` +
      `[test-mail]   inkorg:   ${server.httpUrl ?? ""}\n` +
      `[test-mail]   JSON-API: ${server.httpUrl ?? ""}/api/messages`,
  );

  const shutdown = (signal: string) => {
    console.log(`[test-mail] ${signal}: stänger`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof EnvError) {
    console.error(`[test-mail] ${err.message}`);
  } else if ((err as NodeJS.ErrnoException | undefined)?.code === "EADDRINUSE") {
    console.error(`[test-mail] Porten är upptagen. Sätt TEST_MAIL_SMTP_PORT och TEST_MAIL_HTTP_PORT till lediga portar.`);
  } else {
    console.error("[test-mail] Kunde inte starta:", err);
  }
  process.exit(1);
});
