import { describe, expect, it } from "vitest";

import { EnvError, readEnv } from "./env.js";

describe("readEnv", () => {
  it("defaults to port 3010 and the four portals on localhost:3001–3004", () => {
    const env = readEnv({});
    expect(env.port).toBe(3010);
    expect(env.issuer).toBe("http://localhost:3010");
    expect(env.clients.map((c) => c.client_id)).toEqual(["vk-slutenvard", "vk-primarvard", "vk-kommun", "vk-forvaltning"]);
    expect(env.clients[0]).toMatchObject({
      client_secret: "dev-secret-slutenvard",
      redirect_uris: ["http://localhost:3001/api/auth/callback/siths"],
      post_logout_redirect_uris: ["http://localhost:3001/"],
    });
    expect(env.clients[3]?.redirect_uris).toEqual(["http://localhost:3004/api/auth/callback/siths"]);
  });

  it("derives the issuer from the port, or takes TEST_IDP_ISSUER", () => {
    expect(readEnv({ TEST_IDP_PORT: "4010" }).issuer).toBe("http://localhost:4010");
    expect(readEnv({ TEST_IDP_ISSUER: "https://idp.test.example/" }).issuer).toBe("https://idp.test.example");
  });

  it("reads TEST_IDP_CLIENTS", () => {
    const clients = [
      {
        client_id: "x",
        client_secret: "s",
        redirect_uris: ["http://localhost:5000/api/auth/callback/siths"],
        post_logout_redirect_uris: ["http://localhost:5000/"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ];
    expect(readEnv({ TEST_IDP_CLIENTS: JSON.stringify(clients) }).clients).toEqual(clients);
  });

  it.each([
    [{ TEST_IDP_PORT: "abc" }, "TEST_IDP_PORT"],
    [{ TEST_IDP_PORT: "70000" }, "TEST_IDP_PORT"],
    [{ TEST_IDP_ISSUER: "localhost:3010" }, "TEST_IDP_ISSUER"],
    [{ TEST_IDP_ISSUER: "http://localhost:3010/idp" }, "utan sökväg"],
    [{ TEST_IDP_CLIENTS: "[{" }, "inte giltig JSON"],
    [{ TEST_IDP_CLIENTS: "[]" }, "minst en klient"],
    [{ TEST_IDP_CLIENTS: JSON.stringify([{ client_id: "x", client_secret: "s", redirect_uris: [] }]) }, "redirect_uris"],
  ])("rejects %j with a clear message", (env, expected) => {
    expect(() => readEnv(env)).toThrow(EnvError);
    expect(() => readEnv(env)).toThrow(expected);
  });

  it("does not echo client secrets in its error message", () => {
    const clients = [{ client_id: "x", client_secret: "topphemligt", redirect_uris: ["inte-en-url"] }];
    try {
      readEnv({ TEST_IDP_CLIENTS: JSON.stringify(clients) });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain("topphemligt");
    }
  });
});
