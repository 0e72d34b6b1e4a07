/**
 * A local SMTP server for development and tests ("Test-e-post"): accepts every message on
 * localhost without authentication or TLS, parses it with mailparser, keeps it in memory and
 * never delivers it anywhere. Optionally serves a Swedish web page listing what arrived, and
 * `GET/DELETE /api/messages` for browser tests.
 *
 * Only for development and tests: there is no authentication, and the page shows every message.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo, Server } from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

import { renderInboxPage, renderNotFoundPage, sendHtml } from "./pages.js";
import type { ReceivedMail } from "./types.js";

export type { ReceivedMail };

export interface TestMailServerOptions {
  /** SMTP port; 0 picks a free port (see smtpUrl). */
  smtpPort: number;
  /** Port of the web page and /api/messages; 0 picks a free port; omitted: no web page. */
  httpPort?: number | undefined;
  /**
   * Address to listen on. Default: every interface (IPv4 and IPv6), like the test IdP, so that
   * "localhost" works whichever address family a client resolves it to. Tests pass "127.0.0.1".
   */
  host?: string | undefined;
  /** Largest accepted message in bytes (default 5 MiB); larger ones are refused with 552. */
  maxMessageBytes?: number | undefined;
  /** How many messages are kept; the oldest are dropped first (default 500). */
  maxMessages?: number | undefined;
}

export interface TestMailServer {
  /** e.g. `smtp://localhost:3025` */
  readonly smtpUrl: string;
  /** e.g. `http://localhost:3011`, or null without a web page. */
  readonly httpUrl: string | null;
  /** Copies of the received messages, oldest first. */
  messages(): ReceivedMail[];
  /** The first received message matching `predicate`, already received or arriving within `timeoutMs` (default 5000). */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Forgets every received message. */
  clear(): void;
  close(): Promise<void>;
}

const DEFAULT_MAX_MESSAGE_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_MESSAGES = 500;
const DEFAULT_WAIT_MS = 5_000;

interface SmtpError extends Error {
  responseCode: number;
}

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

export async function createTestMailServer(opts: TestMailServerOptions): Promise<TestMailServer> {
  const maxMessageBytes = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const maxMessages = opts.maxMessages ?? DEFAULT_MAX_MESSAGES;
  const received: ReceivedMail[] = [];
  const waiters = new Set<{ onMail(mail: ReceivedMail): void; onClose(): void }>();

  const copy = (mail: ReceivedMail): ReceivedMail => ({ ...mail, to: [...mail.to] });

  function store(mail: ReceivedMail): void {
    received.push(mail);
    if (received.length > maxMessages) received.splice(0, received.length - maxMessages);
    for (const waiter of [...waiters]) waiter.onMail(mail);
  }

  function onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    simpleParser(stream).then(
      (parsed) => {
        if (stream.sizeExceeded) {
          callback(smtpError(552, `Error: message exceeds fixed maximum message size ${maxMessageBytes}`));
          return;
        }
        store(toReceivedMail(parsed, session));
        callback();
      },
      () => {
        // Drain what is left so the connection can continue, then refuse the message.
        stream.resume();
        callback(smtpError(554, "Error: the message could not be parsed"));
      },
    );
  }

  const smtp = new SMTPServer({
    name: "localhost",
    banner: "Vardkedjan test-e-post (endast test, levererar inget)",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: maxMessageBytes,
    disableReverseLookup: true,
    logger: false,
    // Pooled clients keep their connection open; don't wait 30 s for them on close().
    closeTimeout: 500,
    onData,
  });
  smtp.on("error", (err) => console.error(`[test-mail] SMTP-fel: ${err.message}`));

  await listen(smtp.server, opts.smtpPort, opts.host);
  const urlHost = urlHostFor(opts.host);
  const smtpUrl = `smtp://${urlHost}:${(smtp.server.address() as AddressInfo).port}`;

  let web: http.Server | null = null;
  let httpUrl: string | null = null;
  if (opts.httpPort !== undefined) {
    web = http.createServer((req, res) => {
      try {
        handleHttp(req, res);
      } catch (err) {
        console.error(`[test-mail] fel i ${req.method ?? "?"} ${req.url ?? ""}: ${(err as Error).message}`);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Internt fel");
      }
    });
    try {
      await listen(web, opts.httpPort, opts.host);
    } catch (err) {
      await closeSmtp(smtp);
      throw err;
    }
    httpUrl = `http://${urlHost}:${(web.address() as AddressInfo).port}`;
  }

  function handleHttp(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/\/+$/, "") || "/";

    if (path === "/" && (method === "GET" || method === "HEAD")) {
      sendHtml(res, 200, renderInboxPage({ smtpUrl, messages: [...received].reverse(), cleared: url.searchParams.has("tomd") }));
      return;
    }
    // The page's "Töm inkorgen" button (a form cannot send DELETE).
    if (path === "/tom" && method === "POST") {
      if (!sameOrigin(req)) return sendJson(res, 403, { error: "Fel ursprung (Origin)." });
      req.resume();
      received.length = 0;
      res.writeHead(303, { Location: "/?tomd=1", "Cache-Control": "no-store" });
      res.end();
      return;
    }
    if (path === "/api/messages") {
      if (method === "GET" || method === "HEAD") {
        const to = url.searchParams.get("to")?.trim().toLowerCase();
        const list = to ? received.filter((m) => m.to.some((a) => a.toLowerCase() === to)) : received;
        return sendJson(res, 200, list);
      }
      if (method === "DELETE") {
        received.length = 0;
        res.writeHead(204, { "Cache-Control": "no-store" });
        res.end();
        return;
      }
      res.setHeader("Allow", "GET, HEAD, DELETE");
      return sendJson(res, 405, { error: "Metoden stöds inte." });
    }
    if (path === "/health" && (method === "GET" || method === "HEAD")) {
      return sendJson(res, 200, { status: "ok", smtpUrl, messages: received.length });
    }
    sendHtml(res, 404, renderNotFoundPage());
  }

  return {
    smtpUrl,
    httpUrl,
    messages: () => received.map(copy),
    waitFor(predicate, timeoutMs = DEFAULT_WAIT_MS) {
      try {
        const found = received.find(predicate);
        if (found) return Promise.resolve(copy(found));
      } catch (err) {
        return Promise.reject(err as Error);
      }
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter = {
          onMail(mail: ReceivedMail) {
            let matches: boolean;
            try {
              matches = predicate(mail);
            } catch (err) {
              done();
              reject(err as Error);
              return;
            }
            if (matches) {
              done();
              resolve(copy(mail));
            }
          },
          onClose() {
            done();
            reject(new Error("Test-e-postservern stängdes innan ett matchande meddelande kom."));
          },
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`Inget matchande e-postmeddelande kom inom ${timeoutMs} ms (${received.length} mottagna).`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        waiters.add(waiter);
      });
    },
    clear() {
      received.length = 0;
    },
    async close() {
      for (const waiter of [...waiters]) waiter.onClose();
      await Promise.all([
        closeSmtp(smtp),
        web
          ? new Promise<void>((resolve) => {
              web.close(() => resolve());
              web.closeAllConnections();
            })
          : undefined,
      ]);
    },
  };
}

// ---------------------------------------------------------------------------------------------

function toReceivedMail(parsed: ParsedMail, session: SMTPServerSession): ReceivedMail {
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
  return {
    id: randomUUID(),
    from: parsed.from?.text || envelopeFrom,
    to: session.envelope.rcptTo.map((r) => r.address),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: parsed.html === false ? null : parsed.html,
    messageId: parsed.messageId ?? null,
    receivedAt: new Date().toISOString(),
  };
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once("error", onError);
    server.once("listening", () => {
      server.off("error", onError);
      resolve();
    });
    server.listen(port, host);
  });
}

function closeSmtp(smtp: SMTPServer): Promise<void> {
  return new Promise((resolve) => {
    if (!smtp.server.listening) return resolve();
    smtp.close(() => resolve());
  });
}

function urlHostFor(host: string | undefined): string {
  if (!host || host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/** A form post from another site must not empty the inbox. */
function sameOrigin(req: http.IncomingMessage): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined) return site === "same-origin" || site === "none";
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(JSON.stringify(body));
}
