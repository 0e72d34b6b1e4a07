import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { SERVICE_WORKER_SOURCE } from "./service-worker";

/**
 * The service worker's source, run as the browser would run it (its own global scope), with the
 * network and the Cache API replaced by fakes: what does a page load get?
 */
const ORIGIN = "https://slutenvard.test";
const OFFLINE_HTML = "<html><body>Vårdkedjan är inte tillgänglig just nu</body></html>";

interface FetchEvent {
  request: { method: string; url: string; mode: string };
  respondWith(p: Promise<Response>): void;
  waitUntil(p: Promise<unknown>): void;
}

function worker(network: (url: string) => Promise<Response>, cached: Record<string, string> = { "/offline": OFFLINE_HTML }) {
  const listeners: Record<string, (e: unknown) => void> = {};
  const store = new Map(Object.entries(cached).map(([k, v]) => [k, v]));
  const keyOf = (req: string | { url: string }) => (typeof req === "string" ? req : new URL(req.url).pathname);
  const caches = {
    match: async (req: string | { url: string }) => {
      const body = store.get(keyOf(req));
      return body === undefined ? undefined : new Response(body, { status: 200, headers: { "content-type": "text/html" } });
    },
    open: async () => ({ put: async () => undefined, add: async () => undefined, keys: async () => [], delete: async () => true }),
    keys: async () => [],
    delete: async () => true,
  };
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type: string, fn: (e: unknown) => void) => (listeners[type] = fn),
    skipWaiting: () => undefined,
    clients: { claim: async () => undefined },
  };
  runInNewContext(SERVICE_WORKER_SOURCE, {
    self,
    caches,
    fetch: (req: string | { url: string }) => network(typeof req === "string" ? req : req.url),
    Response,
    URL,
    Set,
    Promise,
    Date,
  });

  /** A page load (or another request); undefined when the worker leaves it to the browser. */
  return async (path: string, mode = "navigate", method = "GET"): Promise<Response | undefined> => {
    let answer: Promise<Response> | undefined;
    const event: FetchEvent = {
      request: { method, url: `${ORIGIN}${path}`, mode },
      respondWith: (p) => (answer = p),
      waitUntil: () => undefined,
    };
    listeners.fetch!(event);
    return answer;
  };
}

const status =
  (code: number, body = `svar ${code}`) =>
  async () =>
    new Response(body, { status: code });

describe("service worker: what a page load gets", () => {
  it("the saved offline page when the portal answers with any server error (its database gone: 500)", async () => {
    for (const code of [500, 502, 503, 504]) {
      const res = await worker(status(code))("/arenden/123");
      expect(await res!.text(), String(code)).toBe(OFFLINE_HTML);
    }
  });

  it("the saved offline page when the network is gone", async () => {
    const res = await worker(() => Promise.reject(new TypeError("Failed to fetch")))("/");
    expect(await res!.text()).toBe(OFFLINE_HTML);
  });

  it("the portal's own answer when it works, or refuses, or has no such page", async () => {
    for (const code of [200, 303, 403, 404]) {
      const res = await worker(status(code, "portalens svar"))("/arenden/123");
      expect(res!.status, String(code)).toBe(code);
      expect(await res!.text()).toBe("portalens svar");
    }
  });

  it("the portal's own (Swedish) error page on a server error when no offline page was saved yet", async () => {
    const res = await worker(status(500, "portalens felsida"), {})("/");
    expect(res!.status).toBe(500);
    expect(await res!.text()).toBe("portalens felsida");
  });

  it("a Swedish notice when neither the network nor a saved page is there", async () => {
    const res = await worker(() => Promise.reject(new TypeError("Failed to fetch")), {})("/");
    expect(res!.status).toBe(503);
    expect(await res!.text()).toMatch(/^Vårdkedjan är inte tillgänglig just nu/);
  });

  it("leaves API calls and posts to the browser", async () => {
    const load = worker(status(500));
    expect(await load("/api/trpc/case.get", "cors", "POST")).toBeUndefined();
    expect(await load("/api/events", "cors")).toBeUndefined();
  });
});
