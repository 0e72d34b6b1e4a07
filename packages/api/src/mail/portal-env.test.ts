import { describe, expect, it } from "vitest";

import { EnvError, parsePortalEnv } from "../portal/env";

// The mail settings of the portal environment (SMTP_URL, MAIL_FROM).
const base = {
  DATABASE_URL: "postgres://localhost:5433/vardkedjan",
  AUTH_SECRET: "0123456789abcdef0123",
  OIDC_ISSUER: "http://localhost:3010",
  OIDC_CLIENT_ID: "vk-kommun",
  OIDC_CLIENT_SECRET: "hemligt",
};

describe("parsePortalEnv: e-mail", () => {
  it("has no mail without SMTP_URL", () => {
    expect(parsePortalEnv(base).mail).toBeNull();
    expect(parsePortalEnv({ ...base, MAIL_FROM: "noreply@vardkedjan.local" }).mail).toBeNull();
  });

  it("reads SMTP_URL and MAIL_FROM", () => {
    expect(parsePortalEnv({ ...base, SMTP_URL: "smtp://localhost:3025", MAIL_FROM: "Vårdkedjan <noreply@vardkedjan.local>" }).mail).toEqual({
      url: "smtp://localhost:3025",
      from: "Vårdkedjan <noreply@vardkedjan.local>",
    });
    expect(parsePortalEnv({ ...base, SMTP_URL: "smtps://vk:pw@smtp.region.example", MAIL_FROM: "noreply@region.example" }).mail?.url).toBe(
      "smtps://vk:pw@smtp.region.example",
    );
  });

  it.each([
    [{ SMTP_URL: "localhost:3025", MAIL_FROM: "noreply@vardkedjan.local" }, "SMTP_URL"],
    [{ SMTP_URL: "http://localhost:3025", MAIL_FROM: "noreply@vardkedjan.local" }, "SMTP_URL"],
    [{ SMTP_URL: "smtp://localhost:3025" }, "MAIL_FROM: krävs när SMTP_URL är satt"],
    [{ SMTP_URL: "smtp://localhost:3025", MAIL_FROM: "Vårdkedjan" }, "MAIL_FROM"],
    [{ SMTP_URL: "smtp://localhost:3025", MAIL_FROM: "a@b.se, c@d.se" }, "MAIL_FROM"],
  ])("refuses %j", (extra, expected) => {
    expect(() => parsePortalEnv({ ...base, ...extra })).toThrow(EnvError);
    expect(() => parsePortalEnv({ ...base, ...extra })).toThrow(expected);
  });
});
