// Offline use and deployments: the service worker keeps the app working offline, a new deployment
// is announced without reloading by itself, and dist/ works under a sub-path.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage, VI, T } from './pages/app_page.js';

/** Serves a copy of dist/ on its own port (optionally under a base path); returns its URL. */
async function serveCopy(port, base = '/') {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-dist-'));
  cpSync('dist', dir, { recursive: true });
  const server = spawn('node', ['tests/support/serve.mjs', dir, String(port), base], { stdio: 'pipe' });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', resolve);
    server.on('error', reject);
  });
  return { dir, url: `http://127.0.0.1:${port}${base}`, stop: () => server.kill() };
}

/** Waits until the service worker controls the page (after the first load, a reload takes it). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('loaded once, the app starts offline and shows and edits the saved data', async ({ page, context }) => {
  const app = new AppPage(page);
  await app.goto();
  await controlled(page);
  await app.fill('Hà Nội', VI.casesOccurred, VI.current, '2000');
  await app.fill('Hà Nội', VI.casesSolved, VI.current, '1501');
  await app.waitSaved();

  await context.setOffline(true);
  await page.reload();
  await expect(app.heading()).toBeVisible();
  await expect(app.cell('Hà Nội', VI.casesSolved, VI.current)).toHaveValue('1.501');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('Đạt');
  await app.fill('Hà Nội', VI.casesSolved, VI.current, '1500');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('Không đạt');
  await app.waitSaved();
  await context.setOffline(false);
});

test('a new deployment shows an update notice; the open tab keeps its data until the person reloads', async ({ page }) => {
  const site = await serveCopy(8091);
  try {
    const app = new AppPage(page);
    await app.goto(site.url);
    await controlled(page);
    await app.fill('Hà Nội', VI.crimes, VI.current, '1840');
    await page.keyboard.press('Tab');
    await app.waitSaved();

    // Deploy a changed build behind the open tab.
    const sw = join(site.dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const CACHE = 'thidua-[0-9a-f]+'/, "const CACHE = 'thidua-0000000000000001'"));
    // The tab looks for a new version when it comes back into view and every 30 minutes;
    // here the check is asked for directly.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

    const notice = page.getByRole('status').filter({ hasText: 'Đã có phiên bản mới' });
    await expect(notice).toBeVisible();
    // Nothing reloaded: the edit is still there, and it was saved.
    await expect(app.cell('Hà Nội', VI.crimes, VI.current)).toHaveValue('1.840');
    expect(await app.storedFigure('ha-noi', 'crimes_social_order', 'current')).toBe(1840);

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Tải lại để cập nhật' }).click()]);
    await expect(app.heading()).toBeVisible();
    await expect(app.cell('Hà Nội', VI.crimes, VI.current)).toHaveValue('1.840');
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['thidua-0000000000000001']);
  } finally {
    site.stop();
  }
});

test('dist/ works under a sub-path', async ({ page }) => {
  const site = await serveCopy(8092, '/thidua/');
  try {
    const app = new AppPage(page);
    await app.goto(site.url);
    await app.fill('Hà Nội', VI.casesOccurred, VI.current, '1840');
    await app.fill('Hà Nội', VI.casesSolved, VI.current, '1670');
    await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90,76%');
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    expect(scope).toBe(site.url);
  } finally {
    site.stop();
  }
});
