import { type CliContext, UsageError } from '../../platform/cli-context.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-people.ts';
import { loadDemoData } from './seed.ts';

/** `seed-demo`: loads the demo installation and prints its logins; refuses when it is already there. */
export async function seedDemoCommand(args: string[], ctx: CliContext): Promise<void> {
  if (args.length > 0) throw new UsageError(`seed-demo takes no arguments (got ${args.join(' ')})`);
  const result = await loadDemoData(ctx);
  if (!result.seeded) {
    console.log(`Demo data not loaded: ${result.reason}.`);
    return;
  }
  const { counts } = result;
  console.log(
    `Demo data loaded: ${counts.customers} customers, ${counts.conversations} conversations, ` +
      `${counts.messages} messages, ${counts.notes} notes, ${counts.channelConnections} sandbox channel connections ` +
      `(${result.ms} ms).`,
  );
  console.log(`Sign in with any of these (password "${DEMO_PASSWORD}"):`);
  for (const u of DEMO_USERS)
    console.log(`  ${u.email.padEnd(24)} ${u.roles.join(', ').padEnd(18)} ${u.displayName}`);
}
