import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './browser.ts';

/** The journeys need the built web app and Debian's Chromium; fail early and clearly otherwise. */
export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium"`);
  }
  execFileSync(process.execPath, ['scripts/ensure-web-build.ts'], {
    cwd: new URL('../..', import.meta.url),
    stdio: 'inherit',
  });
}
