export { createPortalServer, type PortalServer, type Gate } from "./server";
export { parsePortalEnv, EnvError, type PortalEnv } from "./env";
