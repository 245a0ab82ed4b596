// Ranking ties: units equal on total, targets met and deductions share a rank, and a lead shared
// by several units names no leader (the unit id never decides); what the tie marks mean is said
// in words under the table.
import { test, expect } from '@playwright/test';
import { AppPage, VI, UNIT_NAMES } from './pages/app_page.js';

const { current: CUR, baseline: BASE } = VI;
const UNITS = ['Hà Nội', 'TP HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'];

test('units equal on every tie-break share rank 1 and none is named the leading unit', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const gridTop = () => app.cell('Cần Thơ', VI.crimes, CUR).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const top = await gridTop();
  // Every unit cuts crime by 10%: one target met, 15 points each.
  for (const u of UNITS) {
    await app.type(u, VI.crimes, BASE, '100');
    await app.type(u, VI.crimes, CUR, '90');
  }
  await page.keyboard.press('Tab');
  for (const u of UNITS) {
    await expect(app.rankCell(UNIT_NAMES.vi[u])).toHaveText('1*');
  }
  // The grid being typed in has not moved: the notes keep their place whether they apply or not,
  // and the ranking chart above it, drawn a moment after the typing stops, had kept the place of
  // its drawing while it had no figures to draw.
  const chart = page.getByRole('figure', { name: 'Xếp hạng theo tổng điểm' });
  await expect(chart).not.toContainText('Chưa có số liệu để vẽ biểu đồ này.');
  expect(await gridTop()).toBe(top);
  const ranking = app.rankingTable();
  await expect(ranking.getByText('Đơn vị dẫn đầu')).toHaveCount(0);
  await expect(page.getByText('Nhiều đơn vị cùng hạng 1, nên chưa có đơn vị dẫn đầu')).toBeVisible();
  await expect(page.getByText('* Bằng tổng điểm với đơn vị khác')).toBeVisible();

  // One more target met (traffic accidents, deaths and injuries all down) breaks the tie.
  for (const ind of ['Tai nạn giao thông: số vụ', 'Tai nạn giao thông: số người chết', 'Tai nạn giao thông: số người bị thương']) {
    await app.type('Đà Nẵng', ind, BASE, '10');
    await app.type('Đà Nẵng', ind, CUR, '9');
  }
  await page.keyboard.press('Tab');
  await expect(app.rankCell(UNIT_NAMES.vi['Đà Nẵng'])).toHaveText('1');
  await expect(app.rankingRow(UNIT_NAMES.vi['Đà Nẵng'])).toContainText('Đơn vị dẫn đầu');
  for (const u of UNITS.filter((x) => x !== 'Đà Nẵng')) {
    await expect(app.rankCell(UNIT_NAMES.vi[u])).toHaveText('2*');
  }
  await expect(page.getByText('Nhiều đơn vị cùng hạng 1')).toBeHidden();

  // The same notes in English.
  await app.setLanguage('en');
  await expect(page.getByText('* Same total as another unit')).toBeVisible();
});
