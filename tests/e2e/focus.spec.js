// Where the keyboard focus goes: switching views, the skip link under the sticky toolbar,
// reordering in the pact editor, and destructive confirmations.
import { test, expect } from '@playwright/test';
import { AppPage, UNIT_NAMES, VI } from './pages/app_page.js';

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

// At 640 px the toolbar wraps onto several lines, taller than the stylesheet's fallback padding: only
// the padding kept to its height (browser::track_height) keeps the heading in view there.
for (const width of [1366, 1024, 640]) {
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

test('moving a unit, a content or a target by keyboard: the focus follows what was moved', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openEditor();
  const name = (n) => app.editorField(`Đơn vị ${n} — tên đầy đủ (tiếng Việt)`);

  // Units: Enter twice moves the same unit down twice.
  await app.tabTo(app.button('Đơn vị 1 — xuống dưới'));
  await page.keyboard.press('Enter');
  await expect(name(2)).toHaveValue(HN);
  await expect(app.button('Đơn vị 2 — xuống dưới')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(name(3)).toHaveValue(HN);
  await expect(app.button('Đơn vị 3 — xuống dưới')).toBeFocused();
  // At the bottom edge the focus goes to the other direction's button (the same one is disabled).
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(name(5)).toHaveValue(HN);
  await expect(app.button('Đơn vị 5 — lên trên')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(name(4)).toHaveValue(HN);
  await expect(app.button('Đơn vị 4 — lên trên')).toBeFocused();

  // Contents.
  const content = (n) => app.editorField(`Nội dung ${n} — tên (tiếng Việt)`);
  const first = await content(1).inputValue();
  await app.tabTo(app.button('Nội dung 1 — xuống dưới'), { max: 400 });
  await page.keyboard.press('Enter');
  await expect(content(2)).toHaveValue(first);
  await expect(app.button('Nội dung 2 — xuống dưới')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(content(3)).toHaveValue(first);
  await expect(app.button('Nội dung 3 — xuống dưới')).toBeFocused();

  // Targets: 5.1 moved down is 5.2, the content's last; then the focus is on its "move up".
  const target = (n) => app.editorField(`Chỉ tiêu ${n} — tên (tiếng Việt)`);
  const t51 = await target('5.1').inputValue();
  await app.tabTo(app.button('Chỉ tiêu 5.1 — xuống dưới'), { max: 400 });
  await page.keyboard.press('Enter');
  await expect(target('5.2')).toHaveValue(t51);
  await expect(app.button('Chỉ tiêu 5.2 — lên trên')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(target('5.1')).toHaveValue(t51);
  await expect(app.button('Chỉ tiêu 5.1 — xuống dưới')).toBeFocused();
});

test('destructive confirmations open with the focus on Cancel', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.control('reset').click();
  await expect(app.dialog()).toBeVisible();
  await expect(app.dialogButton('Hủy')).toBeFocused();
  // Enter, pressed at once, keeps the data.
  await page.keyboard.press('Enter');
  await expect(app.dialog()).toBeHidden();

  await app.openEditor();
  for (const remove of ['Đơn vị 2 — xóa', 'Nội dung 2 — xóa', 'Chỉ tiêu 5.1 — xóa']) {
    await app.button(remove).click();
    await expect(app.dialog()).toBeVisible();
    await expect(app.dialogButton('Hủy')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.dialog()).toBeHidden();
  }
  await expect(app.editorField('Đơn vị 2 — tên đầy đủ (tiếng Việt)')).toHaveValue(UNIT_NAMES.vi['TP HCM']);
});

test('after Control+Z or Control+Y in a grid cell the focus is in the grid, on the cell undone', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const occurred = app.cell('Hà Nội', VI.casesOccurred, VI.current);
  const occurredBase = app.cell('Hà Nội', VI.casesOccurred, VI.baseline);
  await app.type('Hà Nội', VI.casesOccurred, VI.current, '1840');
  await page.keyboard.press('Control+Z');
  await expect(occurred).toHaveValue('');
  await expect(occurred).toBeFocused();
  await page.keyboard.press('Control+Y');
  await expect(occurred).toHaveValue('1.840');
  await expect(occurred).toBeFocused();

  // Undone from the next cell: the focus goes to the cell that changed, and typing goes on there.
  await page.keyboard.press('Tab');
  await expect(occurredBase).toBeFocused();
  await page.keyboard.press('Control+Z');
  await expect(occurred).toHaveValue('');
  await expect(occurred).toBeFocused();
  await page.keyboard.press('Control+Shift+Z');
  await expect(occurred).toHaveValue('1.840');
  await expect(occurred).toBeFocused();
  await page.keyboard.type('2000');
  await expect(occurred).toHaveValue('2000');
});

test('the toolbar\'s Undo and Redo keep the focus on the toolbar', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('Hà Nội', VI.fires, VI.current, '1');
  await app.type('Hà Nội', VI.fires, VI.baseline, '2');
  await app.tabTo(app.undoButton(), { key: 'Shift+Tab', max: 200 });
  await page.keyboard.press('Enter');
  await expect(app.cell('Hà Nội', VI.fires, VI.baseline)).toHaveValue('');
  await expect(app.undoButton()).toBeFocused();
  // The last step: Undo is disabled, and the focus goes to Redo beside it, not to the page.
  await page.keyboard.press('Enter');
  await expect(app.cell('Hà Nội', VI.fires, VI.current)).toHaveValue('');
  await expect(app.undoButton()).toBeDisabled();
  await expect(app.redoButton()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.cell('Hà Nội', VI.fires, VI.current)).toHaveValue('1');
  await expect(app.redoButton()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.redoButton()).toBeDisabled();
  await expect(app.undoButton()).toBeFocused();
  // Control+Z with the focus on a toolbar button leaves it there.
  await page.keyboard.press('Control+Z');
  await expect(app.cell('Hà Nội', VI.fires, VI.baseline)).toHaveValue('');
  await expect(app.undoButton()).toBeFocused();
});
