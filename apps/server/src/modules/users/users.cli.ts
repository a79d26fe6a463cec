import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CreateApiKeyRequest, DisplayName, Email, Password } from '@parley/contracts';
import type { z } from 'zod';
import { type CliCommand, UsageError } from '../../platform/cli-context.ts';
import { createApiKeyRecord } from './api-keys.service.ts';
import { ALL_ROLES } from './users.policy.ts';
import { createUserRecord } from './users.service.ts';

function parseOptions<T extends string, F extends string = never>(
  args: string[],
  names: readonly T[],
  flags: readonly F[] = [],
): Record<T, string | undefined> & Record<F, boolean | undefined> {
  try {
    const { values } = parseArgs({
      args,
      options: {
        ...Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
        ...Object.fromEntries(flags.map((n) => [n, { type: 'boolean' as const }])),
      },
      strict: true,
      allowPositionals: false,
    });
    return values as Record<T, string | undefined> & Record<F, boolean | undefined>;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function required<S extends z.ZodType>(schema: S, option: string, value: string | undefined): z.output<S> {
  if (value === undefined) throw new UsageError(`--${option} is required`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(`--${option}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

/** Environment variable `create-admin` reads the password from when no option gives it. */
export const ADMIN_PASSWORD_ENV = 'PARLEY_ADMIN_PASSWORD';

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

/**
 * The admin's password from exactly one source: `--password-stdin` (first line of stdin),
 * `--password P` (visible to every local user in `ps`), or PARLEY_ADMIN_PASSWORD.
 */
export async function resolveAdminPassword(
  options: { password?: string | undefined; 'password-stdin'?: boolean | undefined },
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream,
): Promise<string> {
  if (options['password-stdin'] && options.password !== undefined) {
    throw new UsageError('give either --password-stdin or --password, not both');
  }
  if (options['password-stdin']) return readFirstLine(stdin);
  const password = options.password ?? env[ADMIN_PASSWORD_ENV];
  if (password === undefined) {
    throw new UsageError(`--password-stdin, --password or ${ADMIN_PASSWORD_ENV} is required`);
  }
  return password;
}

/**
 * `create-admin --email E --name N --password-stdin` (or PARLEY_ADMIN_PASSWORD, or `--password P`):
 * a user with every role (admin, supervisor, agent).
 */
export const createAdminCommand: CliCommand = async (args, { db }) => {
  const values = parseOptions(args, ['email', 'name', 'password'], ['password-stdin']);
  const email = required(Email, 'email', values.email);
  const displayName = required(DisplayName, 'name', values.name);
  const password = required(
    Password,
    'password',
    await resolveAdminPassword(values, process.env, process.stdin),
  );
  // email_taken surfaces as "A user with the e-mail … already exists" through the CLI's error path.
  const user = await createUserRecord(db.orm, { email, displayName, password, roles: ALL_ROLES });
  console.log(`Created admin ${user.email} (${user.id}) with roles ${user.roles.join(', ')}.`);
};

/** `create-api-key --name N`: prints the key once; only its hash is stored. */
export const createApiKeyCommand: CliCommand = async (args, { db }) => {
  const values = parseOptions(args, ['name']);
  const name = required(CreateApiKeyRequest.shape.name, 'name', values.name);
  const created = await createApiKeyRecord(db.orm, name, null);
  console.log(`Created API key "${name}" (${created.row.id}). It is shown only this once:`);
  console.log(created.key);
};
