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

for (const width of [1366, 1024]) {
  test(`the skip link's target is not hidden behind the sticky toolbar (${width}×768)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 768 });
    const app = new AppPage(page);
    await app.goto();
    await page.keyboard.press('Tab');
    await expect(app.skipLink()).toBeFocused();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: 'Nhập số liệu' });
    await expect(heading).toBeFocused();
    // Let the scroll settle, then compare the heading with the toolbar's bottom edge.
    await page.waitForTimeout(300);
    const bar = await page.getByRole('toolbar', { name: 'Công cụ' }).boundingBox();
    const box = await heading.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
  });
}
