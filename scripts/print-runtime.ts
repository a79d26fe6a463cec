/** Prints the Node version the npm scripts run on; fails unless it is the pinned major (24). */
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
console.log(`Node ${process.version}`);
if (major !== REQUIRED_MAJOR) {
  console.error(
    `Parley needs Node ${REQUIRED_MAJOR}, but this is ${process.version} (${process.execPath}). ` +
      'Run through npm scripts or npx after `npm install`: the `node` package puts Node 24 first on PATH.',
  );
  process.exit(1);
}
