// A cluster of 1,000 units: the figures grid, the results matrix and the ranking are windowed
// (only the rows in view are in the page, aria-rowcount tells the whole), yet a person reaches
// every unit — by scrolling, with the keyboard across the window's edge, or with "find unit" —
// and filtering never changes a rank. Printing renders every row.
import { test, expect } from '@playwright/test';
import { AppPage, VI, T, DOC_KEY } from './pages/app_page.js';
import { defaultDoc, evalJson, filePayload, mainUnits, writeDoc } from './fixtures/docs.js';

const N = 1000;
const CUR = VI.current;

/** The built-in pact with 1,000 units: its 5 cities, then "ĐV 6" … "ĐV 1000", with figures
 * that give them different totals (and so different ranks). */
function largeDoc() {
  const doc = defaultDoc();
  const units = mainUnits(doc);
  for (let i = doc.pact.units.length + 1; i <= N; i++) {
    const id = `dv-${i}`;
    doc.pact.units.push({
      id,
      name: { vi: `Công an đơn vị số ${i}`, en: `Police unit no. ${i}` },
      short_name: { vi: `ĐV ${i}`, en: `ĐV ${i}` },
      role: 'member',
    });
    const figures = {
      // Down by 0–9.9% on 2,000: the reduction target (5%) met by about half of them.
      crimes_social_order: { current: 2000 - ((i * 37) % 200), baseline: 2000 },
    };
    // Every third unit also meets (or misses) the discovery rate.
    if (i % 3 === 0) figures.cases_occurred = { current: 1000 };
    if (i % 3 === 0) figures.cases_solved = { current: 700 + ((i * 13) % 150) };
    units.push({ unit: id, figures, manual: {}, adjustments: [] });
  }
  return doc;
}

let stored; // the envelope put in localStorage before the app loads
let expected; // the rule crate's results for the same document (thidua eval --json)

test.beforeAll(async ({}, info) => {
  const doc = largeDoc();
  const file = writeDoc(info.outputPath('large.json'), doc);
  // The results of the review the app opens on (the pact's first).
  expected = evalJson(file).find((r) => r.review === doc.pact.reviews[0].id);
  stored = JSON.stringify({ seq: 1, tab: 'test', saved_at: 0, doc });
});

test.beforeEach(async ({ page }) => {
  test.slow(); // 1,000 units on a shared machine
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, [DOC_KEY, stored]);
  const app = new AppPage(page);
  await app.goto();
  await expect(app.resultsTable()).toHaveAttribute('aria-rowcount', String(N + 1));
});

/** The rank the rule crate gives a unit, as the ranking shows it ("*" when tied on points). */
function rankOf(unitId) {
  const u = expected.units.find((x) => x.unit === unitId);
  if (!u) throw new Error(`no results for ${unitId}`);
  return `${u.rank}${u.tied ? '*' : ''}`;
}

/** The rank cell of a unit's ranking row, by its full name exactly. */
function rankCell(app, fullName) {
  return app.rankingTable().getByRole('row')
    .filter({ has: app.page.getByRole('button', { name: `Xem chi tiết ${fullName}`, exact: true }) })
    .getByRole('cell').first();
}

test('the three tables hold a window of rows, and say how many there are', async ({ page }) => {
  const app = new AppPage(page);
  for (const [table, headers, total] of [
    [app.gridTable(), 3, N + 3],
    [app.resultsTable(), 1, N + 1],
    [app.rankingTable(), 1, N + 1],
  ]) {
    await expect(table).toHaveAttribute('aria-rowcount', String(total));
    const rows = await table.getByRole('row').count();
    expect(rows, 'far fewer rows in the page than units').toBeLessThan(120);
    expect(rows).toBeGreaterThan(headers + 5);
    // Every rendered row says where it stands; the first body row comes after the header.
    const indices = await table.getByRole('row').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-rowindex')));
    expect(indices.every((x) => Number(x) >= 1)).toBe(true);
    expect(indices[headers]).toBe(String(headers + 1));
  }
  // The scroll regions keep their names.
  await expect(app.gridRegion()).toBeVisible();
  await expect(app.resultsRegion()).toBeVisible();
  await expect(app.rankingRegion()).toBeVisible();
  // Not every unit is in the page, but the grid is far from empty.
  await expect(app.rowHeaders('ĐV 990')).toHaveCount(0);
  expect(await app.gridCells().count()).toBeGreaterThan(5 * 34);
  await expect(app.unitSearchCount()).toHaveText('Hiển thị 1.000/1.000 đơn vị');
});

test('scrolling to a unit near the end, typing a figure, and seeing its result', async ({ page }) => {
  const app = new AppPage(page);
  await app.scrollRegionTo(app.gridRegion(), 'ĐV 990');
  await app.type('ĐV 990', VI.casesOccurred, CUR, '2000');
  await app.type('ĐV 990', VI.casesSolved, CUR, '1600');
  await page.keyboard.press('Tab');
  await app.scrollRegionTo(app.resultsRegion(), 'ĐV 990');
  const t6a = app.resultCell('ĐV 990', T.t6a);
  await expect(t6a).toContainText('80,00%');
  await expect(t6a).toContainText('Đạt');
  await expect(t6a).toContainText('Điểm 12,00/12');
});

test('"find unit" shows the units whose name matches, and typing there updates the result', async ({ page }) => {
  const app = new AppPage(page);
  const rank = rankOf('dv-778');
  expect(rank, 'a unit that is not first, so that a rank recomputed over the rows shown would show').not.toMatch(/^1\*?$/);
  await app.unitSearch().fill('đv 778');
  await expect(app.unitSearchCount()).toHaveText('Hiển thị 1/1.000 đơn vị');
  for (const table of [app.gridTable(), app.resultsTable(), app.rankingTable()]) {
    await expect(table.getByRole('rowheader')).toHaveCount(1);
  }
  await expect(app.gridTable()).toHaveAttribute('aria-rowcount', '4');
  // The rank is the unit's rank among all 1,000, not among the rows shown.
  await expect(rankCell(app, 'Công an đơn vị số 778')).toHaveText(rank);

  await app.type('ĐV 778', VI.casesOccurred, CUR, '500');
  await app.type('ĐV 778', VI.casesSolved, CUR, '499');
  await page.keyboard.press('Tab');
  await expect(app.resultCell('ĐV 778', T.t6a)).toContainText('99,80%');
  await expect(app.resultCell('ĐV 778', T.t6a)).toContainText('Điểm 12,00/12');

  // A full name matches too, letter case aside; nothing matching shows no row.
  await app.unitSearch().fill('CÔNG AN ĐƠN VỊ SỐ 99');
  await expect(app.unitSearchCount()).toHaveText('Hiển thị 11/1.000 đơn vị'); // 99, 990–999
  // Typed without its marks, as names often are: "dv 778" finds "ĐV 778".
  await app.unitSearch().fill('dv 778');
  await expect(app.unitSearchCount()).toHaveText('Hiển thị 1/1.000 đơn vị');
  await expect(app.resultsTable().getByRole('rowheader')).toHaveText(['ĐV 778']);
  await app.unitSearch().fill('không có đơn vị này');
  await expect(app.unitSearchCount()).toHaveText('Hiển thị 0/1.000 đơn vị');
  await expect(app.resultsTable().getByRole('rowheader')).toHaveCount(0);
  // In English, with English number formatting.
  await app.setLanguage('en');
  await app.unitSearch().fill('police unit no. 12');
  await expect(app.unitSearchCount()).toHaveText('Showing 11 of 1,000 units'); // 12, 120–129
  // Empty: every unit again, the ranking from its first.
  await app.unitSearch().fill('');
  await expect(app.unitSearchCount()).toHaveText('Showing 1,000 of 1,000 units');
  await expect(app.rankingTable()).toHaveAttribute('aria-rowcount', String(N + 1));
  await expect(app.rankingRows().nth(1).getByRole('cell').first()).toHaveText(/^1\*?$/);
});

test('ranks are the same with and without a filter', async ({ page }) => {
  const app = new AppPage(page);
  // The first ranking rows, unfiltered, against the rule crate's ranking.
  const top = expected.ranking.slice(0, 3);
  const name = (id) => (id.startsWith('dv-') ? `Công an đơn vị số ${id.slice(3)}` : null);
  for (const id of top.filter(name)) {
    await expect(rankCell(app, name(id))).toHaveText(rankOf(id));
  }
  // Filtered to each of them, and to a few more, the rank stays.
  for (const id of [...top, 'dv-500', 'dv-1000'].filter(name)) {
    await app.unitSearch().fill(name(id));
    await expect(app.rankingTable().getByRole('rowheader')).toHaveCount(1);
    await expect(rankCell(app, name(id))).toHaveText(rankOf(id));
  }
  // And the data is unchanged by filtering: nothing was saved as a change.
  const env = await app.storedEnvelope();
  expect(env.doc.pact.units.length).toBe(N);
});

/** Focuses a cell without scrolling to it: how focus stands on a row at the window's edge when
 * keys come faster than frames (focusing normally scrolls the row into view, and the window
 * follows, so the next row would be rendered already). */
async function focusAtEdge(locator) {
  await locator.evaluate((el) => el.focus({ preventScroll: true }));
  await expect(locator).toBeFocused();
}

test('arrow down and Enter from the last rendered row reach the next unit', async ({ page }) => {
  const app = new AppPage(page);
  // The last row the window has rendered, once it no longer changes from one frame to the next
  // (a scroll renders more rows a frame or two later).
  const last = async () => {
    let seen;
    for (;;) {
      const names = await app.gridTable().getByRole('rowheader').allTextContents();
      if (names.at(-1) === seen) return seen;
      seen = names.at(-1);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
  };
  const next = (name) => `ĐV ${Number(name.split(' ')[1]) + 1}`;
  await app.gridRegion().scrollIntoViewIfNeeded();
  const first = await last();
  expect(first).toMatch(/^ĐV \d+$/);
  // The next unit is not in the page yet.
  await expect(app.cell(next(first), VI.crimes, CUR)).toHaveCount(0);
  await focusAtEdge(app.cell(first, VI.crimes, CUR));
  await expect(app.cell(next(first), VI.crimes, CUR)).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(app.cell(next(first), VI.crimes, CUR)).toBeFocused();
  await expect(app.cell(next(first), VI.crimes, CUR)).toBeInViewport();

  // Enter, from the row that is now last.
  const second = await last();
  await expect(app.cell(next(second), VI.crimes, CUR)).toHaveCount(0);
  await focusAtEdge(app.cell(second, VI.crimes, CUR));
  await expect(app.cell(next(second), VI.crimes, CUR)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(app.cell(next(second), VI.crimes, CUR)).toBeFocused();
  await page.keyboard.type('1234');
  await expect(app.cell(next(second), VI.crimes, CUR)).toHaveValue('1234');

  // Forty rows down in a row, then back up with Shift+Enter: focus follows every time.
  const start = Number(next(second).split(' ')[1]);
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  await expect(app.cell(`ĐV ${start + 40}`, VI.crimes, CUR)).toBeFocused();
  for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+Enter');
  await expect(app.cell(`ĐV ${start}`, VI.crimes, CUR)).toBeFocused();
  await expect(app.cell(`ĐV ${start}`, VI.crimes, CUR)).toHaveValue('1.234');
});

test('Tab and Shift+Tab go on to the next and previous unit across the window', async ({ page }) => {
  const app = new AppPage(page);
  const names = await app.gridTable().getByRole('rowheader').allTextContents();
  const lastName = names.at(-1);
  const nextName = `ĐV ${Number(lastName.split(' ')[1]) + 1}`;
  await expect(app.cell(nextName, VI.crimes, CUR)).toHaveCount(0);
  // The last cell of the last rendered row, then Tab: the first cell of the next unit.
  const lastCell = app.gridTable().getByRole('row').filter({ has: app.rowHeaders(lastName) }).getByRole('textbox').last();
  await focusAtEdge(lastCell);
  await page.keyboard.press('Tab');
  await expect(app.cell(nextName, VI.crimes, CUR)).toBeFocused();
  // Shift+Tab from there: back to the last cell of the unit before.
  await page.keyboard.press('Shift+Tab');
  await expect(lastCell).toBeFocused();

  // Far down, from the first rendered row, Shift+Tab reaches the unit above it.
  await app.scrollRegionTo(app.gridRegion(), 'ĐV 600');
  const shown = await app.gridTable().getByRole('rowheader').allTextContents();
  const firstName = shown[0];
  const prevName = `ĐV ${Number(firstName.split(' ')[1]) - 1}`;
  await expect(app.cell(prevName, VI.crimes, CUR)).toHaveCount(0);
  await focusAtEdge(app.cell(firstName, VI.crimes, CUR));
  await expect(app.cell(prevName, VI.crimes, CUR)).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  const prevLast = app.gridTable().getByRole('row').filter({ has: app.rowHeaders(prevName) }).getByRole('textbox').last();
  await expect(prevLast).toBeFocused();
});

test('printing renders every row of the results and the ranking', async ({ page }) => {
  const app = new AppPage(page);
  await page.emulateMedia({ media: 'print' });
  await expect(app.resultsTable().getByRole('rowheader')).toHaveCount(N);
  await expect(app.rankingTable().getByRole('rowheader')).toHaveCount(N);
  // Back on screen, a window again.
  await page.emulateMedia({ media: 'screen' });
  await expect.poll(() => app.resultsTable().getByRole('rowheader').count()).toBeLessThan(120);
});

test('the exported file of 1,000 units, results and all, imports again', async ({ page }) => {
  const app = new AppPage(page);
  await app.scrollRegionTo(app.gridRegion(), 'ĐV 990');
  await app.type('ĐV 990', VI.casesOccurred, CUR, '2000');
  await page.keyboard.press('Tab');
  const dl = await app.exportJson();
  const text = await AppPage.text(dl);
  const exported = JSON.parse(text);
  expect(exported.results.map((r) => r.units.length)).toEqual(exported.pact.reviews.map(() => N));
  // Reading it back: the preview, not "file too large".
  await app.chooseFile(filePayload(dl.suggestedFilename(), text));
  await expect(app.dialogHeading()).toHaveText(`Nhập tệp “${dl.suggestedFilename()}”?`);
  await app.confirmImport();
  await expect(app.resultsTable()).toHaveAttribute('aria-rowcount', String(N + 1));
  await app.scrollRegionTo(app.gridRegion(), 'ĐV 990');
  await expect(app.cell('ĐV 990', VI.casesOccurred, CUR)).toHaveValue('2.000');
});

test('back from a unit whose ranking row is no longer rendered, the focus goes to the overview heading', async ({ page }) => {
  const app = new AppPage(page);
  const region = app.rankingRegion();
  await region.scrollIntoViewIfNeeded();
  const box = await region.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(20);
  }
  const open = region.getByRole('button', { name: /^Xem chi tiết / }).last();
  const name = await open.getAttribute('aria-label');
  await open.click();
  await expect(page.getByRole('heading', { level: 2, name: name.replace('Xem chi tiết ', ''), exact: true })).toBeFocused();
  await app.backButton().click();
  // The ranking starts again at its top: that unit's row is far below, not in the page.
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả', exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
});

test('the ranking chart off screen is not drawn, yet keeps its size: nothing moves when it comes into view', async ({ page }) => {
  // Loaded in a short window, so that the chart (below the results and the ranking, 70% of the
  // window's height each) starts well below the first screen: the browser never drew it.
  await page.setViewportSize({ width: 1280, height: 300 });
  await page.reload();
  await expect(new AppPage(page).resultsTable()).toHaveAttribute('aria-rowcount', String(N + 1));
  const drawing = page.getByRole('figure').first().getByRole('img');
  await expect(drawing).toHaveCount(1);
  const measure = () => drawing.evaluate((el) => {
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return frames().then(() => ({
      height: el.getBoundingClientRect().height,
      // Where the grid's heading, below the chart, stands in the page.
      gridAt: document.getElementById('h-figures').getBoundingClientRect().top + window.scrollY,
      drawn: el.querySelector('svg').checkVisibility({ contentVisibilityAuto: true }),
    }));
  });
  // Its 1,000 bars are not drawn.
  const away = await measure();
  expect(away.drawn).toBe(false);
  expect(away.height).toBeGreaterThan(1000);
  await drawing.scrollIntoViewIfNeeded();
  const near = await measure();
  expect(near.drawn).toBe(true);
  // The drawing's proportions: 760 wide, and as tall as its rows.
  expect(Math.abs(near.height - away.height)).toBeLessThanOrEqual(1);
  expect(Math.abs(near.gridAt - away.gridAt)).toBeLessThanOrEqual(1);
});
