import { describe, expect, it } from "vitest";

import { MailError, createSmtpMailer, smtpOptionsFromUrl } from "./mailer";

describe("smtpOptionsFromUrl", () => {
  it("reads a local test server without TLS or login", () => {
    expect(smtpOptionsFromUrl("smtp://localhost:3025")).toEqual({ host: "localhost", port: 3025, secure: false, auth: undefined, requireTLS: false });
    expect(smtpOptionsFromUrl("smtp://127.0.0.1:4025").requireTLS).toBe(false);
    expect(smtpOptionsFromUrl("smtp://[::1]:4025")).toMatchObject({ host: "::1", requireTLS: false });
  });

  it("requires STARTTLS towards another machine unless told not to, and reads the login", () => {
    expect(smtpOptionsFromUrl("smtp://vk%40region.example:hemligt%21@smtp.region.example")).toEqual({
      host: "smtp.region.example",
      port: 587,
      secure: false,
      auth: { user: "vk@region.example", pass: "hemligt!" },
      requireTLS: true,
    });
    expect(smtpOptionsFromUrl("smtp://relay.region.example:25?requireTLS=false").requireTLS).toBe(false);
    expect(smtpOptionsFromUrl("smtps://smtp.region.example")).toMatchObject({ port: 465, secure: true, requireTLS: false });
  });

  it.each(["localhost:3025", "http://localhost:3025", "smtp://", ""])("refuses %j", (url) => {
    expect(() => smtpOptionsFromUrl(url)).toThrow(MailError);
  });
});

describe("createSmtpMailer", () => {
  it("refuses an invalid sender", () => {
    expect(() => createSmtpMailer({ url: "smtp://localhost:3025", from: "Vårdkedjan" })).toThrow(/MAIL_FROM/);
    expect(() => createSmtpMailer({ url: "smtp://localhost:3025", from: "a@b.c, d@e.f" })).toThrow(/MAIL_FROM/);
  });

  it.each(["a@example.org, b@example.org", "a@example.org;b@example.org", "ingen-adress", "a@example.org\r\nBcc: b@example.org"])(
    "refuses the recipient %j without connecting",
    async (to) => {
      const mailer = createSmtpMailer({ url: "smtp://127.0.0.1:1", from: "Vårdkedjan <noreply@vardkedjan.local>" });
      try {
        await expect(mailer.send({ to, subject: "x", text: "x" })).rejects.toMatchObject({ name: "MailError", code: "EINVALID" });
      } finally {
        mailer.close();
      }
    },
  );
});
