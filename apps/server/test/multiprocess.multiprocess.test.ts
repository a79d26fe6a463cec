import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { type RealtimeEvent, SESSION_CHANGED_CLOSE_CODE } from '@parley/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const REPO = path.resolve(import.meta.dirname, '../../..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('Set TEST_DATABASE_URL to the admin URL of a PostgreSQL server');
  return url;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(base: string, child: ChildProcess, output: string[]): Promise<void> {
  // Polled because the process takes a moment to migrate and listen; the hook timeout bounds it.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Parley exited early:\n${output.join('')}`);
    const status = await fetch(`${base}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Node {
  child: ChildProcess;
  base: string;
  output: string[];
}

async function startNode(databaseUrl: string): Promise<Node> {
  const port = await freePort();
  const child = spawn(process.execPath, ['apps/server/src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(base, child, output);
  return { child, base, output };
}

function stopNode(node: Node | undefined): Promise<void> {
  if (!node || node.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    node.child.once('exit', () => resolve());
    node.child.kill('SIGTERM');
  });
}

describe('two Parley processes on one database', () => {
  const database = `parley_mp_${randomBytes(6).toString('hex')}`;
  let a: Node | undefined;
  let b: Node | undefined;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${database}`;
    // One after the other: the first applies the migrations, the second finds them done.
    a = await startNode(url.toString());
    b = await startNode(url.toString());
  });

  afterAll(async () => {
    await Promise.all([stopNode(a), stopNode(b)]);
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('pushes an availability change made on A to a socket open on B', async () => {
    if (!a || !b) throw new Error('processes not started');
    const setup = await fetch(`${a.base}/api/setup/first-admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'admin@example.com',
        displayName: 'Ada Admin',
        password: 'correct horse battery',
      }),
    });
    expect(setup.status).toBeLessThan(300);
    const { user, csrfToken } = (await setup.json()) as { user: { id: string }; csrfToken: string };
    const session = setup.headers.getSetCookie().find((c) => c.startsWith('parley_session='));
    if (!session) throw new Error('no parley_session cookie');
    const cookie = session.split(';')[0] as string;

    const ws = new WebSocket(`${b.base.replace('http', 'ws')}/api/ws`, { headers: { cookie } });
    const received: RealtimeEvent[] = [];
    const ready = new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.on('message', (raw) => {
        const event = JSON.parse(String(raw)) as RealtimeEvent;
        received.push(event);
        if (event.type === 'session.ready') resolve();
      });
    });
    await ready;

    const change = await fetch(`${a.base}/api/me/availability`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ availability: 'BUSY' }),
    });
    expect(change.status).toBeLessThan(300);

    await expect
      .poll(() =>
        received.find((e) => e.type === 'user.availability_changed' && e.payload.userId === user.id),
      )
      .toMatchObject({ payload: { userId: user.id, availability: 'BUSY' } });

    // Signing out through A closes the session's socket on B (SESSION_CHANGED_CLOSE_CODE).
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const logout = await fetch(`${a.base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.status).toBeLessThan(300);
    expect(await closed).toBe(SESSION_CHANGED_CLOSE_CODE);
  });
});
