import "server-only";
import { createPortalServer } from "@vardkedjan/api/portal";

/** This app's server side: the Slutenvård portal. The environment is read here and nowhere else. */
export const portal = createPortalServer("slutenvard", process.env);
