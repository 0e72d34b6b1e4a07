export { createTestMailServer, type TestMailServer, type TestMailServerOptions } from "./server.js";
export type { ReceivedMail } from "./types.js";
