import { config } from "zod/v4/core";

// The domain's schemas validate forms in the browser too, under the portals' Content-Security-Policy,
// which allows no eval. Zod probes `new Function` when it builds an object schema (the browser
// reports the refused probe) and would compile its parsers with it, so it is told before the first
// schema is built: every schema module of the domain imports this module before zod. On the server
// zod keeps its compiled parsers. (Listed under `sideEffects` in package.json, so no bundler drops
// the bare import.)
if ("document" in globalThis) config({ jitless: true });
