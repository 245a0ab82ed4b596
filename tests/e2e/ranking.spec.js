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
  await expect(page.getByText('Đơn vị dẫn đầu: chưa có')).toBeVisible();
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
  await expect(page.getByText(`Đơn vị dẫn đầu: ${UNIT_NAMES.vi['Đà Nẵng']}`)).toBeVisible();
  for (const u of UNITS.filter((x) => x !== 'Đà Nẵng')) {
    await expect(app.rankCell(UNIT_NAMES.vi[u])).toHaveText('2*');
  }
  await expect(page.getByText('Nhiều đơn vị cùng hạng 1')).toBeHidden();

  // The same notes in English.
  await app.setLanguage('en');
  await expect(page.getByText('* Same total as another unit')).toBeVisible();
});

// The first leader emerges while figures are typed: its row is marked (highlighted, a star by its
// rank, "Đơn vị dẫn đầu" in its row header for screen readers) and named in the note under the
// table, which keeps its line whether there is a leader or not, so neither the ranking's rows nor
// the grid being typed in move, when the leader comes or goes. On a phone the table scrolls
// sideways and its rows are several lines tall; a mark that took room in a row grew it there too.
for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
  test(`the first leader is marked without moving the ranking rows or the grid (${viewport.width}×${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const app = new AppPage(page);
    await app.goto();
    const gridTop = () => app.cell('Cần Thơ', VI.crimes, CUR).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    const rowHeights = () => app.rankingRows().evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    const chart = page.getByRole('figure', { name: 'Xếp hạng theo tổng điểm' });
    const noChart = 'Chưa có số liệu để vẽ biểu đồ này.';
    const leaderRows = () => app.rankingRows().filter({ hasText: 'Đơn vị dẫn đầu' });
    const top = await gridTop();
    const heights = await rowHeights();
    const leader = UNIT_NAMES.vi['Hà Nội'];
    await expect(leaderRows()).toHaveCount(0);

    // Hà Nội cuts crime by 10%: one target met, 15 points, alone at rank 1.
    await app.type('Hà Nội', VI.crimes, BASE, '100');
    await app.type('Hà Nội', VI.crimes, CUR, '90');
    await page.keyboard.press('Tab');
    await expect(app.rankCell(leader)).toHaveText('1');
    await expect(app.rankingRow(leader)).toContainText('Đơn vị dẫn đầu');
    await expect(chart).not.toContainText(noChart);
    // (Soft, so that a build whose rows grow reports how far the grid moved too.)
    expect.soft(await rowHeights(), 'the ranking rows keep their height').toEqual(heights);
    expect(await gridTop(), 'the grid has not moved').toBe(top);

    // Seen and heard: the note under the ranking names the leading unit, and its row header says
    // it leads.
    await expect(page.getByText(`Đơn vị dẫn đầu: ${leader}`)).toBeVisible();
    await expect(leaderRows()).toHaveCount(1);
    await expect(app.rowHeaders(`Xem chi tiết ${leader} Đơn vị dẫn đầu`)).toHaveCount(1);

    // Undone, the figures go and the leader with them; the note says there is none, in its place.
    await app.undoButton().click();
    await app.undoButton().click();
    await expect(app.cell('Hà Nội', VI.crimes, BASE)).toHaveValue('');
    await expect(leaderRows()).toHaveCount(0);
    await expect(page.getByText('Đơn vị dẫn đầu: chưa có')).toBeVisible();
    await expect(chart).toContainText(noChart);
    expect(await rowHeights(), 'the ranking rows keep their height').toEqual(heights);
    expect(await gridTop(), 'the grid has not moved').toBe(top);

    // In English, then redone.
    await app.setLanguage('en');
    await expect(page.getByText('Leading unit: none yet')).toBeVisible();
    await app.redoButton().click();
    await app.redoButton().click();
    await expect(page.getByText('Leading unit: Hà Nội City Police')).toBeVisible();
    await expect(app.rowHeaders('Open details of Hà Nội City Police Leading unit')).toHaveCount(1);
    // And on paper.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText('Leading unit: Hà Nội City Police')).toBeVisible();
  });
}
