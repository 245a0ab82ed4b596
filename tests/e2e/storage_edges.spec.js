// Storage edge cases: a browser that blocks localStorage, and the snapshot taken before a removal.
import { test, expect } from '@playwright/test';
import { AppPage, VI, T } from './pages/app_page.js';

test('with localStorage blocked the app runs in memory and says so', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const app = new AppPage(page);
  await app.goto();
  await expect(app.alert()).toContainText('Trình duyệt không cho phép lưu dữ liệu');
  await expect(app.saveState()).toHaveText('Không lưu được: chỉ giữ trong phiên này');
  // Work goes on in memory.
  await app.fill('Hà Nội', VI.casesOccurred, VI.current, '2000');
  await app.fill('Hà Nội', VI.casesSolved, VI.current, '1501');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('Đạt');
  // Export is offered and works.
  const dl = await app.download(() => app.alert().getByRole('button', { name: 'Xuất JSON để giữ dữ liệu' }).click());
  expect(dl.suggestedFilename()).toMatch(/^cum1-2023-.*\.json$/);
  expect(errors).toEqual([]);
});

test('removing a bonus line takes a snapshot first, and undo brings the line back', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openUnit('Công an TP Hà Nội');
  await app.addBonusButton('Hà Nội').click();
  await app.adjustmentReason('Hà Nội', 'Điểm thưởng', 1).fill('Chuyên án xuất sắc');
  await app.waitSaved();
  await app.removeAdjustmentButton('Hà Nội', 'Điểm thưởng', 1).click();
  await expect(app.adjustmentReason('Hà Nội', 'Điểm thưởng', 1)).toHaveCount(0);
  await app.backButton().click();
  await expect(app.backupItems()).toHaveCount(1);
  await expect(app.backupItems().first()).toContainText('trước khi xóa');
  await app.button('Hoàn tác').click();
  await app.openUnit('Công an TP Hà Nội');
  await expect(app.adjustmentReason('Hà Nội', 'Điểm thưởng', 1)).toHaveValue('Chuyên án xuất sắc');
});
