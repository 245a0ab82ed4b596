// Undo and redo, a session with the keyboard only, both languages without leftovers of the other,
// and number formats per language.
import { test, expect } from '@playwright/test';
import { AppPage, VI, EN, T, UNIT_NAMES } from './pages/app_page.js';
import { buildDoc, filePayload } from './fixtures/docs.js';

const { current: CUR, baseline: BASE } = VI;
// For checks made once an earlier assertion has shown the render is done: no need to wait long.
const SETTLED = { timeout: 2000 };

test.beforeEach(async ({ page }) => {
  await new AppPage(page).goto();
});

test('undo and redo with the buttons and with Control+Z / Control+Y', async ({ page }) => {
  const app = new AppPage(page);
  const occurred = app.cell('Hà Nội', VI.casesOccurred, CUR);
  const solved = app.cell('Hà Nội', VI.casesSolved, CUR);
  const t6a = app.resultCell('Hà Nội', T.t6a);
  await expect(app.undoButton()).toBeDisabled();
  await expect(app.redoButton()).toBeDisabled();
  await expect(app.undoButton()).toHaveAttribute('aria-keyshortcuts', 'Control+Z');

  // Keystrokes in one cell are one step.
  await app.type('Hà Nội', VI.casesOccurred, CUR, '1840');
  await app.type('Hà Nội', VI.casesSolved, CUR, '1670');
  await page.keyboard.press('Tab');
  await expect(t6a).toContainText('90,76%');

  await app.undoButton().click();
  await expect(solved).toHaveValue('');
  await expect(occurred).toHaveValue('1.840');
  await expect(t6a).toContainText('Chưa có số liệu');
  await expect(app.redoButton()).toBeEnabled();

  await page.keyboard.press('Control+Z');
  await expect(occurred).toHaveValue('');
  await expect(app.undoButton()).toBeDisabled();
  await expect.poll(() => app.storedFigure('ha-noi', 'cases_occurred', 'current')).toBeUndefined();

  await page.keyboard.press('Control+Y');
  await expect(occurred).toHaveValue('1.840');
  await expect(solved).toHaveValue('');
  await app.redoButton().click();
  await expect(solved).toHaveValue('1.670');
  await expect(t6a).toContainText('90,76%');
  await expect(app.redoButton()).toBeDisabled();
  await expect.poll(() => app.storedFigure('ha-noi', 'cases_solved', 'current')).toBe(1670);

  // Control+Z inside a focused cell is the app's undo too, and Control+Shift+Z redoes.
  await solved.click();
  await page.keyboard.press('Control+Z');
  await expect(solved).toHaveValue('');
  await page.keyboard.press('Control+Shift+Z');
  await expect(solved).toHaveValue('1.670');

  // A new edit clears the redo history.
  await page.keyboard.press('Control+Z');
  await app.type('Hà Nội', VI.fires, CUR, '2');
  await expect(app.redoButton()).toBeDisabled();
});

test('Control+Z in a text box that is not a figure cell undoes its own text, not the last figure', async ({ page }) => {
  const app = new AppPage(page);
  const fires = app.cell('Hà Nội', VI.fires, CUR);
  await app.type('Hà Nội', VI.fires, CUR, '7');
  await page.keyboard.press('Tab');
  await expect(app.undoButton()).toBeEnabled();

  // The "find unit" box: the browser's own undo of what was typed there.
  const search = app.unitSearch();
  await search.click();
  await page.keyboard.type('ha');
  await expect(app.unitSearchCount()).toHaveText('Hiển thị 2/5 đơn vị');
  // Chromium undoes each letter typed here on its own (it may group them): twice is enough.
  await page.keyboard.press('Control+Z');
  await expect(search).not.toHaveValue('ha');
  await page.keyboard.press('Control+Z');
  await expect(search).toHaveValue('');
  await expect(app.unitSearchCount()).toHaveText('Hiển thị 5/5 đơn vị');
  await expect(search).toBeFocused();
  await expect(fires).toHaveValue('7');

  // A text field of the pact editor: the same.
  await app.openEditor();
  const name = app.editorField('Đơn vị 1 — tên đầy đủ (tiếng Việt)');
  await name.click();
  await page.keyboard.press('End');
  await page.keyboard.type('X');
  await expect(name).toHaveValue(`${UNIT_NAMES.vi['Hà Nội']}X`);
  await page.keyboard.press('Control+Z');
  await expect(name).toHaveValue(UNIT_NAMES.vi['Hà Nội']);
  await expect(name).toBeFocused();
  await app.overviewButton().click();
  await expect(fires).toHaveValue('7');

  // Anywhere else (here a button), Control+Z is still the app's undo.
  await app.overviewButton().focus();
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await expect(fires).toHaveValue('');
});

test('a reset can be undone', async ({ page }) => {
  const app = new AppPage(page);
  await app.type('Hải Phòng', VI.fires, BASE, '9');
  await page.keyboard.press('Tab');
  await app.reset();
  await expect(app.cell('Hải Phòng', VI.fires, BASE)).toHaveValue('');
  await page.keyboard.press('Control+Z');
  await expect(app.cell('Hải Phòng', VI.fires, BASE)).toHaveValue('9');
});

test('a whole session with the keyboard only', async ({ page }) => {
  // A long session (hundreds of key presses through the grid): more time than the default, so
  // that a busy machine does not fail it. Nothing here measures speed.
  test.slow();
  const app = new AppPage(page);
  // Any mouse use would be counted here.
  await page.evaluate(() => {
    window.__mouse = 0;
    for (const t of ['mousedown', 'mouseup', 'pointerdown']) addEventListener(t, () => { window.__mouse++; }, true);
  });
  const kb = page.keyboard;
  // Listening for the file chooser from the start makes Playwright intercept choosers well before
  // the import near the end (set up just before the key press, the interception could still be
  // on its way when the key opens the chooser, and the chooser would then be the browser's own).
  const chooser = page.waitForEvent('filechooser', { timeout: 0 });

  // The skip link leads to the grid.
  await kb.press('Tab');
  const skip = app.skipLink();
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await kb.press('Enter');
  await kb.press('Tab');
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toBeFocused();

  // Figures: type, arrows, Enter.
  await kb.type('1840');
  await kb.press('ArrowRight');
  await expect(app.cell('Hà Nội', VI.crimes, BASE)).toBeFocused();
  await kb.type('1916');
  await kb.press('Enter');
  await expect(app.cell('TP HCM', VI.crimes, BASE)).toBeFocused();
  await kb.type('4773');
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft'); // caret at the start: the next cell to the left
  await expect(app.cell('TP HCM', VI.crimes, CUR)).toBeFocused();
  await kb.type('4422');
  await kb.press('Shift+Enter');
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toBeFocused();
  for (let i = 0; i < 10; i++) await kb.press('ArrowRight');
  await expect(app.cell('Hà Nội', VI.casesOccurred, CUR)).toBeFocused();
  await kb.type('1840');
  await kb.press('ArrowRight');
  await kb.press('ArrowRight');
  await expect(app.cell('Hà Nội', VI.casesSolved, CUR)).toBeFocused();
  await kb.type('1670');
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft');
  await kb.press('ArrowLeft'); // caret at the start of "1670": on to the baseline cell
  await kb.press('ArrowLeft');
  await expect(app.cell('Hà Nội', VI.casesOccurred, CUR)).toBeFocused();
  await kb.press('Tab');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90,76%');
  await expect(app.resultCell('Hà Nội', T.t4)).toContainText('3,97%');
  await expect(app.resultCell('TP HCM', T.t4)).toContainText('7,35%');

  // Undo with the keyboard.
  await kb.press('Control+Z');
  await expect(app.cell('Hà Nội', VI.casesSolved, CUR)).toHaveValue('');
  await kb.press('Control+Y');
  await expect(app.cell('Hà Nội', VI.casesSolved, CUR)).toHaveValue('1.670');

  // Switch the language from the toolbar.
  await app.tabTo(app.languageButton('en'), { key: 'Shift+Tab' });
  await kb.press('Enter');
  await expect(app.documentElement()).toHaveAttribute('lang', 'en');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90.76%');

  // Open Hà Nội's view and come back.
  await app.tabTo(app.openUnitButton(UNIT_NAMES.en['Hà Nội']));
  await kb.press('Enter');
  await expect(app.unitHeading('Hà Nội City Police')).toBeVisible();
  await expect(app.text('Still to achieve this period')).toBeVisible();
  await app.tabTo(app.backButton());
  await kb.press('Enter');
  await expect(app.resultsTable()).toBeVisible();
  await expect(app.cell('Hà Nội', EN.crimes, EN.current)).toHaveValue('1,840');

  // A manual score in the unit view, by keyboard: back on the overview, the focus is on Hà Nội's
  // button again, and HCMC ranks above Hà Nội.
  await expect(app.openUnitButton(UNIT_NAMES.en['Hà Nội'])).toBeFocused();
  await app.tabTo(app.openUnitButton(UNIT_NAMES.en.HCMC), { key: 'Shift+Tab' });
  await kb.press('Space');
  await expect(app.unitHeading('Hồ Chí Minh City Police')).toBeVisible();
  const selfScore = app.scoreFields('HCMC', 'Self score (0–10)').first();
  await app.tabTo(selfScore);
  await kb.type('9.5');
  await expect(app.unitResultsTable()).toContainText('Points 9.50/10');

  // Import a file from the keyboard: the (visually hidden) file input takes focus and opens the
  // chooser; the dialog opens on its safe choice, Cancel; the confirmation is one Tab back.
  await app.tabTo(app.backButton());
  await kb.press('Enter');
  await app.tabTo(app.importInput(), { max: 260 }); // past the 170 grid cells
  await kb.press('Space');
  await (await chooser).setFiles(filePayload('one.json', buildDoc({ figures: { 'hai-phong': { fires: [2, 3] } } })));
  await expect(app.dialog()).toBeVisible();
  await expect(app.dialogButton('Cancel')).toBeFocused();
  await kb.press('Shift+Tab');
  await expect(app.dialogButton("Replace with the file's data")).toBeFocused();
  await kb.press('Enter');
  await expect(app.dialog()).toBeHidden();
  await expect(app.cell('Hải Phòng', EN.fires, EN.current)).toHaveValue('2');
  await expect(app.cell('Hà Nội', EN.crimes, EN.current)).toHaveValue('');

  expect(await page.evaluate(() => window.__mouse)).toBe(0);
});

// Proper nouns that keep their Vietnamese spelling in English.
const PROPER_NOUNS = ['Hồ Chí Minh', 'Hà Nội', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Vì an ninh Tổ quốc', 'Uncle Hồ'];
const VIETNAMESE_LETTER = /[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]/;

function vietnameseLeftovers(texts) {
  return texts
    .map(({ text, where }) => ({ text: PROPER_NOUNS.reduce((t, n) => t.split(n).join(''), text), orig: text, where }))
    .filter(({ text }) => VIETNAMESE_LETTER.test(text))
    .map(({ orig, where }) => `${where}: ${orig}`);
}

const ENGLISH_WORDS = ['Results', 'Unit', 'Total', 'Rank', 'Met', 'No data', 'Not met', 'Export', 'Undo', 'Redo',
  'Saved', 'Import', 'Reset', 'Points', 'Target', 'Backups', 'Print', 'Cancel', 'this period', 'Provisional', 'Back'];

function englishLeftovers(texts) {
  return texts
    .filter(({ text }) => ENGLISH_WORDS.some((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(text)))
    .map(({ text, where }) => `${where}: ${text}`);
}

/** Fills a few figures so that every kind of result text appears. */
async function someFigures(app) {
  await app.type('Hà Nội', VI.casesOccurred, CUR, '1840');
  await app.type('Hà Nội', VI.casesSolved, CUR, '1670');
  await app.type('Hà Nội', VI.crimes, CUR, '1840');
  await app.type('Hà Nội', VI.crimes, BASE, '1916');
  await app.type('TP HCM', VI.casesSolved, CUR, '12a');
  await app.type('Đà Nẵng', VI.casesOccurred, CUR, '5');
  await app.type('Đà Nẵng', VI.casesSolved, CUR, '10');
  await app.page.keyboard.press('Tab');
}

test('English mode has no Vietnamese interface text left (main screen, unit view, charts, pact editor)', async ({ page }) => {
  const app = new AppPage(page);
  await someFigures(app);
  await app.setLanguage('en');
  await expect(app.heading()).toHaveText('2023 emulation pact — Emulation Cluster No. 1, Ministry of Public Security');
  const main = await app.uiTexts('vi');
  expect(main.length).toBeGreaterThan(100);
  expect(vietnameseLeftovers(main), 'Vietnamese text in English mode (main screen)').toEqual([]);
  expect(englishLeftovers(main).length, 'the English check finds English here').toBeGreaterThan(10);

  await app.openUnit('Hà Nội City Police');
  const unit = await app.uiTexts('vi');
  expect(vietnameseLeftovers(unit), 'Vietnamese text in English mode (unit view)').toEqual([]);
  await app.backButton().click();
  await app.openUnit('Hồ Chí Minh City Police');
  expect(vietnameseLeftovers(await app.uiTexts('vi')), 'Vietnamese text in English mode (HCMC view)').toEqual([]);

  await app.openCharts();
  expect(vietnameseLeftovers(await app.uiTexts('vi')), 'Vietnamese text in English mode (charts)').toEqual([]);
  await app.openEditor();
  expect(vietnameseLeftovers(await app.uiTexts('vi')), 'Vietnamese text in English mode (pact editor)').toEqual([]);
});

test('Vietnamese mode has no English interface text left (main screen, unit view, charts, pact editor)', async ({ page }) => {
  const app = new AppPage(page);
  await someFigures(app);
  // Back from English, so that nothing stays behind from it either.
  await app.setLanguage('en');
  await app.setLanguage('vi');
  const main = await app.uiTexts('en');
  expect(main.length).toBeGreaterThan(100);
  expect(englishLeftovers(main), 'English text in Vietnamese mode (main screen)').toEqual([]);
  expect(vietnameseLeftovers(main).length, 'the Vietnamese check finds Vietnamese here').toBeGreaterThan(10);

  await app.openUnit('Công an TP Hà Nội');
  expect(englishLeftovers(await app.uiTexts('en')), 'English text in Vietnamese mode (unit view)').toEqual([]);

  await app.openCharts();
  expect(englishLeftovers(await app.uiTexts('en')), 'English text in Vietnamese mode (charts)').toEqual([]);
  await app.openEditor();
  expect(englishLeftovers(await app.uiTexts('en')), 'English text in Vietnamese mode (pact editor)').toEqual([]);
});

test('numbers are formatted 1.840 / 90,76% in Vietnamese and 1,840 / 90.76% in English', async ({ page }) => {
  const app = new AppPage(page);
  await app.type('Hà Nội', VI.casesOccurred, CUR, '1840');
  await app.type('Hà Nội', VI.casesSolved, CUR, '1670');
  await app.type('Hà Nội', VI.fires, CUR, '1234567');
  await page.keyboard.press('Tab');
  const t6a = app.resultCell('Hà Nội', T.t6a);
  await expect(app.cell('Hà Nội', VI.casesOccurred, CUR)).toHaveValue('1.840');
  await expect(app.cell('Hà Nội', VI.fires, CUR)).toHaveValue('1.234.567');
  await expect(t6a).toContainText('90,76%');
  await expect(t6a).toContainText('vượt 15,76 điểm %');
  await expect(t6a).toContainText('Điểm 12,00/12');
  await expect(app.resultTotal('Hà Nội')).toHaveText('12,00');

  await app.setLanguage('en');
  await expect(app.cell('Hà Nội', EN.casesOccurred, EN.current)).toHaveValue('1,840');
  await expect(app.cell('Hà Nội', EN.fires, EN.current)).toHaveValue('1,234,567');
  await expect(t6a).toContainText('90.76%');
  await expect(t6a).toContainText('15.76 pp above');
  await expect(t6a).toContainText('Points 12.00/12');
  await expect(app.resultTotal('Hà Nội')).toHaveText('12.00');
  await expect(app.rankingRow('Hà Nội City Police')).toContainText('12.00');

  // Typing follows the language too: "1,500" is fifteen hundred in English.
  await app.type('Hà Nội', EN.casesSolved, EN.current, '1,500');
  await expect(t6a).toContainText('81.52%');
  await page.keyboard.press('Tab');
  await app.setLanguage('vi');
  await expect(app.cell('Hà Nội', VI.casesSolved, CUR)).toHaveValue('1.500');
  await expect(t6a).toContainText('81,52%');
});

test('English wording agrees in number: "1 figure missing", "needs 1 more case"', async ({ page }) => {
  const app = new AppPage(page);
  await app.setLanguage('en');
  await app.type('HCMC', EN.casesOccurred, EN.current, '2000');
  const t6a = app.resultCell('HCMC', T.t6a);
  await expect(t6a).toContainText('No data');
  await expect.soft(t6a).toContainText('1 figure missing', SETTLED);
  await app.type('HCMC', EN.casesSolved, EN.current, '1500');
  await expect(t6a).toContainText('Not met');
  await expect.soft(t6a).toContainText('needs 1 more case', SETTLED);
  await expect.soft(t6a).not.toContainText('1 more cases', SETTLED);
});

test('"find unit" with no match says so, in both languages', async ({ page }) => {
  const app = new AppPage(page);
  await app.unitSearch().fill('xyz');
  await expect(app.unitSearchCount()).toHaveText('Hiển thị 0/5 đơn vị');
  await expect(app.text('Không có đơn vị nào khớp với “xyz”.')).toBeVisible();
  await app.setLanguage('en');
  await expect(app.text('No unit matches “xyz”.')).toBeVisible();
  await app.unitSearch().fill('hai');
  await expect(app.text(/No unit matches/, { exact: false })).toHaveCount(0);
});

test('a unit with no figures is not said to have no unmet target: it says how many targets lack them', async ({ page }) => {
  const app = new AppPage(page);
  await app.openUnit(UNIT_NAMES.vi['Cần Thơ']);
  await expect(app.text('Không có chỉ tiêu nào chưa đạt.')).toHaveCount(0);
  await expect(app.text(/^Chưa có chỉ tiêu nào được biết là chưa đạt: (\d+)\/\1 chỉ tiêu còn thiếu hoặc sai số liệu, điểm chấm/, { exact: false })).toBeVisible();
  await app.setLanguage('en');
  await expect(app.text(/^No target is known to be unmet: (\d+) of \1 targets lack valid figures or scores/, { exact: false })).toBeVisible();
});
