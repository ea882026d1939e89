// Debian's Chromium, never a downloaded browser (this machine and CI reach only npm and apt). Shared by the
// Playwright config, the benchmark and the screenshot script.
import { execSync, spawnSync } from "node:child_process";
import { toolEnv } from "../../lib/env";

/** Flags for a headless run as root on a closed network: no sandbox, no background connections. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath(): string {
  const configured = toolEnv().CHROME_PATH;
  if (configured) return configured;
  const found = execSync("command -v chromium || command -v chromium-browser || true", {
    encoding: "utf8",
    shell: "/bin/sh",
  }).trim();
  if (!found)
    throw new Error(
      "no Chromium found: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH",
    );
  return found;
}

/**
 * The browser's own version line ("Chromium 150.0.7871.100 built on Debian …"): the benchmark's paint and Lighthouse
 * figures depend on it as much as on the machine, and apt installs whichever version Debian ships that day.
 */
export function chromiumVersion(): string {
  let browser: string;
  try {
    browser = chromiumPath();
  } catch {
    return "no Chromium";
  }
  const result = spawnSync(browser, ["--version"], { encoding: "utf8", timeout: 10_000 });
  if (result.error) return `${browser} (--version failed: ${result.error.message})`;
  return result.stdout?.trim() || `${browser} (its --version printed nothing)`;
}
