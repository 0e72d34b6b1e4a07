import { TRPCError } from "@trpc/server";

/**
 * The one application error. A closed union of codes, each with an HTTP/tRPC code and a Swedish
 * message for the user; `internal` is for logs and never shown.
 */
export const APP_ERROR_CODES = {
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", http: 401, sv: "Du är inte inloggad eller din session har gått ut. Logga in igen." },
  NO_ACTIVE_CONTEXT: { trpc: "FORBIDDEN", http: 403, sv: "Välj ett arbetssammanhang innan du fortsätter." },
  WRONG_PORTAL: { trpc: "FORBIDDEN", http: 403, sv: "Ditt arbetssammanhang hör till en annan portal." },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403, sv: "Du har inte behörighet att göra detta." },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404, sv: "Det du söker finns inte, eller så har du inte tillgång till det." },
  INVALID_INPUT: { trpc: "BAD_REQUEST", http: 400, sv: "Uppgifterna är ofullständiga eller felaktiga." },
  CONFLICT: { trpc: "CONFLICT", http: 409, sv: "Någon annan har ändrat uppgifterna under tiden. Ladda om och försök igen." },
  STALE_CONTEXT: { trpc: "CONFLICT", http: 409, sv: "Du har bytt arbetssammanhang i en annan flik. Sidan laddas om med det nya sammanhanget." },
  TRANSITION_NOT_ALLOWED: { trpc: "PRECONDITION_FAILED", http: 412, sv: "Steget kan inte göras i ärendets nuvarande läge." },
  // tRPC's own refusals, before any procedure runs: an unknown procedure, a body that cannot be
  // read, the wrong HTTP method, a body too large.
  UNKNOWN_PROCEDURE: { trpc: "NOT_FOUND", http: 404, sv: "Anropet finns inte i Vårdkedjans gränssnitt. Ladda om sidan och försök igen." },
  MALFORMED_REQUEST: { trpc: "PARSE_ERROR", http: 400, sv: "Anropet kunde inte läsas. Ladda om sidan och försök igen." },
  METHOD_NOT_ALLOWED: { trpc: "METHOD_NOT_SUPPORTED", http: 405, sv: "Anropet måste skickas på ett annat sätt. Ladda om sidan och försök igen." },
  TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413, sv: "Uppgifterna är för stora för att skickas." },
  UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503, sv: "Tjänsten är inte tillgänglig just nu. Försök igen om en stund." },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500, sv: "Något gick fel. Försök igen; kvarstår felet, kontakta support." },
} as const satisfies Record<string, { trpc: TRPCError["code"]; http: number; sv: string }>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The Swedish message shown to the user. */
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, opts: { userMessage?: string; internal?: string; details?: Record<string, unknown> } = {}) {
    super(opts.internal ?? opts.userMessage ?? code);
    this.name = "AppError";
    this.code = code;
    this.userMessage = opts.userMessage ?? APP_ERROR_CODES[code].sv;
    this.details = opts.details;
  }

  get httpStatus(): number {
    return APP_ERROR_CODES[this.code].http;
  }

  toTRPCError(): TRPCError {
    return new TRPCError({ code: APP_ERROR_CODES[this.code].trpc, message: this.userMessage, cause: this });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
