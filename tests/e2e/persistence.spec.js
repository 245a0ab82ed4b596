// Autosave in localStorage: reload, unreadable data put aside (quarantine), a full storage, and
// two tabs that follow each other without ever silently overwriting unsaved work.
import { test, expect } from '@playwright/test';
import { AppPage, VI, EN, T, DOC_KEY, LANG_KEY, QUARANTINE_PREFIX } from './pages/app_page.js';
import { mainUnits } from './fixtures/docs.js';

const { current: CUR, baseline: BASE } = VI;
// For checks made once an earlier assertion has shown the render is done: no need to wait long.
const SETTLED = { timeout: 2000 };

test('a reload keeps the figures and the language', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('Hà Nội', VI.casesOccurred, CUR, '1840');
  await app.type('Hà Nội', VI.casesSolved, CUR, '1670');
  await app.type('Hà Nội', VI.crimes, BASE, '1.916');
  await app.setLanguage('en');
  await app.waitSaved();
  await expect.poll(() => app.storedFigure('ha-noi', 'cases_solved', 'current')).toBe(1670);
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), LANG_KEY)).toBe('en');

  await app.reload();
  await expect(app.documentElement()).toHaveAttribute('lang', 'en');
  await expect(app.languageButton('en')).toHaveAttribute('aria-pressed', 'true');
  await expect(app.heading()).toHaveText('2023 emulation pact — Emulation Cluster No. 1, Ministry of Public Security');
  await expect(app.cell('Hà Nội', EN.casesOccurred, EN.current)).toHaveValue('1,840');
  await expect(app.cell('Hà Nội', EN.casesSolved, EN.current)).toHaveValue('1,670');
  await expect(app.cell('Hà Nội', EN.crimes, EN.baseline)).toHaveValue('1,916');
  await expect(app.cell('Hà Nội', EN.crimes, EN.current)).toHaveValue('');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90.76%');
  await expect(app.saveState()).toHaveText('Saved in this browser');
  // Nothing to undo after a reload: the history is not the data.
  await expect(app.undoButton()).toBeDisabled();

  await app.setLanguage('vi');
  await app.reload();
  await expect(app.documentElement()).toHaveAttribute('lang', 'vi');
  await expect(app.cell('Hà Nội', VI.casesOccurred, CUR)).toHaveValue('1.840');
});

test('an edit made just before a reload is not lost (saved when the page is hidden)', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('Cần Thơ', VI.fires, BASE, '31');
  // The page has the edit (both keys taken; on a loaded machine the key events can still be on
  // their way when the next command starts) ...
  await expect(app.cell('Cần Thơ', VI.fires, BASE)).toHaveValue('31');
  // ... and reloads well within the 300 ms autosave delay.
  await app.reload();
  await expect(app.cell('Cần Thơ', VI.fires, BASE)).toHaveValue('31');
});

for (const [what, garbage] of [
  ['text that is not JSON', 'không phải JSON {{{ \u0000 ✗ <b>hỏng</b>'],
  ['an envelope whose document is invalid', JSON.stringify({ seq: 7, tab: 'x', saved_at: 0, doc: { format: 'thidua.pact', schema_version: 1, pact: {} } })],
]) {
  test(`unreadable stored data (${what}) is quarantined, announced and downloadable`, async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC_KEY, garbage]);
    await app.reload();

    const alert = app.alert();
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Dữ liệu đã lưu trước đây không đọc được');
    await expect(app.alertItems().first()).toBeVisible(); // why, in words
    // The built-in pact opened instead.
    await expect(app.heading()).toHaveText('Giao ước thi đua năm 2023 — Cụm thi đua số 1, Bộ Công an');

    const quarantined = await app.storedWithPrefix(QUARANTINE_PREFIX);
    expect(Object.values(quarantined)).toEqual([garbage]);

    const dl = await app.download(() => app.control('downloadOriginal').click());
    expect(await AppPage.text(dl)).toBe(garbage);

    // The app works and saves; the quarantined copy stays.
    await app.type('Hà Nội', VI.fires, CUR, '3');
    await expect.poll(() => app.storedFigure('ha-noi', 'fires', 'current')).toBe(3);
    expect(Object.values(await app.storedWithPrefix(QUARANTINE_PREFIX))).toEqual([garbage]);
    await app.reload();
    await expect(app.alert()).toHaveCount(0);
    await expect(app.cell('Hà Nội', VI.fires, CUR)).toHaveValue('3');
  });
}

test('the quarantine message follows the language', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await page.evaluate((k) => localStorage.setItem(k, '{"seq": 1, "doc": '), DOC_KEY);
  await app.reload();
  await expect(app.alert()).toContainText('dòng 1, cột');
  await app.setLanguage('en');
  await expect(app.alert()).toContainText('The data saved earlier could not be read');
  await expect(app.alertItems()).toContainText(/^line 1, column \d+: not valid JSON/, SETTLED);
  await expect(app.alert()).not.toContainText('dòng');
});

test('data saved by a newer version is left untouched and the session runs in memory', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const newer = JSON.stringify({ seq: 4, tab: 'future', saved_at: 0, doc: { format: 'thidua.pact', schema_version: 99, pact: {} } });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC_KEY, newer]);
  await app.reload();
  await expect(app.alert()).toContainText('do phiên bản mới hơn tạo ra (định dạng 99)');
  await expect(app.saveState()).toHaveText('Không lưu được: chỉ giữ trong phiên này');
  await app.type('Hà Nội', VI.fires, CUR, '4');
  await expect(app.resultCell('Hà Nội', T.t7b)).toContainText('thiếu');
  await page.waitForTimeout(500);
  expect(await page.evaluate((k) => localStorage.getItem(k), DOC_KEY)).toBe(newer);
  expect(await app.storedWithPrefix(QUARANTINE_PREFIX)).toEqual({});
  // Export still offers a way to keep this session's work.
  const dl = await app.download(() => app.alertButton('Xuất JSON để giữ dữ liệu').click());
  expect(mainUnits(JSON.parse(await AppPage.text(dl))).find((d) => d.unit === 'ha-noi').figures.fires).toEqual({ current: 4 });
});

test('a full storage shows "not saved" and the page keeps working', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('Hà Nội', VI.casesOccurred, CUR, '2000');
  await expect.poll(() => app.storedFigure('ha-noi', 'cases_occurred', 'current')).toBe(2000);
  // Fill the origin's storage with other keys until nothing more fits.
  const fillers = await page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1;) {
      try {
        localStorage.setItem(`test.filler.${i}`, 'x'.repeat(size));
        i++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return i;
  });
  expect(fillers).toBeGreaterThan(0);

  await app.type('Hà Nội', VI.casesSolved, CUR, '1600');
  const alert = app.alert();
  await expect(alert).toContainText('Chưa lưu');
  await expect(alert).toContainText('bộ nhớ trình duyệt đã đầy');
  await expect(app.saveState()).toHaveText('Chưa lưu');
  // The stored data is the last good save, not a half-written one.
  expect(await app.storedFigure('ha-noi', 'cases_solved', 'current')).toBeUndefined();
  expect(await app.storedFigure('ha-noi', 'cases_occurred', 'current')).toBe(2000);

  // Still works: typing updates the results.
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('80,00%');
  await app.type('Hà Nội', VI.casesSolved, CUR, '1400');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('70,00%');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('Không đạt');
  // Export still works, so nothing is lost.
  await expect(app.alertButton('Xuất JSON để giữ dữ liệu')).toBeVisible();

  // Room again: the next edit saves and the banner goes.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('test.filler.')) localStorage.removeItem(k);
  });
  await app.type('Hà Nội', VI.casesSolved, CUR, '1500');
  await expect(app.alert()).toHaveCount(0);
  await app.waitSaved();
  await expect.poll(() => app.storedFigure('ha-noi', 'cases_solved', 'current')).toBe(1500);
});

test('with a full storage, a reset is refused rather than done without a backup', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('Hà Nội', VI.fires, CUR, '5');
  await expect.poll(() => app.storedFigure('ha-noi', 'fires', 'current')).toBe(5);
  await page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1;) {
      try {
        localStorage.setItem(`test.filler.${i}`, 'x'.repeat(size));
        i++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await app.reset();
  await expect(app.alert()).toContainText('Chưa thực hiện: không tạo được bản sao lưu (bộ nhớ trình duyệt đã đầy)');
  await expect(app.cell('Hà Nội', VI.fires, CUR)).toHaveValue('5');
  expect(await app.storedFigure('ha-noi', 'fires', 'current')).toBe(5);
});

test('two tabs: an edit in one appears in the other', async ({ context }) => {
  const a = new AppPage(await context.newPage());
  const b = new AppPage(await context.newPage());
  await a.goto();
  await b.goto();

  await a.type('Đà Nẵng', VI.casesOccurred, CUR, '400');
  await a.type('Đà Nẵng', VI.casesSolved, CUR, '390');
  await a.page.keyboard.press('Tab');
  await a.waitSaved();
  await expect(b.cell('Đà Nẵng', VI.casesOccurred, CUR)).toHaveValue('400');
  await expect(b.cell('Đà Nẵng', VI.casesSolved, CUR)).toHaveValue('390');
  await expect(b.resultCell('Đà Nẵng', T.t6a)).toContainText('97,50%');
  await expect(b.alert()).toHaveCount(0);
  // The tab that only followed has nothing pending: it must say it is saved (soft: the rest of
  // the test still runs).
  await expect.soft(b.saveState()).toHaveText('Đã lưu trong trình duyệt', { timeout: 3000 });

  // And back the other way.
  await b.type('Đà Nẵng', VI.casesSolved, CUR, '100');
  await expect(a.cell('Đà Nẵng', VI.casesSolved, CUR)).toHaveValue('100');
  await expect(a.resultCell('Đà Nẵng', T.t6a)).toContainText('Không đạt');
  await expect(a.alert()).toHaveCount(0);
  await expect.poll(() => a.storedFigure('da-nang', 'cases_solved', 'current')).toBe(100);
});

test('two tabs: a change from the other tab also shows in the cell being edited here', async ({ context }) => {
  const a = new AppPage(await context.newPage());
  const b = new AppPage(await context.newPage());
  await a.goto();
  await b.goto();
  await a.type('Hải Phòng', VI.fires, CUR, '8');
  await a.waitSaved();
  await expect(b.cell('Hải Phòng', VI.fires, CUR)).toHaveValue('8');
  // B's user is in that cell (not typing) when A changes it.
  await b.cell('Hải Phòng', VI.fires, CUR).click();
  await a.type('Hải Phòng', VI.fires, CUR, '9');
  await a.waitSaved();
  await expect(b.resultCell('Hải Phòng', T.t7b)).toContainText('thiếu');
  await expect.poll(() => b.storedFigure('hai-phong', 'fires', 'current')).toBe(9);
  await expect(b.cell('Hải Phòng', VI.fires, CUR)).toBeFocused();
  await expect.soft(b.cell('Hải Phòng', VI.fires, CUR)).toHaveValue('9', SETTLED);
  // Escape there must not bring back the stale 8 over the other tab's 9.
  await b.page.keyboard.press('Escape');
  await b.page.keyboard.press('Tab');
  await b.page.waitForTimeout(500);
  expect(await b.storedFigure('hai-phong', 'fires', 'current')).toBe(9);
});

test('two tabs: when a newer version of the app saves in the other tab, this one stops saving and says so', async ({ context }) => {
  const a = new AppPage(await context.newPage());
  const b = new AppPage(await context.newPage());
  await a.goto();
  await b.goto();
  await a.type('Hà Nội', VI.fires, CUR, '3');
  await a.waitSaved();
  // The other tab was reloaded into a newer version, which stores its own format.
  const newer = JSON.stringify({ seq: 99, tab: 'future', saved_at: 0, doc: { format: 'thidua.pact', schema_version: 99, pact: {} } });
  await b.page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC_KEY, newer]);
  // Not a conflict to settle by choosing a version: this tab cannot read the other's at all.
  await expect(a.alert()).toContainText('do phiên bản mới hơn tạo ra (định dạng 99)');
  await expect(a.alert()).not.toContainText('Một thẻ khác vừa lưu');
  await expect(a.saveState()).toHaveText('Không lưu được: chỉ giữ trong phiên này');
  // Its edits go on in memory and never overwrite the newer data.
  await a.type('Hà Nội', VI.fires, CUR, '4');
  await a.page.keyboard.press('Tab');
  await expect(a.resultCell('Hà Nội', T.t7b)).toContainText('thiếu');
  await a.page.waitForTimeout(500);
  expect(await a.page.evaluate((k) => localStorage.getItem(k), DOC_KEY)).toBe(newer);
  // Export keeps them.
  const dl = await a.download(() => a.alertButton('Xuất JSON để giữ dữ liệu').click());
  expect(mainUnits(JSON.parse(await AppPage.text(dl))).find((d) => d.unit === 'ha-noi').figures.fires).toEqual({ current: 4 });
});

test('two tabs: data no version of the app can read, stored by something in another tab, is copied aside before this tab saves over it', async ({ context }) => {
  const a = new AppPage(await context.newPage());
  const b = new AppPage(await context.newPage());
  await a.goto();
  await b.goto();
  await a.type('Hà Nội', VI.fires, CUR, '3');
  await a.waitSaved();
  const garbage = '{"seq": 5, "doc": ';
  await b.page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC_KEY, garbage]);
  await expect(a.alert()).toContainText('Một thẻ khác đã lưu dữ liệu mà thẻ này không đọc được');
  // The unreadable text is kept, byte for byte, and can be downloaded.
  await expect.poll(async () => Object.values(await a.storedWithPrefix(QUARANTINE_PREFIX))).toEqual([garbage]);
  const dl = await a.download(() => a.alertButton('Tải dữ liệu gốc').click());
  expect(await AppPage.text(dl)).toBe(garbage);
  // This tab's version is stored in its place, and saving goes on.
  await expect.poll(() => a.storedFigure('ha-noi', 'fires', 'current')).toBe(3);
  await expect(a.saveState()).toHaveText('Đã lưu trong trình duyệt');
  await a.type('Hà Nội', VI.fires, CUR, '4');
  await expect.poll(() => a.storedFigure('ha-noi', 'fires', 'current')).toBe(4);
  // The other tab follows this tab's version, with nothing to settle.
  await expect(b.cell('Hà Nội', VI.fires, CUR)).toHaveValue('4');
  await expect(b.alert()).toHaveCount(0);
});

/**
 * Both tabs edit within the autosave delay: the first to save wins the storage, and the other must
 * not overwrite it. Returns [winner, loser, winner's cell, loser's cell].
 */
async function conflict(context) {
  const a = new AppPage(await context.newPage());
  const b = new AppPage(await context.newPage());
  const cellA = ['Hà Nội', VI.fires, CUR];
  const cellB = ['Cần Thơ', VI.fires, CUR];
  // The clock (one for the context: both tabs) is held, so that the order is certain on any
  // machine: the first tab types, then the second, within the 300 ms autosave delay; the first
  // tab's autosave writes while the second's edit is still unsaved; the second hears of it, and
  // then its own autosave falls due.
  await context.clock.install();
  await a.goto();
  await b.goto();
  await context.clock.pauseAt(Date.now() + 60_000);
  await a.cell(...cellA).fill('11');
  await a.page.keyboard.press('Tab');
  await context.clock.runFor(200);
  await b.cell(...cellB).fill('22');
  await b.page.keyboard.press('Tab');
  await context.clock.runFor(150); // the first tab's autosave (due at 300 ms), not the second's (at 500 ms)
  await expect(b.alert()).toHaveCount(1);
  await context.clock.runFor(300);
  await context.clock.resume();
  await expect.poll(async () => (await a.alert().count()) + (await b.alert().count()), { timeout: 5000 }).toBe(1);
  const aLost = (await a.alert().count()) === 1;
  const [winner, loser] = aLost ? [b, a] : [a, b];
  const [winCell, loseCell] = aLost ? [cellB, cellA] : [cellA, cellB];
  const winVal = aLost ? 22 : 11;
  const loseVal = aLost ? 11 : 22;
  await expect(loser.alert()).toContainText('Một thẻ khác vừa lưu dữ liệu');
  await expect(loser.saveState()).toHaveText('Chưa lưu');
  // Nothing silently overwritten: storage holds the winner's version only.
  const id = (c) => (c[0] === 'Hà Nội' ? 'ha-noi' : 'can-tho');
  await expect.poll(() => winner.storedFigure(id(winCell), 'fires', 'current')).toBe(winVal);
  expect(await winner.storedFigure(id(loseCell), 'fires', 'current')).toBeUndefined();
  return { winner, loser, winCell, loseCell, winVal, loseVal, id };
}

test('two tabs saving at once: a conflict banner, and "keep this tab\'s version" stores this tab\'s data', async ({ context }) => {
  const { winner, loser, winCell, loseCell, winVal, loseVal, id } = await conflict(context);
  await loser.control('keepMine').click();
  await expect(loser.alert()).toHaveCount(0);
  await loser.waitSaved();
  await expect.poll(() => loser.storedFigure(id(loseCell), 'fires', 'current')).toBe(loseVal);
  expect(await loser.storedFigure(id(winCell), 'fires', 'current')).toBeUndefined();
  // The other tab, with nothing unsaved, follows the chosen version, and says that its own
  // saved version was replaced by the other tab's choice (its edit disappears from view).
  await expect(winner.cell(...loseCell)).toHaveValue(String(loseVal));
  await expect(winner.cell(...winCell)).toHaveValue('');
  await expect(winner.alert()).toContainText('Một thẻ khác đã chọn giữ bản của nó thay cho bản thẻ này đang hiển thị');
  await expect(winner.alert()).toContainText('Bản sao lưu tự động');
  await expect(winner.saveState()).toHaveText('Đã lưu trong trình duyệt');
  // The version not kept, already saved by the other tab, was backed up first: restoring it
  // brings the other tab's edit back.
  await expect(loser.backupItems()).toHaveCount(1);
  await expect(loser.backupItems().first()).toContainText('bản không được giữ khi hai thẻ cùng lưu');
  // The tab whose saved edit was not kept lists that backup too, without a reload.
  await expect(winner.backupItems()).toHaveCount(1);
  // The notice follows the language, and is dismissed from the keyboard.
  await winner.setLanguage('en');
  await expect(winner.alert()).toContainText('Another tab chose to keep its own version in place of the one this tab was showing');
  await winner.alertButton('Dismiss').focus();
  await winner.page.keyboard.press('Enter');
  await expect(winner.alert()).toHaveCount(0);
  await loser.restoreBackup(0);
  await expect(loser.cell(...winCell)).toHaveValue(String(winVal));
});

test('two tabs saving at once: a third tab, which only showed the version not kept, says it was replaced too', async ({ context }) => {
  const { winner, loser, winCell, loseCell, winVal, loseVal } = await conflict(context);
  const third = new AppPage(await context.newPage());
  await third.goto();
  await expect(third.cell(...winCell)).toHaveValue(String(winVal));
  await expect(third.alert()).toHaveCount(0);
  await loser.control('keepMine').click();
  await expect(third.cell(...loseCell)).toHaveValue(String(loseVal));
  await expect(third.cell(...winCell)).toHaveValue('');
  await expect(third.alert()).toContainText('Một thẻ khác đã chọn giữ bản của nó thay cho bản thẻ này đang hiển thị');
  await expect(winner.alert()).toContainText('Một thẻ khác đã chọn giữ bản của nó');
  // The tab whose choice it was raises nothing.
  await expect(loser.alert()).toHaveCount(0);
});

test('two tabs saving at once: "use the other tab\'s version" takes the stored data', async ({ context }) => {
  const { winner, loser, winCell, loseCell, winVal, id } = await conflict(context);
  await loser.control('takeTheirs').click();
  await expect(loser.alert()).toHaveCount(0);
  await expect(loser.cell(...winCell)).toHaveValue(String(winVal));
  await expect(loser.cell(...loseCell)).toHaveValue('');
  await expect.soft(loser.saveState()).toHaveText('Đã lưu trong trình duyệt', { timeout: 3000 });
  await expect.poll(() => loser.storedFigure(id(winCell), 'fires', 'current')).toBe(winVal);
  expect(await loser.storedFigure(id(loseCell), 'fires', 'current')).toBeUndefined();
  // This tab's unsaved version, not kept, was backed up first.
  await expect(loser.backupItems()).toHaveCount(1);
  await expect(loser.backupItems().first()).toContainText('bản không được giữ khi hai thẻ cùng lưu');
  // Both tabs now edit the same data again without conflict.
  await loser.type('Đà Nẵng', VI.fires, CUR, '5');
  await expect(winner.cell('Đà Nẵng', VI.fires, CUR)).toHaveValue('5');
  await expect(winner.alert()).toHaveCount(0);
  await expect(loser.alert()).toHaveCount(0);
});

test('two tabs saving at the same instant: no tab loses its edit without being told', async ({ context }) => {
  // Both autosaves fall due together, so each tab may write before it sees the other's write (a
  // tab's view of localStorage lags the other tabs' writes a little). Whichever way it goes, the
  // storage holds one tab's version, and a tab whose edit is not stored says so and offers to
  // keep it.
  const a = new AppPage(await context.newPage());
  const b = new AppPage(await context.newPage());
  await context.clock.install();
  await a.goto();
  await b.goto();
  await context.clock.pauseAt(Date.now() + 60_000);
  const tabs = [
    { app: a, cell: ['Hà Nội', VI.fires, CUR], id: 'ha-noi', value: 11 },
    { app: b, cell: ['Cần Thơ', VI.fires, CUR], id: 'can-tho', value: 22 },
  ];
  await Promise.all(tabs.map((t) => t.app.cell(...t.cell).fill(String(t.value))));
  await Promise.all(tabs.map((t) => t.app.page.keyboard.press('Tab')));
  // One clock for both tabs: both autosaves fall due in the same step.
  await context.clock.runFor(1000);
  await context.clock.resume();
  // Let both storage events arrive.
  await a.page.waitForTimeout(500);
  // What the storage holds, read once, before anyone resolves anything.
  const stored = [];
  for (const t of tabs) stored.push(await a.storedFigure(t.id, 'fires', 'current'));
  const missing = tabs.filter((t, i) => stored[i] !== t.value);
  // Exactly one version was stored, so exactly one tab's edit is missing from it.
  expect(missing.length).toBe(1);
  const [lost] = missing;
  const kept = tabs.find((t) => t !== lost);
  await expect(lost.app.alert(), `the tab whose ${lost.id} edit is not stored says so`).toContainText('Một thẻ khác vừa lưu dữ liệu');
  await expect(lost.app.saveState()).toHaveText('Chưa lưu');
  // The tab whose edit is stored raises no alarm: it was told of the other's write, but that
  // write is the one its own replaced.
  await expect(kept.app.alert(), `the tab whose ${kept.id} edit is stored`).toHaveCount(0);
  await expect(kept.app.saveState()).not.toHaveText('Chưa lưu');
  // Keeping its version stores it, and the other tab takes it, with its own edit in it.
  await lost.app.control('keepMine').click();
  await expect.poll(() => lost.app.storedFigure(lost.id, 'fires', 'current')).toBe(lost.value);
  await expect(lost.app.alert()).toHaveCount(0);
  await expect(kept.app.cell(...lost.cell)).toHaveValue(String(lost.value));
  // Its own edit, which was stored, is replaced by that choice: it says so.
  await expect(kept.app.cell(...kept.cell)).toHaveValue('');
  await expect(kept.app.alert()).toContainText('Một thẻ khác đã chọn giữ bản của nó');
});
