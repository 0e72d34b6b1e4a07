import { portalNextConfig } from "@vardkedjan/ui/next-config";

export default portalNextConfig;
