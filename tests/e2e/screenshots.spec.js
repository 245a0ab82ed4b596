// Screenshots at 1366×768 for review (target/screenshots/), and the print view's content.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppPage, VI, T, UNIT_NAMES } from './pages/app_page.js';
import { ROOT } from './fixtures/docs.js';

const OUT = resolve(ROOT, 'target/screenshots');
const { current: CUR, baseline: BASE } = VI;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file) {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

async function shoot(page, name) {
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, name);
  await page.screenshot({ path: file });
  expect(pngSize(file)).toEqual([1366, 768]);
}

async function figures(app) {
  await app.type('Hà Nội', VI.crimes, CUR, '1840');
  await app.type('Hà Nội', VI.crimes, BASE, '1916');
  await app.type('Hà Nội', VI.casesOccurred, CUR, '1840');
  await app.type('Hà Nội', VI.casesSolved, CUR, '1670');
  await app.type('TP HCM', VI.crimes, CUR, '4422');
  await app.type('TP HCM', VI.crimes, BASE, '4773');
  await app.type('TP HCM', VI.casesOccurred, CUR, '2000');
  await app.type('TP HCM', VI.casesSolved, CUR, '1500');
  await app.type('Đà Nẵng', VI.casesOccurred, CUR, '5');
  await app.type('Đà Nẵng', VI.casesSolved, CUR, '10');
  await app.page.keyboard.press('Tab');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90,76%');
  await app.waitSaved();
}

test('screenshots of the main screen, a unit, English mode and the print view', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await figures(app);
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await shoot(page, 'main.png');

  await app.openUnit('Công an TP Hồ Chí Minh');
  await expect(app.text('Còn phải đạt trong kỳ này')).toBeVisible();
  await shoot(page, 'unit.png');
  await app.backButton().click();

  await app.setLanguage('en');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90.76%');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'main-en.png');
  await app.setLanguage('vi');

  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'print.png');
});

test('screenshot of the charts view', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await figures(app);
  await app.openCharts();
  await expect(app.chart('6.1 Tỷ lệ điều tra, khám phá án trên 75%')).toBeVisible();
  // From the top of the charts, past the masthead and the toolbar.
  await page.getByRole('heading', { level: 2, name: 'Biểu đồ' }).evaluate((h) => window.scrollTo(0, h.offsetTop - 60));
  await shoot(page, 'charts.png');
});

test('screenshot of the pact editor', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openEditor();
  await page.getByRole('heading', { level: 3, name: 'Nội dung và chỉ tiêu' }).evaluate((h) => window.scrollTo(0, h.offsetTop - 60));
  await page.getByRole('combobox', { name: 'Chỉ tiêu 6.1 — phép so sánh', exact: true }).focus();
  await shoot(page, 'editor.png');
});

test('the print view: title, period, ranking, date and signature lines, without the editing parts', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await figures(app);
  await page.emulateMedia({ media: 'print' });

  await expect(app.heading()).toHaveText('Giao ước thi đua năm 2023 — Cụm thi đua số 1, Bộ Công an');
  await expect(app.text('Kỳ báo cáo 15/12/2022 – 14/12/2023', { exact: false })).toBeVisible();
  await expect(app.rankingTable()).toBeVisible();
  await expect(app.rankingRows()).toHaveCount(6);
  await expect(app.resultsTable()).toBeVisible();
  // The ranking names each unit on paper (first: TP HCM with 15,00 points, then Hà Nội, 12,00).
  await expect(app.rankingRows().nth(1)).toContainText('Công an TP Hồ Chí Minh');
  await expect(app.rankCell('Công an TP Hồ Chí Minh')).toHaveText('1');
  await expect(app.rankingRow('Công an TP Hồ Chí Minh')).toContainText('15,00');
  await expect(app.rankCell('Công an TP Hà Nội')).toHaveText('2');
  for (const name of Object.values(UNIT_NAMES.vi)) {
    await expect.soft(app.text(name, { scope: app.rankingTable() }), `${name} printed in the ranking`).toBeVisible({ timeout: 2000 });
  }

  const today = await page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
  });
  const sign = app.signatures();
  await expect(sign).toBeVisible();
  await expect(app.text(`In ngày ${today}`, { scope: sign })).toBeVisible();
  await expect(app.text('Cụm trưởng — Công an TP Cần Thơ', { scope: sign })).toBeVisible();
  for (const u of ['Hà Nội', 'TP HCM', 'Đà Nẵng', 'Hải Phòng']) {
    await expect(app.text(`Đại diện ${UNIT_NAMES.vi[u]}`, { scope: sign })).toBeVisible();
  }
  await expect(app.text('(Ký, ghi rõ họ tên, đóng dấu)', { scope: sign })).toBeVisible();
  await expect(app.text('(Ký, ghi rõ họ tên)', { scope: sign })).toHaveCount(4);

  // Editing parts are not printed.
  await expect(app.gridCells().first()).toBeHidden();
  await expect(app.undoButton()).toBeHidden();
  await expect(app.control('exportJson')).toBeHidden();

  // On screen, the signature block is not shown.
  await page.emulateMedia({ media: 'screen' });
  await expect(sign).toBeHidden();
  await expect(app.gridCells().first()).toBeVisible();
});

test('the print view in English', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.setLanguage('en');
  await page.emulateMedia({ media: 'print' });
  const sign = app.signatures();
  await expect(app.text(/^Printed on \d{2}\/\d{2}\/\d{4}$/, { scope: sign })).toBeVisible();
  await expect(app.text('Cluster head — Cần Thơ City Police', { scope: sign })).toBeVisible();
  await expect(app.text('For Hà Nội City Police', { scope: sign })).toBeVisible();
});
