// Installs dependencies when they are missing or older than the lock file, so that `npm start`
// and `npm test` work on a fresh clone with only Node and npm. Plain Node: runs before any install.
import { existsSync, statSync } from "node:fs";
import { execSync } from "node:child_process";

const marker = "node_modules/.package-lock.json";
const stale = !existsSync(marker) || (existsSync("package-lock.json") && statSync("package-lock.json").mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  console.log("Installerar beroenden (npm install) …");
  execSync("npm install --no-audit --no-fund", { stdio: "inherit" });
}
