/** `npm run bench -- <name>`: runs one benchmark, prints a table and writes JSON to bench/results/. */
const BENCHES: Record<string, () => Promise<void>> = {
  startup: async () => (await import('./startup.ts')).runStartupBench(),
  ingest: async () => (await import('./ingest.ts')).runIngestBench(),
  'open-conversation': async () => (await import('./open-conversation.ts')).runOpenConversationBench(),
  routing: async () => (await import('./routing.ts')).runRoutingBench(),
  'allwork-data': async () => (await import('./allwork-data.ts')).runAllworkDataBench(),
  allwork: async () => (await import('./allwork.ts')).runAllworkBench(),
};

const name = process.argv[2];
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.error(`Usage: npm run bench -- <name>\nBenchmarks: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
await bench();
