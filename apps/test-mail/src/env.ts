/**
 * The test mail server's environment, validated once at start.
 *
 *   TEST_MAIL_SMTP_PORT  SMTP port the portals send to (default 3025)
 *   TEST_MAIL_HTTP_PORT  port of the page that shows what arrived, and of /api/messages (default 3011)
 */
import { z } from "zod";

const port = (fallback: number) =>
  z.coerce
    .number({ error: "måste vara ett heltal" })
    .int("måste vara ett heltal")
    .min(1, "måste vara 1–65535")
    .max(65535, "måste vara 1–65535")
    .default(fallback);

const envSchema = z
  .object({
    TEST_MAIL_SMTP_PORT: port(3025),
    TEST_MAIL_HTTP_PORT: port(3011),
  })
  .refine((e) => e.TEST_MAIL_SMTP_PORT !== e.TEST_MAIL_HTTP_PORT, {
    message: "SMTP-porten och webbsidans port måste vara olika",
    path: ["TEST_MAIL_HTTP_PORT"],
  });

export interface TestMailEnv {
  smtpPort: number;
  httpPort: number;
}

export class EnvError extends Error {}

/** Reads and validates the environment; throws EnvError with a readable message. */
export function readEnv(env: NodeJS.ProcessEnv): TestMailEnv {
  const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value);
  const parsed = envSchema.safeParse({
    TEST_MAIL_SMTP_PORT: blankToUndefined(env.TEST_MAIL_SMTP_PORT),
    TEST_MAIL_HTTP_PORT: blankToUndefined(env.TEST_MAIL_HTTP_PORT),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new EnvError(`Ogiltig miljö för test-e-postservern:\n${lines.join("\n")}`);
  }
  return { smtpPort: parsed.data.TEST_MAIL_SMTP_PORT, httpPort: parsed.data.TEST_MAIL_HTTP_PORT };
}
