/**
 * The test mail server over real sockets: nodemailer sends, the server parses and keeps the
 * message, and both messages() and GET /api/messages return it.
 */
import { createRequire } from "node:module";
import { connect } from "node:net";

import type * as Nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createTestMailServer, type ReceivedMail, type TestMailServer } from "./index.js";

// nodemailer is a dependency of @vardkedjan/api (the only sender); it is not hoisted to the root
// node_modules, so load it from there rather than adding a second copy to this dev tool.
const nodemailer = createRequire(new URL("../../../packages/api/package.json", import.meta.url))("nodemailer") as typeof Nodemailer;

let server: TestMailServer;
let transport: Nodemailer.Transporter;

beforeAll(async () => {
  server = await createTestMailServer({ smtpPort: 0, httpPort: 0, host: "127.0.0.1", maxMessageBytes: 64 * 1024 });
  const { hostname, port } = new URL(server.smtpUrl);
  transport = nodemailer.createTransport({ host: hostname, port: Number(port), secure: false, ignoreTLS: true });
});

afterEach(() => server.clear());

afterAll(async () => {
  transport?.close();
  await server?.close();
});

const FROM = "Vårdkedjan <noreply@vardkedjan.local>";

describe("test mail server", () => {
  it("publishes its addresses", () => {
    expect(server.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(server.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("receives a message with å, ä and ö in subject and body, and returns it from messages() and /api/messages", async () => {
    const info = await transport.sendMail({
      from: FROM,
      to: "Åsa Berg <asa.berg@eskilstuna.example>",
      subject: "Bekräfta kontaktlistan – Älvsbyns kommun, Östra vårdcentralen",
      text: "Hej!\nKontrollera uppgifterna för Örnsköldsviks kommun före söndag kl. 14.30.\nÅtergå till https://localhost:3003/kontaktlista.",
      html: "<p>Hej!</p><p>Kontrollera uppgifterna för <strong>Örnsköldsviks kommun</strong>.</p>",
    });

    const mail = await server.waitFor((m) => m.to.includes("asa.berg@eskilstuna.example"), 5_000);
    expect(mail).toMatchObject({
      to: ["asa.berg@eskilstuna.example"],
      subject: "Bekräfta kontaktlistan – Älvsbyns kommun, Östra vårdcentralen",
      messageId: info.messageId,
    });
    expect(mail.from).toContain("Vårdkedjan");
    expect(mail.from).toContain("<noreply@vardkedjan.local>");
    expect(mail.text).toContain("Kontrollera uppgifterna för Örnsköldsviks kommun före söndag kl. 14.30.");
    expect(mail.text).toContain("Återgå till https://localhost:3003/kontaktlista.");
    expect(mail.html).toContain("<strong>Örnsköldsviks kommun</strong>");
    expect(Number.isNaN(Date.parse(mail.receivedAt))).toBe(false);
    expect(server.messages()).toEqual([mail]);

    const res = await fetch(`${server.httpUrl}/api/messages`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await res.json()) as ReceivedMail[]).toEqual([mail]);

    const filtered = await fetch(`${server.httpUrl}/api/messages?to=ASA.BERG@eskilstuna.example`);
    expect(((await filtered.json()) as ReceivedMail[]).map((m) => m.id)).toEqual([mail.id]);
    const none = await fetch(`${server.httpUrl}/api/messages?to=ingen@example.org`);
    expect(await none.json()).toEqual([]);
  });

  it("lists every envelope recipient, Bcc included", async () => {
    await transport.sendMail({ from: FROM, to: "a@example.org", bcc: "b@example.org", subject: "Två", text: "x" });
    const mail = await server.waitFor((m) => m.subject === "Två");
    expect(mail.to.sort()).toEqual(["a@example.org", "b@example.org"]);
    expect(mail.html).toBeNull();
  });

  it("waitFor resolves for a message that arrives later, and times out otherwise", async () => {
    const waiting = server.waitFor((m) => m.subject === "Senare", 5_000);
    await transport.sendMail({ from: FROM, to: "c@example.org", subject: "Senare", text: "kommer efter" });
    await expect(waiting).resolves.toMatchObject({ subject: "Senare", text: "kommer efter\n" });

    const started = Date.now();
    await expect(server.waitFor((m) => m.subject === "Aldrig", 200)).rejects.toThrow(/inom 200 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("DELETE /api/messages and clear() empty the inbox", async () => {
    await transport.sendMail({ from: FROM, to: "d@example.org", subject: "Töm", text: "x" });
    await server.waitFor((m) => m.subject === "Töm");
    const del = await fetch(`${server.httpUrl}/api/messages`, { method: "DELETE" });
    expect(del.status).toBe(204);
    expect(server.messages()).toEqual([]);
    expect(await (await fetch(`${server.httpUrl}/api/messages`)).json()).toEqual([]);
  });

  it("refuses a message over the size limit", async () => {
    await expect(transport.sendMail({ from: FROM, to: "e@example.org", subject: "Stor", text: "å".repeat(100 * 1024) })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(server.messages()).toEqual([]);
  });

  it("accepts mail without AUTH and does not offer AUTH or STARTTLS", async () => {
    const ehlo = await smtpDialogue(server.smtpUrl, ["EHLO test.local", "QUIT"]);
    expect(ehlo).toMatch(/^220 /m);
    expect(ehlo).toMatch(/^250[- ]SIZE 65536/m);
    expect(ehlo).not.toMatch(/STARTTLS/);
    expect(ehlo).not.toMatch(/^250[- ]AUTH/m);
  });

  it("shows received mail on a Swedish, accessible page with the text and a working link", async () => {
    await transport.sendMail({
      from: FROM,
      to: "f@example.org",
      subject: "Kontaktlista <driftstörning>",
      text: "Bekräfta här: https://localhost:3003/kontaktlista?x=1&y=2.",
    });
    await server.waitFor((m) => m.to.includes("f@example.org"));

    const res = await fetch(`${server.httpUrl!}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("<h1>Test-e-post</h1>");
    expect(html).toContain("1 meddelande har kommit.");
    expect(html).toContain("Kontaktlista &lt;driftstörning&gt;");
    expect(html).toContain('<a href="https://localhost:3003/kontaktlista?x=1&amp;y=2">https://localhost:3003/kontaktlista?x=1&amp;y=2</a>.');
    expect(html).toContain('<a class="button" href="/">Uppdatera</a>');
    expect(html).not.toMatch(/<script|http-equiv="refresh"/i);

    // The page's "Töm inkorgen" form, and a cross-site attempt at it.
    const foreign = await fetch(`${server.httpUrl!}/tom`, { method: "POST", headers: { Origin: "http://elak.example" }, redirect: "manual" });
    expect(foreign.status).toBe(403);
    const crossSite = await fetch(`${server.httpUrl!}/tom`, { method: "POST", headers: { "Sec-Fetch-Site": "cross-site" }, redirect: "manual" });
    expect(crossSite.status).toBe(403);
    expect(server.messages()).toHaveLength(1);
    const own = await fetch(`${server.httpUrl!}/tom`, { method: "POST", headers: { Origin: server.httpUrl! }, redirect: "manual" });
    expect(own.status).toBe(303);
    expect(server.messages()).toEqual([]);
    expect(await (await fetch(`${server.httpUrl!}/?tomd=1`)).text()).toContain("Inkorgen har tömts.");
  });

  it("answers /health and 404", async () => {
    expect(await (await fetch(`${server.httpUrl!}/health`)).json()).toMatchObject({ status: "ok", messages: 0 });
    const missing = await fetch(`${server.httpUrl!}/finns-inte`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Sidan finns inte");
  });
});

describe("createTestMailServer without a web page", () => {
  it("has no httpUrl and closes even with a pooled client still connected", async () => {
    const bare = await createTestMailServer({ smtpPort: 0, host: "127.0.0.1" });
    expect(bare.httpUrl).toBeNull();
    const { hostname, port } = new URL(bare.smtpUrl);
    const pooled = nodemailer.createTransport({ pool: true, host: hostname, port: Number(port), ignoreTLS: true });
    try {
      await pooled.sendMail({ from: FROM, to: "g@example.org", subject: "Pool", text: "x" });
      expect(bare.messages().map((m) => m.subject)).toEqual(["Pool"]);
      const pending = expect(bare.waitFor(() => false, 60_000)).rejects.toThrow(/stängdes/);
      const started = Date.now();
      await bare.close();
      await pending;
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      pooled.close();
    }
  });
});

/** Sends raw SMTP lines one at a time and returns everything the server said. */
function smtpDialogue(smtpUrl: string, lines: string[]): Promise<string> {
  const { hostname, port } = new URL(smtpUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let transcript = "";
    const queue = [...lines];
    socket.setEncoding("utf8");
    socket.setTimeout(5_000, () => socket.destroy(new Error("SMTP-dialogen tog för lång tid")));
    socket.on("data", (chunk: string) => {
      transcript += chunk;
      // Send the next line when the server has finished its reply (a line "NNN text", not "NNN-text").
      if (/^\d{3} [^\n]*\r\n$/m.test(chunk.split(/\r\n(?=.)/).pop() ?? "")) {
        const next = queue.shift();
        if (next) socket.write(`${next}\r\n`);
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(transcript));
  });
}
