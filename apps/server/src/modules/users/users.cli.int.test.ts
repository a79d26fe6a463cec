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
import { createAdminCommand, createApiKeyCommand } from './users.cli.ts';
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
