import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pino from 'pino';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../../test/db.ts';
import { UsageError } from '../../platform/cli-context.ts';
import { loadConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { findLiveApiKey } from './api-keys.repo.ts';
import { verifyPassword } from './passwords.ts';
import { PASSWORD } from './test-helpers.ts';
import { sha256 } from './tokens.ts';
import { createAdminCommand, createApiKeyCommand, resolveAdminPassword } from './users.cli.ts';
import { findUserByEmail } from './users.repo.ts';

let db: Db;
const cli = () => ({ db, config: loadConfig({ DATABASE_URL: db.url }), logger: pino({ level: 'silent' }) });

beforeAll(async () => {
  db = await createTestDb();
});

describe('users CLI', () => {
  it('create-admin creates a user with every role, and refuses a taken e-mail clearly', async () => {
    const args = ['--email', 'Ops@Example.test', '--name', 'Ops', '--password', PASSWORD];
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await createAdminCommand(args, cli());
    } finally {
      log.mockRestore();
    }
    const user = await findUserByEmail(db.orm, 'ops@example.test');
    expect(user?.roles).toEqual(['admin', 'agent', 'supervisor']);
    expect(user && (await verifyPassword(user.passwordHash, PASSWORD))).toBe(true);
    await expect(createAdminCommand(args, cli())).rejects.toThrow(/ops@example\.test already exists/);
  });

  it('create-admin rejects missing or invalid options with a usage error', async () => {
    await expect(createAdminCommand(['--email', 'a@example.test'], cli())).rejects.toThrow(UsageError);
    await expect(
      createAdminCommand(['--email', 'a@example.test', '--name', 'A', '--password', 'short'], cli()),
    ).rejects.toThrow(/--password/);
    await expect(createAdminCommand(['--bogus', 'x'], cli())).rejects.toThrow(UsageError);
  });

  it('takes the admin password from stdin or PARLEY_ADMIN_PASSWORD, so it need not show in ps', async () => {
    const stdin = () => Readable.from(['from-stdin password\r\nsecond line\n']);
    const none = Readable.from([]);
    expect(await resolveAdminPassword({ 'password-stdin': true }, {}, stdin())).toBe('from-stdin password');
    expect(await resolveAdminPassword({}, { PARLEY_ADMIN_PASSWORD: 'from env' }, none)).toBe('from env');
    expect(await resolveAdminPassword({ password: 'option' }, { PARLEY_ADMIN_PASSWORD: 'env' }, none)).toBe(
      'option',
    );
    await expect(
      resolveAdminPassword({ 'password-stdin': true, password: 'x' }, {}, stdin()),
    ).rejects.toThrow(UsageError);
    await expect(resolveAdminPassword({}, {}, none)).rejects.toThrow(/PARLEY_ADMIN_PASSWORD/);
  });

  it('create-admin --password-stdin works through the real command line', async () => {
    const cliPath = fileURLToPath(new URL('../../cli.ts', import.meta.url));
    const run = promisify(execFile)(
      process.execPath,
      [cliPath, 'create-admin', '--email', 'stdin@example.test', '--name', 'Stdin', '--password-stdin'],
      { env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' } },
    );
    run.child.stdin?.end(`${PASSWORD}\n`);
    expect((await run).stdout).toContain('Created admin stdin@example.test');
    const user = await findUserByEmail(db.orm, 'stdin@example.test');
    expect(user && (await verifyPassword(user.passwordHash, PASSWORD))).toBe(true);
  });

  it('create-api-key prints a working key once', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    try {
      await createApiKeyCommand(['--name', 'CRM sync'], cli());
    } finally {
      log.mockRestore();
    }
    const key = lines.at(-1) ?? '';
    expect(key).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(await findLiveApiKey(db.orm, sha256(key))).toBeDefined();
    await expect(createApiKeyCommand([], cli())).rejects.toThrow(UsageError);
  });
});
