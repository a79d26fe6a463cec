import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FirstRunPage, LoginPage } from './pages/auth-pages.ts';
import { Shell } from './pages/shell.ts';
import { launchBrowser } from './support/browser.ts';
import { type RunningParley, startParley } from './support/parley.ts';

let parley: RunningParley;
let browser: Browser;

beforeAll(async () => {
  [parley, browser] = await Promise.all([startParley(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await parley?.stop();
});

const email = 'ada@example.com';
const password = 'correct horse battery';

test('first-run admin creation → sign in → change status → sign out → sign in', async () => {
  const page = await (await browser.newContext()).newPage();
  const shell = new Shell(page);
  await page.goto(parley.url);

  await new FirstRunPage(page).createAdmin('Ada Admin', email, password);
  await shell.waitUntilSignedIn();
  expect(await shell.myStatus()).toBe('Active');

  await shell.setStatus('BUSY');
  await expect.poll(() => shell.myStatus()).toBe('Busy');
  // The change is the server's, not only the screen's: a reload shows it too.
  await page.reload();
  await shell.waitUntilSignedIn();
  expect(await shell.myStatus()).toBe('Busy');

  await shell.signOut();
  const login = new LoginPage(page);
  await login.signIn(email, 'wrong password!');
  await expect.poll(() => login.errorText()).toMatch(/e-mail or password/i);

  await login.signIn(email, password);
  await shell.waitUntilSignedIn();
  // Signing in makes the user Active again (D1).
  expect(await shell.myStatus()).toBe('Active');

  // An installation that has its admin never shows the first-run page again.
  await page.goto(`${parley.url}/setup`);
  await shell.waitUntilSignedIn();
});

test("a colleague's status change reaches the Team board live, without reload", async () => {
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(`${parley.url}/login`);
  await new LoginPage(admin).signIn(email, password);
  await new Shell(admin).waitUntilSignedIn();

  // The admin creates an agent through the API, as the users screen does.
  const csrf = await admin.evaluate(async () => {
    const res = await fetch('/api/auth/session');
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  });
  const created = await admin.evaluate(async (token) => {
    const res = await fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({
        email: 'grace@example.com',
        displayName: 'Grace Agent',
        roles: ['agent'],
        password: 'another long password',
      }),
    });
    return res.status;
  }, csrf);
  expect(created).toBe(201);

  await admin.goto(`${parley.url}/team`);
  const graceCard = admin.getByTestId('team-member').filter({ hasText: 'Grace Agent' });
  await graceCard.waitFor();

  const agent = await (await browser.newContext()).newPage();
  await agent.goto(`${parley.url}/login`);
  await new LoginPage(agent).signIn('grace@example.com', 'another long password');
  const agentShell = new Shell(agent);
  await agentShell.waitUntilSignedIn();
  await expect.poll(() => graceCard.getAttribute('data-availability')).toBe('ACTIVE');

  await agentShell.setStatus('AWAY');
  await expect.poll(() => graceCard.getAttribute('data-availability')).toBe('AWAY');
});

test('an admin without the agent role signs in, sees the Team board and changes status', async () => {
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(`${parley.url}/login`);
  await new LoginPage(admin).signIn(email, password);
  await new Shell(admin).waitUntilSignedIn();
  const created = await admin.evaluate(async () => {
    const session = await fetch('/api/auth/session');
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const res = await fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        email: 'alan@example.com',
        displayName: 'Alan Admin-only',
        roles: ['admin'],
        password: 'a third long password',
      }),
    });
    return res.status;
  });
  expect(created).toBe(201);

  const page = await (await browser.newContext()).newPage();
  await page.goto(`${parley.url}/login`);
  await new LoginPage(page).signIn('alan@example.com', 'a third long password');
  const shell = new Shell(page);
  await shell.waitUntilSignedIn();
  await page.goto(`${parley.url}/team`);
  const ownCard = page.getByTestId('team-member').filter({ hasText: 'Alan Admin-only' });
  await ownCard.waitFor();
  await shell.setStatus('BUSY');
  await expect.poll(() => shell.myStatus()).toBe('Busy');
  await expect.poll(() => ownCard.getAttribute('data-availability')).toBe('BUSY');
  // Conversation work stays out of reach: that needs the agent or supervisor role.
  const conversations = await page.evaluate(async () => (await fetch('/api/conversations')).status);
  expect(conversations).toBe(403);
});
