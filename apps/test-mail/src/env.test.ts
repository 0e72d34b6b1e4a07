import { describe, expect, it } from "vitest";

import { EnvError, readEnv } from "./env.js";

describe("readEnv", () => {
  it("defaults to SMTP on 3025 and the web page on 3011", () => {
    expect(readEnv({})).toEqual({ smtpPort: 3025, httpPort: 3011 });
    expect(readEnv({ TEST_MAIL_SMTP_PORT: " ", TEST_MAIL_HTTP_PORT: "" })).toEqual({ smtpPort: 3025, httpPort: 3011 });
  });

  it("reads the ports", () => {
    expect(readEnv({ TEST_MAIL_SMTP_PORT: "4025", TEST_MAIL_HTTP_PORT: "4011" })).toEqual({ smtpPort: 4025, httpPort: 4011 });
  });

  it.each([
    [{ TEST_MAIL_SMTP_PORT: "abc" }, "TEST_MAIL_SMTP_PORT"],
    [{ TEST_MAIL_SMTP_PORT: "70000" }, "1–65535"],
    [{ TEST_MAIL_HTTP_PORT: "30.5" }, "TEST_MAIL_HTTP_PORT"],
    [{ TEST_MAIL_SMTP_PORT: "4000", TEST_MAIL_HTTP_PORT: "4000" }, "olika"],
  ])("rejects %j with a clear message", (env, expected) => {
    expect(() => readEnv(env)).toThrow(EnvError);
    expect(() => readEnv(env)).toThrow(expected);
  });
});
