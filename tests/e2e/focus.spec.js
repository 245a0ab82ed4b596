// Where the keyboard focus goes: switching views, the skip link under the sticky toolbar,
// reordering in the pact editor, and destructive confirmations.
import { test, expect } from '@playwright/test';
import { AppPage, UNIT_NAMES } from './pages/app_page.js';

const HN = UNIT_NAMES.vi['Hà Nội'];
const DN = UNIT_NAMES.vi['Đà Nẵng'];

test('opening a unit focuses its heading; going back focuses the button that opened it', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const open = app.openUnitButton(DN);
  await app.tabTo(open);
  await page.keyboard.press('Enter');
  await expect(app.unitHeading(DN)).toBeFocused();

  await app.tabTo(app.backButton(), { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await expect(open).toBeFocused();
  await expect(open).toBeInViewport();
  // The next Tab goes on from there, not from the top of the page.
  await page.keyboard.press('Tab');
  await expect(app.skipLink()).not.toBeFocused();
});

test('the charts view opens at its top with its heading focused', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.tabTo(app.skipLink());
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await app.chartsButton().click();
  const heading = page.getByRole('heading', { level: 2, name: 'Biểu đồ' });
  await expect(heading).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});
