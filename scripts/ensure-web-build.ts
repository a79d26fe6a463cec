import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds the web app before `npm start` only when its sources are newer than the last build. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The web app and the live-chat widget bundle (apps/web/vite.widget.config.ts) build together.
const builtFiles = ['apps/web/dist/index.html', 'apps/web/dist-widget/widget.js'].map((p) =>
  path.join(root, p),
);
const sources = ['apps/web/src', 'apps/web/index.html', 'packages/contracts/src'].map((p) =>
  path.join(root, p),
);

/** Newest modification time under `target` (a file or a folder walked recursively); 0 if absent. */
function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const builtAt = Math.min(...builtFiles.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
const changedAt = Math.max(...sources.map(newestMtime));
if (builtAt === 0 || changedAt > builtAt) {
  console.log(
    builtAt === 0 ? 'Building the web app (no build yet)…' : 'Building the web app (sources changed)…',
  );
  // Always the production bundle users get, also when a test runner (NODE_ENV=test) asks for it.
  execFileSync('npm', ['run', 'build', '-w', 'apps/web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
