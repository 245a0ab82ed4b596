// The mid-year and the year-end review are periods of the same pact: each keeps its own figures,
// is compared with its own period of the previous year, and survives a reload.
import { test, expect } from '@playwright/test';
import { AppPage, VI, T } from './pages/app_page.js';

const CUR = VI.current;
const BASE = VI.baseline;

test('each review keeps its own figures and results', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await expect(app.reviewSelect()).toHaveValue('nam-2023');
  await expect(page.getByText('Tổng kết năm 2023: kỳ báo cáo 15/12/2022 – 14/12/2023, so với cùng kỳ 15/12/2021 – 14/12/2022')).toBeVisible();
  await app.fill('Hà Nội', VI.crimes, CUR, '1840');
  await app.fill('Hà Nội', VI.crimes, BASE, '1916');
  await expect(app.resultCell('Hà Nội', T.t4)).toContainText('3,97%');

  await app.reviewSelect().selectOption('6-thang-2023');
  await expect(page.getByText('Sơ kết 6 tháng đầu năm 2023: kỳ báo cáo 15/12/2022 – 14/06/2023, so với cùng kỳ 15/12/2021 – 14/06/2022')).toBeVisible();
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('');
  await expect(app.resultCell('Hà Nội', T.t4)).toContainText('Chưa có số liệu');
  await app.fill('Hà Nội', VI.crimes, CUR, '900');
  await app.fill('Hà Nội', VI.crimes, BASE, '1000');
  await expect(app.resultCell('Hà Nội', T.t4)).toContainText('10,00%');
  await expect(app.resultCell('Hà Nội', T.t4)).toContainText('Đạt');
  await app.waitSaved();
  expect(await app.storedFigure('ha-noi', 'crimes_social_order', 'current', '6-thang-2023')).toBe(900);
  expect(await app.storedFigure('ha-noi', 'crimes_social_order', 'current', 'nam-2023')).toBe(1840);

  await page.reload();
  await expect(app.heading()).toBeVisible();
  await expect(app.reviewSelect()).toHaveValue('nam-2023');
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('1.840');
  await app.reviewSelect().selectOption('6-thang-2023');
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('900');
});

test('data stored by the previous version (format 1) is migrated on load, nothing lost', async ({ page }) => {
  const { readFile } = await import('node:fs/promises');
  const v1 = JSON.parse(await readFile(new URL('../../core/tests/fixtures/v1-cum1-2023.json', import.meta.url), 'utf8'));
  expect(v1.schema_version).toBe(1);
  const envelope = JSON.stringify({ seq: 3, tab: 'old', saved_at: 0, doc: v1 });
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, ['thidua.v1.doc', envelope]);
  const app = new AppPage(page);
  await app.goto();
  await expect(app.alert()).toHaveCount(0);
  await expect(app.reviewSelect()).toHaveValue('ky-bao-cao');
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('1.840');
  await expect(app.cell('Hà Nội', VI.crimes, BASE)).toHaveValue('1.916');
  await expect(app.resultCell('Hà Nội', T.t4)).toContainText('vượt 20 vụ so với mức cho phép (tối đa 1.820)');
  // The migrated document is written back in the current format on the next save.
  await app.fill('Hà Nội', VI.fires, CUR, '2');
  await app.waitSaved();
  const stored = await app.storedEnvelope();
  expect(stored.doc.schema_version).toBe(2);
  expect(await app.storedFigure('ha-noi', 'crimes_social_order', 'current')).toBe(1840);
});

test('undoing an edit of another review shows that review and says so', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const fires = app.cell('Hà Nội', VI.fires, CUR);
  await app.type('Hà Nội', VI.fires, CUR, '123');
  await app.reviewSelect().selectOption('6-thang-2023');
  await expect(fires).toHaveValue('');
  await app.undoButton().click();
  await expect(app.reviewSelect()).toHaveValue('nam-2023');
  await expect(fires).toHaveValue('');
  const undone = 'Đã hoàn tác một thay đổi của kỳ “Tổng kết năm 2023”, nên kỳ này được hiển thị.';
  await expect(app.text(undone)).toBeVisible();
  await expect.poll(() => app.storedFigure('ha-noi', 'fires', 'current', 'nam-2023')).toBeUndefined();

  // Redo the same way; the message follows the language, and goes at the next edit.
  await app.reviewSelect().selectOption('6-thang-2023');
  await expect(app.text(undone)).toHaveCount(0);
  await app.redoButton().click();
  await expect(app.reviewSelect()).toHaveValue('nam-2023');
  await expect(fires).toHaveValue('123');
  await expect(app.text('Đã làm lại một thay đổi của kỳ “Tổng kết năm 2023”, nên kỳ này được hiển thị.')).toBeVisible();
  await app.setLanguage('en');
  await expect(app.text('Redid a change of “Year-end review 2023”, so that review is shown now.')).toBeVisible();
  await app.type('Hà Nội', 'Fires', 'this period', '4');
  await expect(app.text(/^Redid a change/, { exact: false })).toHaveCount(0);
  // An undo in the review shown switches nothing and says nothing.
  await app.undoButton().click();
  await expect(app.cell('Hà Nội', 'Fires', 'this period')).toHaveValue('123');
  await expect(app.reviewSelect()).toHaveValue('nam-2023');
  await expect(app.text(/^Undid a change/, { exact: false })).toHaveCount(0);
});
