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
