// The charts: one bar per unit with its label and status, thresholds, year-on-year pairs, the
// distance to target, live updates from the grid, the SVG download, markup in names, both
// languages, and what a chart says when there is nothing to draw.
import { test, expect } from '@playwright/test';
import { AppPage, VI } from './pages/app_page.js';
import { buildDoc, filePayload } from './fixtures/docs.js';

const T6A = '6.1 Tỷ lệ điều tra, khám phá án trên 75%';
const T6A_EN = '6.1 Discovery rate above 75%';
const RANKING = 'Xếp hạng theo tổng điểm';
const CRIMES_YOY = 'So với cùng kỳ: Số vụ phạm tội về trật tự xã hội';
const GAP = 'Khoảng cách đến chỉ tiêu chưa đạt';
const SHORT = ['Hà Nội', 'TP HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'];

/** Five units: three meet the discovery rate, two sit exactly at 75% and do not. */
function clusterDoc(edit) {
  return buildDoc({
    figures: {
      'ha-noi': { cases_occurred: [1840, null], cases_solved: [1670, null], crimes_social_order: [1840, 1916] },
      'tp-hcm': { cases_occurred: [2000, null], cases_solved: [1500, null], crimes_social_order: [4422, 4773] },
      'da-nang': { cases_occurred: [100, null], cases_solved: [80, null] },
      'hai-phong': { cases_occurred: [100, null], cases_solved: [75, null] },
      'can-tho': { cases_occurred: [1000, null], cases_solved: [900, null] },
    },
    edit,
  });
}

async function importDoc(app, doc) {
  await app.chooseFile(filePayload('cluster.json', doc));
  await app.confirmImport();
  await app.waitSaved();
}

/** Parses SVG text in the page, as a browser opening the file would. */
async function parseSvg(page, text) {
  return page.evaluate((t) => {
    const d = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      error: d.getElementsByTagName('parsererror').length > 0,
      root: d.documentElement.localName,
      ns: d.documentElement.namespaceURI,
      title: d.querySelector('svg > title')?.textContent ?? null,
      desc: d.querySelector('svg > desc')?.textContent ?? null,
      texts: [...d.querySelectorAll('text')].map((x) => x.textContent.trim()),
      foreign: d.querySelectorAll('script, img, foreignObject, iframe').length,
    };
  }, text);
}

test.beforeEach(async ({ page }) => {
  await new AppPage(page).goto();
});

test('the charts view shows one bar per unit, labelled, with the threshold and the status', async ({ page }) => {
  const app = new AppPage(page);
  await importDoc(app, clusterDoc());
  await app.openCharts();

  const chart = app.chart(T6A);
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/tỷ lệ của 5 đơn vị, so với ngưỡng > 75%\. 3 đạt, 2 không đạt\./);
  await expect(app.chartBars(T6A)).toHaveCount(5);
  await expect(app.chartBars(T6A, { paint: 'met' })).toHaveCount(3);
  await expect(app.chartBars(T6A, { paint: 'notMet' })).toHaveCount(2);
  const texts = await app.chartTexts(T6A);
  for (const name of SHORT) expect(texts, name).toContain(name);
  expect(texts).toContain('> 75%');
  expect(texts).toContain('✓ Đạt · 90,76%');
  expect(texts).toContain('✗ Không đạt · 75,00%');
  expect(texts).toContain('Tỷ lệ (%)');
  // Met or not is said in words and by the bar's fill, not by colour alone.
  expect(texts).toContain('Đạt (cột đặc)');
  expect(texts).toContain('Không đạt (cột rỗng)');

  // The same numbers as a table, behind a toggle; closed, the table is not built at all (a
  // 1,000-unit chart would keep thousands of hidden cells in the page).
  await expect(app.chartFigure(T6A).locator('table')).toHaveCount(0);
  const table = await app.chartTable(T6A);
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row').filter({ hasText: 'Công an TP Hồ Chí Minh' })).toContainText('cần thêm 1 vụ');

  // Year on year: last year's and this period's figures side by side.
  await expect(app.chart(CRIMES_YOY)).toBeVisible();
  await expect(app.chart(CRIMES_YOY).locator('svg rect[height="10"]')).toHaveCount(4);
  const yoy = await app.chartTexts(CRIMES_YOY);
  expect(yoy).toContain('1.916 → 1.840 (−3,97%)');
  expect(yoy).toContain('4.773 → 4.422 (−7,35%)');

  // Distance to target: TP HCM and Hải Phòng each need one more solved case; Hà Nội has 20
  // crimes over the allowed 1,820.
  const gap = await app.chartTexts(GAP);
  expect(gap.filter((t) => t === 'cần thêm 1 vụ')).toHaveLength(2);
  expect(gap).toContain('vượt 20');

  // Every chart is an image with a name and a description.
  const all = app.charts();
  await expect(all).toHaveCount(24);
  for (const c of await all.all()) {
    await expect(c).toHaveAccessibleName(/\S/);
    await expect(c).toHaveAccessibleDescription(/\S/);
  }
});

test('an edit in the grid updates the ranking chart at once and the target chart', async ({ page }) => {
  const app = new AppPage(page);
  await importDoc(app, clusterDoc());

  // The ranking chart stands next to the ranking table and agrees with it.
  const noteOf = async (unit) => {
    const texts = await app.chartTexts(RANKING);
    const i = texts.findIndex((t) => new RegExp(`^\\d+\\. ${unit}$`).test(t));
    expect(i, `${unit} in the ranking chart`).toBeGreaterThanOrEqual(0);
    return texts[i + 1];
  };
  const before = await app.resultTotal('TP HCM').textContent();
  expect(await noteOf('TP HCM')).toMatch(new RegExp(`^${before.replace('.', '\\.')} ·`));

  await app.type('TP HCM', VI.casesSolved, VI.current, '1501');
  await expect(app.resultTotal('TP HCM')).not.toHaveText(before);
  const after = await app.resultTotal('TP HCM').textContent();
  await expect.poll(() => noteOf('TP HCM')).toMatch(new RegExp(`^${after.replace('.', '\\.')} ·`));

  await app.openCharts();
  await expect(app.chartBars(T6A, { paint: 'met' })).toHaveCount(4);
  await expect(app.chartBars(T6A, { paint: 'notMet' })).toHaveCount(1);
  expect(await app.chartTexts(T6A)).toContain('✓ Đạt · 75,05%');
  expect(await app.chartTexts(GAP)).not.toContain('TP HCM · 6.1');
});

test('a chart downloads as a valid SVG file holding the unit names', async ({ page }) => {
  const app = new AppPage(page);
  await importDoc(app, clusterDoc());
  await app.openCharts();
  const dl = await app.downloadChart(T6A);
  expect(dl.suggestedFilename()).toBe('thidua-chi-tieu-t6a.svg');
  const text = await AppPage.text(dl);
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const svg = await parseSvg(page, text);
  expect(svg.error).toBe(false);
  expect(svg.root).toBe('svg');
  expect(svg.ns).toBe('http://www.w3.org/2000/svg');
  expect(svg.title).toBe(T6A);
  expect(svg.desc).toContain('3 đạt, 2 không đạt');
  // The file carries its title drawn in, and every unit.
  expect(svg.texts).toContain(T6A);
  for (const name of SHORT) expect(svg.texts).toContain(name);
  expect(svg.foreign).toBe(0);
});

test('unit names with markup are text inside the SVG and never run', async ({ page }) => {
  const SCRIPT = '<script>window.__pwned=2</script>';
  const IMG = '<img src=x onerror="window.__pwned=1">';
  const app = new AppPage(page);
  await importDoc(app, clusterDoc((d) => {
    const unit = (id) => d.pact.units.find((u) => u.id === id);
    unit('ha-noi').short_name = { vi: SCRIPT, en: SCRIPT };
    unit('ha-noi').name = { vi: SCRIPT, en: SCRIPT };
    unit('tp-hcm').short_name = { vi: IMG, en: IMG };
    unit('tp-hcm').name = { vi: IMG, en: IMG };
  }));
  await expect(app.chart(RANKING)).toBeVisible();
  await app.openCharts();
  const texts = await app.chartTexts(T6A);
  // Long names are shortened with "…", but what is drawn is the characters as typed.
  expect(texts.some((t) => t.startsWith('<script>window.'))).toBe(true);
  expect(texts.some((t) => t.startsWith('<img src=x onerror='))).toBe(true);
  await expect(page.locator('svg script, svg img, svg foreignObject')).toHaveCount(0);
  await expect(app.images()).toHaveCount(0);
  await page.waitForTimeout(300); // long enough for a broken image's error event
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

  // The table has the full names, as text.
  const table = await app.chartTable(RANKING);
  await expect(table.getByRole('rowheader', { name: SCRIPT, exact: true })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: IMG, exact: true })).toBeVisible();

  // And so does the downloaded file: escaped, and parsed back to the same characters.
  const text = await AppPage.text(await app.downloadChart(T6A));
  expect(text).toContain('&lt;script&gt;window.');
  expect(text).not.toContain('<script');
  expect(text).not.toContain('<img');
  const svg = await parseSvg(page, text);
  expect(svg.error).toBe(false);
  expect(svg.foreign).toBe(0);
  expect(svg.texts.some((t) => t.startsWith('<img src=x onerror='))).toBe(true);
});

test('charts follow the language switch and the number format', async ({ page }) => {
  const app = new AppPage(page);
  await importDoc(app, clusterDoc());
  await app.openCharts();
  await app.setLanguage('en');
  const chart = app.chart(T6A_EN);
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/the rate of 5 units against the threshold > 75%\. 3 met, 2 not met\./);
  const texts = await app.chartTexts(T6A_EN);
  for (const name of ['Hà Nội', 'HCMC', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ']) expect(texts).toContain(name);
  expect(texts).toContain('✓ Met · 90.76%');
  expect(texts).toContain('✗ Not met · 75.00%');
  expect(texts).toContain('Rate (%)');
  expect(await app.chartTexts('Year on year: Crimes against social order')).toContain('1,916 → 1,840 (−3.97%)');
  await expect(app.chart('Ranking by total points')).toBeVisible();
  await expect(page.getByRole('button', { name: `Download SVG: ${T6A_EN}` })).toBeVisible();
});

test('with no figures a chart says so instead of drawing zeros; partial data is marked', async ({ page }) => {
  const app = new AppPage(page);
  await app.openCharts();
  await expect(app.chartBars(T6A)).toHaveCount(0);
  expect(await app.chartTexts(T6A)).toEqual(['Chưa có số liệu để vẽ biểu đồ này.']);
  expect(await app.chartTexts(RANKING)).toEqual(['Chưa có số liệu để vẽ biểu đồ này.']);

  await app.overviewButton().click();
  await app.type('TP HCM', VI.casesOccurred, VI.current, '2000');
  await app.type('TP HCM', VI.casesSolved, VI.current, '1500');
  await app.openCharts();
  await expect(app.chartBars(T6A)).toHaveCount(1);
  const texts = await app.chartTexts(T6A);
  expect(texts.filter((t) => t === '? Chưa có số liệu')).toHaveLength(4);
  await expect(app.chart(T6A)).toHaveAccessibleDescription(/0 đạt, 1 không đạt, 4 chưa có số liệu/);
});

test('the unit view shows its distance to target next to its list', async ({ page }) => {
  const app = new AppPage(page);
  await importDoc(app, clusterDoc());
  await app.openUnit('Công an TP Hồ Chí Minh');
  const chart = app.chart('Khoảng cách đến chỉ tiêu');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/1 chỉ tiêu chưa đạt của Công an TP Hồ Chí Minh/);
  expect(await app.chartTexts('Khoảng cách đến chỉ tiêu')).toContain('cần thêm 1 vụ');
});

test('charts print as vector drawings without their buttons', async ({ page }) => {
  const app = new AppPage(page);
  await importDoc(app, clusterDoc());
  await app.openCharts();
  await page.emulateMedia({ media: 'print' });
  await expect(app.chart(T6A)).toBeVisible();
  await expect(app.chart(T6A).locator('svg')).toBeVisible();
  await expect(app.chartFigure(T6A).getByRole('button')).toBeHidden();
});
