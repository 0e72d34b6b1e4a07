/**
 * The test IdP's environment, validated once at start.
 *
 *   TEST_IDP_PORT     port to listen on (default 3010)
 *   TEST_IDP_ISSUER   issuer origin the browser and the portals use (default http://localhost:<port>)
 *   TEST_IDP_CLIENTS  JSON array of {client_id, client_secret, redirect_uris, post_logout_redirect_uris,
 *                     client_name?, token_endpoint_auth_method?}; default: the four portals on
 *                     localhost:3001–3004
 */
import { z } from "zod";

import type { ClientConfig } from "./idp.js";

const DEFAULT_PORTALS = [
  { suffix: "slutenvard", name: "Vårdkedjan Slutenvård", port: 3001 },
  { suffix: "primarvard", name: "Vårdkedjan Primärvård", port: 3002 },
  { suffix: "kommun", name: "Vårdkedjan Kommun", port: 3003 },
  { suffix: "forvaltning", name: "Vårdkedjan Förvaltning", port: 3004 },
] as const;

export function defaultClients(): ClientConfig[] {
  return DEFAULT_PORTALS.map(({ suffix, name, port }) => ({
    client_id: `vk-${suffix}`,
    client_secret: `dev-secret-${suffix}`,
    client_name: name,
    redirect_uris: [`http://localhost:${port}/api/auth/callback/siths`],
    post_logout_redirect_uris: [`http://localhost:${port}/`],
  }));
}

const httpUrl = z.url({ protocol: /^https?$/, error: "måste vara en http(s)-URL" });

const clientSchema = z.strictObject({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  redirect_uris: z.array(httpUrl).min(1),
  post_logout_redirect_uris: z.array(httpUrl).default([]),
  client_name: z.string().min(1).optional(),
  token_endpoint_auth_method: z.enum(["client_secret_basic", "client_secret_post"]).optional(),
});

const envSchema = z.object({
  TEST_IDP_PORT: z.coerce
    .number({ error: "måste vara ett heltal" })
    .int("måste vara ett heltal")
    .min(1, "måste vara 1–65535")
    .max(65535, "måste vara 1–65535")
    .default(3010),
  TEST_IDP_ISSUER: httpUrl
    .refine((value) => {
      const url = new URL(value);
      return url.pathname === "/" && !url.search && !url.hash;
    }, "ska vara en origin utan sökväg, t.ex. http://localhost:3010")
    .optional(),
  TEST_IDP_CLIENTS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "är inte giltig JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.array(clientSchema).min(1, "måste innehålla minst en klient"))
    .optional(),
});

export interface TestIdpEnv {
  port: number;
  issuer: string;
  clients: ClientConfig[];
}

export class EnvError extends Error {}

/** Reads and validates the environment; throws EnvError with a readable message. */
export function readEnv(env: NodeJS.ProcessEnv): TestIdpEnv {
  const blankToUndefined = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value);
  const parsed = envSchema.safeParse({
    TEST_IDP_PORT: blankToUndefined(env.TEST_IDP_PORT),
    TEST_IDP_ISSUER: blankToUndefined(env.TEST_IDP_ISSUER),
    TEST_IDP_CLIENTS: blankToUndefined(env.TEST_IDP_CLIENTS),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new EnvError(`Ogiltig miljö för test-IdP:n:\n${lines.join("\n")}`);
  }
  const { TEST_IDP_PORT: port, TEST_IDP_ISSUER, TEST_IDP_CLIENTS } = parsed.data;
  return {
    port,
    issuer: TEST_IDP_ISSUER ? new URL(TEST_IDP_ISSUER).origin : `http://localhost:${port}`,
    clients: TEST_IDP_CLIENTS ?? defaultClients(),
  };
}
