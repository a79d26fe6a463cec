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
