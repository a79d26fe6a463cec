import { sql } from 'drizzle-orm';
import { type CliCommand, type CliContext, UsageError } from './platform/cli-context.ts';
import { loadConfig } from './platform/config.ts';
import { createDb } from './platform/db/client.ts';
import { type DatabaseServer, openDatabaseServer } from './platform/db/database-server.ts';
import { runMigrations } from './platform/db/migrate.ts';
import { createLogger } from './platform/logger.ts';

const USAGE = `Usage: npm run parley -- <command> [options]

Commands:
  migrate                                          apply pending database migrations
  create-admin --email E --name N --password-stdin
                                                   create an administrator account, reading the
                                                   password from stdin (or PARLEY_ADMIN_PASSWORD;
                                                   --password P also works but shows in \`ps\`)
  create-api-key --name N                          create an API key (printed once)
  seed-demo                                        load the demo data

Without DATABASE_URL the commands use the embedded PostgreSQL in DATA_DIR. When a Parley
server is running on that folder, the CLI connects to that server's embedded PostgreSQL.`;

/** Reports the schema state; the migrations themselves run before every command. */
const migrateCommand: CliCommand = async (args, { db }) => {
  if (args.length > 0) throw new UsageError(`migrate takes no arguments (got ${args.join(' ')})`);
  const { rows } = await db.orm.execute<{ count: string }>(
    sql`SELECT count(*) AS count FROM drizzle.__drizzle_migrations`,
  );
  console.log(`Database schema is up to date (${rows[0]?.count ?? 0} migrations applied).`);
};

// Loaded on demand so that one command does not pay for (or depend on) the others' modules.
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  migrate: async () => migrateCommand,
  'create-admin': async () => (await import('./modules/users/users.cli.ts')).createAdminCommand,
  'create-api-key': async () => (await import('./modules/users/users.cli.ts')).createApiKeyCommand,
  'seed-demo': async () => (await import('./modules/demo/seed.cli.ts')).seedDemoCommand,
};

function usageError(message: string | null): never {
  if (message) console.error(`${message}\n`);
  console.error(USAGE);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    process.exit(name === undefined ? 2 : 0);
  }
  const load = COMMANDS[name];
  if (!load) usageError(`Unknown command: ${name}`);

  let config: ReturnType<typeof loadConfig>;
  try {
    // The CLI talks to a person: only warnings and errors go to the log unless LOG_LEVEL says otherwise.
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const logger = createLogger(config);
  let server: DatabaseServer | undefined;
  let ctx: CliContext | undefined;
  let exitCode = 0;
  try {
    const command = await load();
    server = await openDatabaseServer(config, logger, { shareRunning: true });
    ctx = { config, logger, db: createDb(server.url, 2) };
    await runMigrations(ctx.db);
    await command(args, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      exitCode = 2;
    } else {
      console.error(`parley ${name} failed: ${(err as Error).message}`);
      logger.debug({ err }, 'command failed');
      exitCode = 1;
    }
  } finally {
    await ctx?.db.close().catch(() => {});
    await server?.close().catch((err) => console.error(`Stopping the embedded PostgreSQL failed: ${err}`));
  }
  process.exit(exitCode);
}

await main(process.argv.slice(2));
