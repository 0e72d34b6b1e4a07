import { z } from "zod";
import { PORTALS, type Portal } from "@vardkedjan/domain/identity/types";

const portalUrlKeys = { slutenvard: "VK_URL_SLUTENVARD", primarvard: "VK_URL_PRIMARVARD", kommun: "VK_URL_KOMMUN", forvaltning: "VK_URL_FORVALTNING" } as const;
const defaultPorts: Record<Portal, number> = { slutenvard: 3001, primarvard: 3002, kommun: 3003, forvaltning: 3004 };

const schema = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "måste vara en postgres://-adress"),
    AUTH_SECRET: z.string().min(16, "minst 16 tecken"),
    OIDC_ISSUER: z.string().url(),
    OIDC_CLIENT_ID: z.string().min(1),
    OIDC_CLIENT_SECRET: z.string().min(1),
    /** Comma-separated LoA URIs accepted at login. */
    OIDC_ACCEPTED_LOA: z.string().default("http://id.sambi.se/loa/loa3"),
    SESSION_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(8 * 3600)
      .default(8 * 3600),
    VK_URL_SLUTENVARD: z.string().url().optional(),
    VK_URL_PRIMARVARD: z.string().url().optional(),
    VK_URL_KOMMUN: z.string().url().optional(),
    VK_URL_FORVALTNING: z.string().url().optional(),
    /** Outgoing e-mail, e.g. smtp://localhost:3025 (the test mail server); unset: no e-mail is sent. */
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\/[^/\s]+/.test(v) && URL.canParse(v), "måste vara en smtp://- eller smtps://-adress, t.ex. smtp://localhost:3025")
      .optional(),
    /** The sender of that e-mail, e.g. "Vårdkedjan <noreply@vardkedjan.local>"; required with SMTP_URL. */
    MAIL_FROM: z
      .string()
      .regex(
        /^(?:[^<>@\r\n,;]*<[^\s<>@,;"]+@[^\s<>@,;"]+>|[^\s<>@,;"]+@[^\s<>@,;"]+)$/,
        "måste vara en e-postadress, t.ex. Vårdkedjan <noreply@vardkedjan.local>",
      )
      .optional(),
  })
  .refine((e) => !e.SMTP_URL || e.MAIL_FROM, { message: "krävs när SMTP_URL är satt", path: ["MAIL_FROM"] });

export interface PortalEnv {
  databaseUrl: string;
  authSecret: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; acceptedLoa: string[] };
  sessionMaxAgeSeconds: number;
  /** Public base URL of every portal, for "your portal is …" links. */
  portalUrls: Record<Portal, string>;
  /** Outgoing e-mail (SMTP_URL, MAIL_FROM), or null when SMTP_URL is unset. */
  mail: { url: string; from: string } | null;
}

export class EnvError extends Error {}

/** Validates a portal's environment once; a bad environment fails at start with a clear message. */
export function parsePortalEnv(raw: Record<string, string | undefined>): PortalEnv {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Felaktig miljö (environment) för portalen:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const portalUrls = Object.fromEntries(PORTALS.map((p) => [p, e[portalUrlKeys[p]] ?? `http://localhost:${defaultPorts[p]}`])) as Record<Portal, string>;
  return {
    databaseUrl: e.DATABASE_URL,
    authSecret: e.AUTH_SECRET,
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      acceptedLoa: e.OIDC_ACCEPTED_LOA.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    },
    sessionMaxAgeSeconds: e.SESSION_MAX_AGE_SECONDS,
    portalUrls,
    mail: e.SMTP_URL && e.MAIL_FROM ? { url: e.SMTP_URL, from: e.MAIL_FROM } : null,
  };
}
