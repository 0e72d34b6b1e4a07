/**
 * createSmtpMailer against a real SMTP server: the local test mail server, started here. Also
 * what happens when the SMTP server is dead or silent: the send fails within seconds.
 */
import { createServer, type Server, type Socket } from "node:net";

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Tests only: the dev tool's factory, by relative path (packages/api does not depend on it).
import { createTestMailServer, type TestMailServer } from "../../../../apps/test-mail/src/index";
import { MailError, createSmtpMailer, type SmtpMailer } from "./mailer";
import { contactListConfirmationMail } from "./templates";

const FROM = "Vårdkedjan <noreply@vardkedjan.local>";

let server: TestMailServer;
let mailer: SmtpMailer;

beforeAll(async () => {
  server = await createTestMailServer({ smtpPort: 0, host: "127.0.0.1" });
  mailer = createSmtpMailer({ url: server.smtpUrl, from: FROM });
});

afterEach(() => {
  server.clear();
  vi.restoreAllMocks();
});

afterAll(async () => {
  mailer?.close();
  await server?.close();
});

describe("createSmtpMailer with the test mail server", () => {
  it("delivers the contact-list confirmation mail, Swedish characters intact", async () => {
    const content = contactListConfirmationMail({
      organisationName: "Örnsköldsviks kommun",
      regionName: "Region Västernorrland",
      deadline: new Date("2026-10-25T01:30:00Z"),
      confirmUrl: "http://localhost:3004/kontaktlista/bekrafta?t=Zx8_k-3Qp",
      outageSystemLabel: "journalsystemet",
    });

    const { messageId } = await mailer.send({ to: "asa.berg@ornskoldsvik.example", ...content });

    const mail = await server.waitFor((m) => m.messageId === messageId);
    expect(messageId).toMatch(/^<.+@vardkedjan\.local>$/);
    expect(mail.to).toEqual(["asa.berg@ornskoldsvik.example"]);
    expect(mail.from).toContain("Vårdkedjan");
    expect(mail.from).toContain("<noreply@vardkedjan.local>");
    expect(mail.subject).toBe("Driftstörning: bekräfta kontaktlistan för Örnsköldsviks kommun senast söndag 25 oktober 2026 kl. 02.30 (normaltid)");
    expect(mail.text).toBe(content.text);
    expect(mail.text).toContain("http://localhost:3004/kontaktlista/bekrafta?t=Zx8_k-3Qp");
    expect(mail.text).toContain("Det här meddelandet innehåller inga patientuppgifter.");
    expect(mail.html).toContain('href="http://localhost:3004/kontaktlista/bekrafta?t=Zx8_k-3Qp"');
    expect(mail.html).toContain("Region Västernorrland");
  });

  it("sends several messages over the pooled connection, and plain text without HTML", async () => {
    const sent = await Promise.all(
      ["a", "b", "c"].map((x) => mailer.send({ to: `Person ${x.toUpperCase()} <${x}@kommun.example>`, subject: `Prov ${x} åäö`, text: `Text ${x} ÅÄÖ` })),
    );
    expect(new Set(sent.map((s) => s.messageId)).size).toBe(3);
    await server.waitFor((m) => m.subject === "Prov c åäö");
    await vi.waitFor(() => expect(server.messages()).toHaveLength(3));
    const byTo = Object.fromEntries(server.messages().map((m) => [m.to[0], m]));
    expect(byTo["b@kommun.example"]).toMatchObject({ subject: "Prov b åäö", text: "Text b ÅÄÖ\n", html: null });
  });

  it("logs nothing, least of all the body", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => undefined));
    await mailer.send({ to: "tyst@kommun.example", subject: "Tyst", text: "HEMLIG-BRODTEXT" });
    await server.waitFor((m) => m.subject === "Tyst");
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe("createSmtpMailer when the SMTP server fails", () => {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  function listen(onConnection: (socket: Socket) => void): Promise<number> {
    const srv = createServer((socket) => {
      sockets.add(socket);
      onConnection(socket);
    });
    servers.push(srv);
    return new Promise((resolve) => srv.listen(0, "127.0.0.1", () => resolve((srv.address() as { port: number }).port)));
  }

  it("rejects at once when nothing listens, with a MailError the caller can record", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, "127.0.0.1", () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const dead = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: FROM });
    const started = Date.now();
    try {
      const err = await dead.send({ to: "x@kommun.example", subject: "Död", text: "BRODTEXT" }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(MailError);
      expect(err).toMatchObject({ code: "ESOCKET" });
      expect((err as Error).message).toMatch(
        /^E-post kunde inte skickas: e-postservern tog inte emot anslutningen \(ESOCKET: connect ECONNREFUSED 127\.0\.0\.1:\d+\)\.$/,
      );
      expect((err as Error).message).not.toContain("BRODTEXT");
    } finally {
      dead.close();
    }
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("gives up on a server that accepts the connection but never greets, within the greeting timeout", async () => {
    const port = await listen(() => undefined);
    const silent = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: FROM, timeouts: { greetingMs: 500 } });
    const started = Date.now();
    try {
      await expect(silent.send({ to: "x@kommun.example", subject: "Tyst server", text: "x" })).rejects.toMatchObject({
        name: "MailError",
        code: "ETIMEDOUT",
      });
    } finally {
      silent.close();
    }
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("reports a message the server refuses, with the reply code", async () => {
    const port = await listen((socket) => {
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\r\n").filter(Boolean)) {
          if (/^EHLO/i.test(line)) socket.write("250 test\r\n");
          else if (/^MAIL FROM/i.test(line)) socket.write("250 ok\r\n");
          else if (/^RCPT TO/i.test(line)) socket.write("550 5.1.1 Mottagaren finns inte\r\n");
          else if (/^QUIT/i.test(line)) socket.end("221 hej\r\n");
          else socket.write("250 ok\r\n");
        }
      });
    });
    const refusing = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: FROM });
    try {
      await expect(refusing.send({ to: "saknas@kommun.example", subject: "x", text: "x" })).rejects.toMatchObject({
        name: "MailError",
        code: "EENVELOPE",
        responseCode: 550,
      });
    } finally {
      refusing.close();
    }
  });
});
