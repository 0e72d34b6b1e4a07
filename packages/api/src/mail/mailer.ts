/**
 * Outgoing e-mail through SMTP (nodemailer, pooled connections). Vårdkedjan sends e-mail only to
 * staff, about the system (e.g. "confirm the contact list"): never patient data.
 *
 * A dead or silent SMTP server fails a send within seconds (short connection, greeting and socket
 * timeouts), and the error is thrown to the caller, who records it. Nothing here logs: not the
 * body, not the subject, not the recipient.
 */
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";

export interface OutgoingMail {
  /** One recipient address, e.g. "asa.berg@kommun.example" or "Åsa Berg <asa.berg@kommun.example>". */
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

export interface Mailer {
  /** Sends one message; rejects with a MailError when the SMTP server did not accept it. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

export interface SmtpMailer extends Mailer {
  /** Closes the pooled connections (a message being sent finishes first). */
  close(): void;
}

export interface SmtpMailerOptions {
  /**
   * `smtp://[user:password@]host[:port]` (port 587 by default; STARTTLS is required unless the host
   * is the local machine or `?requireTLS=false` is given) or `smtps://…` (TLS from the start, port 465).
   */
  url: string;
  /** The sender, e.g. `Vårdkedjan <noreply@vardkedjan.local>`. */
  from: string;
  /** Timeouts in milliseconds (defaults: connection 5 s, greeting 5 s, socket 15 s, DNS 5 s). */
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number; dnsMs?: number } | undefined;
}

/** A message the SMTP server did not take, or an invalid message or configuration. */
export class MailError extends Error {
  /** nodemailer's error code (ECONNECTION, ETIMEDOUT, EDNS, EAUTH, EENVELOPE, EMESSAGE …), or EINVALID. */
  readonly code: string;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode: number | undefined;

  constructor(message: string, opts: { code: string; responseCode?: number | undefined; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "MailError";
    this.code = opts.code;
    this.responseCode = opts.responseCode;
  }
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
const ADDRESS = /^[^\s<>@,;"]+@[^\s<>@,;"]+$/;
const NAMED_ADDRESS = /^[^<>\r\n,;]*<([^\s<>@,;"]+@[^\s<>@,;"]+)>$/;

function isSingleAddress(value: string): boolean {
  const v = value.trim();
  return ADDRESS.test(v) || NAMED_ADDRESS.test(v);
}

/** Reads `SMTP_URL` into nodemailer options; throws MailError (EINVALID) on a bad URL. */
export function smtpOptionsFromUrl(url: string): Pick<SMTPPool.Options, "host" | "port" | "secure" | "auth" | "requireTLS"> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MailError("SMTP-adressen är ingen giltig URL (väntade smtp://värd:port eller smtps://värd:port).", { code: "EINVALID" });
  }
  const secure = parsed.protocol === "smtps:";
  if (!secure && parsed.protocol !== "smtp:") {
    throw new MailError(`SMTP-adressen ska börja med smtp:// eller smtps:// (fick ${parsed.protocol}//).`, { code: "EINVALID" });
  }
  if (!parsed.hostname) throw new MailError("SMTP-adressen saknar värdnamn.", { code: "EINVALID" });
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  const local = LOCAL_HOSTS.has(parsed.hostname) || LOCAL_HOSTS.has(host);
  return {
    host,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    // E-mail leaving the machine goes encrypted unless explicitly told otherwise.
    requireTLS: !secure && !local && parsed.searchParams.get("requireTLS") !== "false",
  };
}

/** An SMTP mailer with pooled connections. Throws MailError (EINVALID) on a bad URL or sender. */
export function createSmtpMailer(opts: SmtpMailerOptions): SmtpMailer {
  const server = smtpOptionsFromUrl(opts.url);
  if (!isSingleAddress(opts.from)) {
    throw new MailError("Avsändaradressen (MAIL_FROM) är ogiltig; väntade t.ex. Vårdkedjan <noreply@vardkedjan.local>.", { code: "EINVALID" });
  }
  const t = opts.timeouts ?? {};
  const options: SMTPPool.Options = {
    ...server,
    pool: true,
    maxConnections: 2,
    maxMessages: 100,
    connectionTimeout: t.connectionMs ?? 5_000,
    greetingTimeout: t.greetingMs ?? 5_000,
    socketTimeout: t.socketMs ?? 15_000,
    dnsTimeout: t.dnsMs ?? 5_000,
    // Never log: the log would hold recipients and, with debug, the whole message.
    logger: false,
    debug: false,
    // Message content is plain text and HTML from our templates; never read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transport = nodemailer.createTransport(options);

  return {
    async send(mail) {
      if (!isSingleAddress(mail.to)) {
        throw new MailError("Mottagaren ska vara exakt en giltig e-postadress.", { code: "EINVALID" });
      }
      if (/[\r\n]/.test(mail.subject)) {
        throw new MailError("Ämnesraden får inte innehålla radbrytningar.", { code: "EINVALID" });
      }
      let info: SMTPPool.SentMessageInfo;
      try {
        info = await transport.sendMail({
          from: opts.from,
          to: mail.to.trim(),
          subject: mail.subject,
          text: mail.text,
          ...(mail.html === undefined ? {} : { html: mail.html }),
        });
      } catch (err) {
        throw toMailError(err);
      }
      if (info.rejected.length > 0 || info.accepted.length === 0) {
        throw new MailError("E-postservern avvisade mottagaren.", { code: "EENVELOPE" });
      }
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}

const EXPLANATIONS: Record<string, string> = {
  ECONNECTION: "kunde inte ansluta till e-postservern",
  ETIMEDOUT: "e-postservern svarade inte i tid",
  EDNS: "e-postserverns namn kunde inte slås upp",
  ESOCKET: "anslutningen till e-postservern misslyckades eller bröts",
  EAUTH: "inloggningen på e-postservern misslyckades",
  ETLS: "krypteringen (TLS) mot e-postservern misslyckades",
  EENVELOPE: "e-postservern avvisade avsändaren eller mottagaren",
  EMESSAGE: "e-postservern avvisade meddelandet",
  EPROTOCOL: "e-postservern svarade oväntat",
};

/** A readable error without the message's content: nodemailer's code, and the server's reply code. */
function toMailError(err: unknown): MailError {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const code = typeof e.code === "string" ? e.code : "ESEND";
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const refused = code === "ESOCKET" && typeof e.message === "string" && e.message.includes("ECONNREFUSED");
  const explanation = refused ? "e-postservern tog inte emot anslutningen" : (EXPLANATIONS[code] ?? "e-postmeddelandet kunde inte skickas");
  const detail = typeof e.message === "string" ? e.message.replace(/\s+/g, " ").trim().slice(0, 200) : "";
  return new MailError(`E-post kunde inte skickas: ${explanation} (${code}${responseCode ? ` ${responseCode}` : ""}${detail ? `: ${detail}` : ""}).`, {
    code,
    responseCode,
    cause: err,
  });
}

/**
 * Sends one mail, composed once, to each recipient, and says in Swedish what went wrong (for the
 * record kept beside a notice), or null when every copy went out. Without a mail server nothing
 * is sent. A failed recipient does not stop the others; the last failure is the one reported.
 */
export async function sendToEach(mailer: Mailer | null, recipients: readonly string[], compose: () => Omit<OutgoingMail, "to">): Promise<string | null> {
  if (!mailer) return "Ingen e-postserver är konfigurerad (SMTP_URL).";
  let mail: Omit<OutgoingMail, "to">;
  try {
    mail = compose();
  } catch (e) {
    return `Kunde inte skapa e-postmeddelandet: ${(e as Error).message}`.slice(0, 500);
  }
  let error: string | null = null;
  for (const to of recipients) {
    try {
      await mailer.send({ to, ...mail });
    } catch (e) {
      error = `Kunde inte skicka till ${to}: ${(e as Error).message}`.slice(0, 500);
    }
  }
  return error;
}
