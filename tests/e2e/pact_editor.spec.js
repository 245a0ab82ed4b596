// Editing the pact itself, several pacts in one browser, the roll-over to next year, and the
// units' own files merged by the cluster head.
import { test, expect } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { AppPage, VI, T } from './pages/app_page.js';

const { current: CUR, baseline: BASE } = VI;

test('changing "> 75%" to "≥ 75%" turns the 1.500 of 2.000 unit to met; a wrong threshold is refused in place', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('TP HCM', VI.casesOccurred, CUR, '2000');
  await app.type('TP HCM', VI.casesSolved, CUR, '1500');
  await expect(app.resultCell('TP HCM', T.t6a)).toContainText('Không đạt');

  await app.openEditor();
  await app.editorSelect('Chỉ tiêu 6.1 — phép so sánh').selectOption({ label: 'từ … trở lên (≥)' });
  // A threshold above 100% for a rate is refused, with the reason beside the field; what was
  // typed stays there, and the pact keeps its last valid threshold.
  const threshold = app.editorField('Chỉ tiêu 6.1 — ngưỡng (%)');
  await threshold.fill('120');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(threshold).toHaveAccessibleDescription(/\S/);
  await expect(threshold).toHaveValue('120');
  await threshold.fill('abc');
  await expect(threshold).toHaveAccessibleDescription('không phải là số');
  await threshold.fill('75');
  await expect(threshold).not.toHaveAttribute('aria-invalid', 'true');

  await app.overviewButton().click();
  const cell = app.resultCell('TP HCM', T.t6a);
  await expect(cell).toContainText('Đạt');
  await expect(cell).not.toContainText('Không đạt');
  await expect(app.resultsColumnHeader(T.t6a + 1)).toContainText('≥ 75%');
  // The change is one undo step away, and it is saved.
  await app.undoButton().click();
  await expect(cell).toContainText('Không đạt');
  await app.redoButton().click();
  await app.waitSaved();
  await app.reload();
  await expect(app.resultCell('TP HCM', T.t6a)).not.toContainText('Không đạt');
});

/** Types `text` over what a field holds, one key at a time, as a person does (a field redrawn from
 * the number read so far turned "5,05" into 55: "5,0" was shown as "5"). */
async function typeOver(page, field, text) {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await field.pressSequentially(text);
}

test('a threshold of 5,05% and 12,05 maximum points typed key by key are taken as typed, in both languages', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  // Đà Nẵng reduces its crimes by 5,1%: met at "≥ 5%" and at "≥ 5,05%", not at 55%.
  await app.type('Đà Nẵng', VI.crimes, BASE, '1000');
  await app.type('Đà Nẵng', VI.crimes, CUR, '949');
  const t4 = app.resultCell('Đà Nẵng', T.t4);
  await expect(t4).toContainText('Điểm 15,00/15');

  await app.openEditor();
  const threshold = app.editorField('Chỉ tiêu 4 — ngưỡng (%)');
  const max = app.editorField('Chỉ tiêu 4 — điểm tối đa');
  await typeOver(page, threshold, '5,05');
  await expect(threshold).toHaveValue('5,05');
  await expect(threshold).not.toHaveAttribute('aria-invalid', 'true');
  await typeOver(page, max, '12,05');
  await expect(max).toHaveValue('12,05');
  await page.keyboard.press('Tab');
  await expect(threshold).toHaveValue('5,05');
  await expect(max).toHaveValue('12,05');

  await app.overviewButton().click();
  await expect(app.resultsColumnHeader(T.t4 + 1)).toContainText('≥ 5,05%');
  await expect(t4).toContainText('Đạt');
  await expect(t4).not.toContainText('Không đạt');
  await expect(t4).toContainText('Điểm 12,05/12,05');
  // 5,00% is below 5,05%.
  await app.type('Đà Nẵng', VI.crimes, CUR, '950');
  await expect(t4).toContainText('Không đạt');
  await expect(t4).toContainText('Điểm 0,00/12,05');

  // Text that is not a number stays as typed, with its reason; the pact keeps the last number.
  await app.openEditor();
  await typeOver(page, threshold, '5,0x');
  await expect(threshold).toHaveValue('5,0x');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(threshold).toHaveAccessibleDescription('không phải là số');
  await app.overviewButton().click();
  await expect(app.resultsColumnHeader(T.t4 + 1)).toContainText('≥ 5%');
  // Undo takes back the whole edit of the field (5,05 → 5,0x was one step): 5,05 again.
  await app.undoButton().click();
  await expect(app.resultsColumnHeader(T.t4 + 1)).toContainText('≥ 5,05%');
  await app.openEditor();
  await typeOver(page, threshold, '5,05');
  await expect(threshold).not.toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Tab');

  await app.setLanguage('en');
  const thresholdEn = app.editorField('Target 4 — threshold (%)');
  await expect(thresholdEn).toHaveValue('5.05');
  await typeOver(page, thresholdEn, '4.95');
  await expect(thresholdEn).toHaveValue('4.95');
  await page.keyboard.press('Tab');
  await app.overviewButton().click();
  await expect(app.resultsColumnHeader(T.t4 + 1)).toContainText('≥ 4.95%');
  await expect(app.resultCell('Đà Nẵng', T.t4)).toContainText('Points 12.05/12.05');
  // Undo shows the restored threshold in the field.
  await app.undoButton().click();
  await expect(app.resultsColumnHeader(T.t4 + 1)).toContainText('≥ 5.05%');
  await app.openEditor();
  await expect(thresholdEn).toHaveValue('5.05');
});

test('add a unit, indicators and a target: figures, results and charts follow', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openEditor();
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await app.editorField('Đơn vị 6 — tên đầy đủ (tiếng Việt)').fill('Công an tỉnh Quảng Ninh');
  await app.editorField('Đơn vị 6 — tên ngắn (tiếng Việt)').fill('Quảng Ninh');
  await app.editorField('Đơn vị 6 — tên ngắn (tiếng Anh)').fill('Quảng Ninh');

  const addIndicator = page.getByRole('button', { name: 'Thêm chỉ số' });
  await addIndicator.click();
  await addIndicator.click();
  const n = await page.getByRole('textbox', { name: /^Chỉ số \d+ — tên \(tiếng Việt\)$/ }).count();
  await app.editorField(`Chỉ số ${n - 1} — tên (tiếng Việt)`).fill('Vụ ma túy phát hiện');
  await app.editorField(`Chỉ số ${n} — tên (tiếng Việt)`).fill('Vụ ma túy đã xử lý');

  await page.getByRole('button', { name: 'Nội dung 6 — thêm chỉ tiêu' }).click();
  await app.editorField('Chỉ tiêu 6.3 — tên (tiếng Việt)').fill('Xử lý trên 80% vụ ma túy phát hiện');
  await app.editorSelect('Chỉ tiêu 6.3 — tử số (số đã làm được)').selectOption({ label: 'Vụ ma túy đã xử lý' });
  await app.editorSelect('Chỉ tiêu 6.3 — mẫu số').selectOption({ label: 'Vụ ma túy phát hiện' });
  await app.editorField('Chỉ tiêu 6.3 — ngưỡng (%)').fill('80');
  // The indicator table says which target reads them.
  const indicatorRow = page.getByRole('row').filter({ has: app.editorField(`Chỉ số ${n - 1} — tên (tiếng Việt)`) });
  await expect(indicatorRow).toContainText('6.3');
  // The sum of maximum points no longer matches the stated 100.
  await expect(page.getByText(/Tổng điểm tối đa của các chỉ tiêu là 105, khác tổng điểm theo giao ước \(100\)/)).toBeVisible();
  // An indicator a target reads cannot be removed.
  await page.getByRole('button', { name: 'Vụ ma túy phát hiện — xóa' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'đang được chỉ tiêu 6.3 sử dụng' })).toBeVisible();

  await app.overviewButton().click();
  await app.type('Quảng Ninh', 'Vụ ma túy phát hiện', CUR, '100');
  await app.type('Quảng Ninh', 'Vụ ma túy đã xử lý', CUR, '85');
  const headers = app.resultsTable().getByRole('columnheader');
  await expect(headers.filter({ hasText: 'Xử lý trên 80% vụ ma túy phát hiện' })).toHaveCount(1);
  const col = await headers.allTextContents();
  const i = col.findIndex((h) => h.includes('Xử lý trên 80%'));
  await expect(app.resultRow('Quảng Ninh').getByRole('cell').nth(i - 1)).toContainText('Đạt');
  await expect(app.resultRow('Quảng Ninh').getByRole('cell').nth(i - 1)).toContainText('85,00%');

  await app.openCharts();
  const title = '6.3 Xử lý trên 80% vụ ma túy phát hiện';
  const texts = await app.chartTexts(title);
  expect(texts).toContain('Quảng Ninh');
  expect(texts).toContain('✓ Đạt · 85,00%');
  expect(texts).toContain('> 80%');
  await expect(app.chartBars(title)).toHaveCount(1);
});

test('roll over to 2024: the baselines are the 2023 figures, and each pact keeps its own data', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('Hà Nội', VI.crimes, CUR, '1840');
  await app.type('Hà Nội', VI.crimes, BASE, '1916');
  await app.type('TP HCM', VI.fires, CUR, '12');
  await app.openEditor();
  await page.getByRole('button', { name: 'Tạo giao ước năm sau từ giao ước này' }).click();
  await expect(app.editorStatus()).toContainText('Giao ước thi đua năm 2024');
  await expect(app.pactSelect()).toBeVisible();
  await expect(app.pactSelect().locator('option:checked')).toHaveText(/2024/);

  await app.overviewButton().click();
  await expect(app.heading()).toContainText('2024');
  await expect(app.text('kỳ báo cáo 15/12/2023 – 14/12/2024', { exact: false })).toBeVisible();
  await expect(app.cell('Hà Nội', VI.crimes, BASE)).toHaveValue('1.840');
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('');
  await expect(app.cell('TP HCM', VI.fires, BASE)).toHaveValue('12');

  // Each pact keeps its own figures.
  await app.type('Hà Nội', VI.crimes, CUR, '1700');
  await app.pactSelect().selectOption({ label: 'Giao ước thi đua năm 2023 — Cụm thi đua số 1, Bộ Công an' });
  await expect(app.heading()).toContainText('2023');
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('1.840');
  await expect(app.cell('Hà Nội', VI.crimes, BASE)).toHaveValue('1.916');
  await app.waitSaved();
  await app.reload();
  await expect(app.heading()).toContainText('2023');
  await app.pactSelect().selectOption({ label: 'Giao ước thi đua năm 2024 — Cụm thi đua số 1, Bộ Công an' });
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('1.700');
  await expect(app.cell('Hà Nội', VI.crimes, BASE)).toHaveValue('1.840');
});

test('removing a unit asks first, takes a backup, and can be undone', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('TP HCM', VI.casesOccurred, CUR, '2000');
  await app.waitSaved();
  await app.openEditor();
  await page.getByRole('button', { name: 'Đơn vị 2 — xóa' }).click();
  await expect(app.dialog()).toContainText('Xóa đơn vị Công an TP Hồ Chí Minh?');
  await app.dialogButton('Hủy').click();
  await expect(app.dialog()).toBeHidden();
  await page.getByRole('button', { name: 'Đơn vị 2 — xóa' }).click();
  await app.dialogButton('Xóa').click();
  await expect(app.editorStatus()).toContainText('Đã xóa Công an TP Hồ Chí Minh.');
  await expect(app.editorField('Đơn vị 2 — tên đầy đủ (tiếng Việt)')).toHaveValue('Công an TP Đà Nẵng');

  await app.overviewButton().click();
  await expect(app.cell('TP HCM', VI.casesOccurred, CUR)).toHaveCount(0);
  await expect(app.backupItems().first()).toContainText('trước khi xóa');
  await app.undoButton().click();
  await expect(app.cell('TP HCM', VI.casesOccurred, CUR)).toHaveValue('2.000');
});

test('five unit files from five browsers merge into the pact; a conflicting cell is shown and chosen', async ({ page, browser }, info) => {
  const units = [
    ['Hà Nội', '1840', '1670'],
    ['TP HCM', '2000', '1501'],
    ['Đà Nẵng', '300', '260'],
    ['Hải Phòng', '500', '380'],
    ['Cần Thơ', '400', '350'],
  ];
  const names = {
    'Hà Nội': 'Công an TP Hà Nội', 'TP HCM': 'Công an TP Hồ Chí Minh', 'Đà Nẵng': 'Công an TP Đà Nẵng',
    'Hải Phòng': 'Công an TP Hải Phòng', 'Cần Thơ': 'Công an TP Cần Thơ',
  };
  const files = [];
  for (const [unit, occurred, solved] of units) {
    // Each unit works in its own browser, with its own storage.
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const a = new AppPage(p);
    await a.goto();
    await a.type(unit, VI.casesOccurred, CUR, occurred);
    await a.type(unit, VI.casesSolved, CUR, solved);
    await p.keyboard.press('Tab');
    await a.openUnit(names[unit]);
    const dl = await a.exportUnitFile();
    expect(dl.suggestedFilename()).toMatch(/^thidua-don-vi-[a-z-]+-cum1-2023\.json$/);
    const path = info.outputPath(dl.suggestedFilename());
    await dl.saveAs(path);
    files.push(path);
    await ctx.close();
  }
  // A file of another year is refused with its reason.
  const other = JSON.parse(await readFile(files[0], 'utf8'));
  other.pact = 'cum1-2024';
  const otherPath = info.outputPath('nam-sau.json');
  await writeFile(otherPath, JSON.stringify(other));

  const app = new AppPage(page);
  await app.goto();
  // The cluster already holds a different figure for TP HCM.
  await app.type('TP HCM', VI.casesSolved, CUR, '1400');
  await app.waitSaved();
  await app.unitFilesInput().setInputFiles([...files, otherPath]);
  const dialog = app.dialog();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Tệp được gộp' }).getByRole('listitem')).toHaveCount(5);
  await expect(dialog.getByRole('list', { name: 'Tệp bị từ chối' })).toContainText('nam-sau.json: tệp thuộc giao ước khác');
  const conflicts = dialog.getByRole('table', { name: 'Ô có giá trị khác nhau: chọn giá trị giữ lại' });
  await expect(conflicts.getByRole('row')).toHaveCount(2);
  const row = conflicts.getByRole('row').nth(1);
  await expect(row).toContainText('Công an TP Hồ Chí Minh');
  await expect(row).toContainText('Số vụ án điều tra, khám phá — kỳ này');
  await expect(row).toContainText('1.400');
  await expect(row).toContainText('1.501');
  await dialog.getByRole('radio', { name: /lấy 1\.501 từ tệp$/ }).check();
  await dialog.getByRole('button', { name: 'Gộp vào giao ước' }).click();
  await expect(dialog).toBeHidden();

  // Every unit's figures are in, each in its own row.
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90,76%');
  await expect(app.resultCell('TP HCM', T.t6a)).toContainText('75,05%');
  await expect(app.cell('Đà Nẵng', VI.casesSolved, CUR)).toHaveValue('260');
  await expect(app.cell('Hải Phòng', VI.casesOccurred, CUR)).toHaveValue('500');
  await expect(app.cell('Cần Thơ', VI.casesSolved, CUR)).toHaveValue('350');
  // Provenance: which file, and when.
  await app.openUnit('Công an TP Hồ Chí Minh');
  const sources = page.getByRole('table', { name: 'Nguồn số liệu đã gộp từ tệp của đơn vị' });
  await expect(sources.getByRole('row').filter({ hasText: 'Số vụ án điều tra, khám phá — kỳ này' })).toContainText('thidua-don-vi-tp-hcm-cum1-2023.json');
  await app.backButton().click();
  // One undo takes the whole merge back.
  await app.undoButton().click();
  await expect(app.cell('Đà Nẵng', VI.casesSolved, CUR)).toHaveValue('');
  await expect(app.cell('TP HCM', VI.casesSolved, CUR)).toHaveValue('1.400');
});

test('duplicate, export every pact, delete one (asked, with a backup), and add pacts back from the file', async ({ page }, info) => {
  const app = new AppPage(page);
  await app.goto();
  await app.type('Hà Nội', VI.crimes, CUR, '1840');
  await app.openEditor();
  await page.getByRole('button', { name: 'Nhân bản giao ước này' }).click();
  await expect(app.editorStatus()).toHaveText('Đã tạo bản sao và mở bản sao.');
  await expect(app.pactSelect().locator('option')).toHaveCount(2);
  await expect(app.editorField('Tên giao ước (tiếng Việt)')).toHaveValue(/\(bản sao\)$/);

  const dl = await app.download(() => page.getByRole('button', { name: 'Xuất tất cả giao ước (JSON)' }).click());
  expect(dl.suggestedFilename()).toBe('thidua-tat-ca-giao-uoc.json');
  const ws = JSON.parse(await AppPage.text(dl));
  expect(ws.format).toBe('thidua.workspace');
  expect(ws.pacts.map((p) => p.pact.id)).toEqual(['cum1-2023', 'cum1-2023-2']);
  expect(ws.active).toBe('cum1-2023-2');
  const file = info.outputPath('workspace.json');
  await writeFile(file, JSON.stringify(ws));

  await page.getByRole('button', { name: 'Xóa giao ước này…' }).click();
  await expect(app.dialog()).toContainText('(bản sao)');
  await app.dialogButton('Xóa').click();
  await expect(app.editorStatus()).toContainText('Đã xóa giao ước');
  await expect(app.pactSelect()).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Xóa giao ước này…' })).toBeDisabled();
  await expect(app.editorField('Tên giao ước (tiếng Việt)')).toHaveValue('Giao ước thi đua năm 2023 — Cụm thi đua số 1, Bộ Công an');
  await app.overviewButton().click();
  await expect(app.backupItems().first()).toContainText('trước khi xóa');
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('1.840');

  // Adding the exported pacts back renames the ids already in use; the figures travel with them.
  await app.openEditor();
  await page.getByLabel('Thêm giao ước từ tệp…').setInputFiles(file);
  await expect(app.editorStatus()).toHaveText('Đã thêm 2 giao ước từ tệp.');
  await expect(app.pactSelect().locator('option')).toHaveCount(3);
  await expect(page.getByText('· cum1-2023-2-2')).toBeVisible();
  await app.overviewButton().click();
  await expect(app.cell('Hà Nội', VI.crimes, CUR)).toHaveValue('1.840');

  // A workspace file with an invalid pact adds nothing and says where the problem is.
  ws.pacts[1].pact.contents[5].targets[0].rule.threshold_pct = 120;
  await writeFile(file, JSON.stringify(ws));
  await app.openEditor();
  await page.getByLabel('Thêm giao ước từ tệp…').setInputFiles(file);
  await expect(app.editorStatus()).toContainText('pacts[1].pact.contents[5].targets[0].rule.threshold_pct');
  await expect(app.pactSelect().locator('option')).toHaveCount(3);
});

test('the cluster head is chosen with the arrow keys, the radio buttons staying one group', async ({ page }) => {
  // The field with the focus is given a form of its own (for the browser's autofill, see
  // figures.spec): never a radio button, which would leave its group.
  const app = new AppPage(page);
  await app.goto();
  await app.openEditor();
  const head = (n) => page.getByRole('radio', { name: `Đơn vị ${n} — cụm trưởng`, exact: true });
  await head(1).check();
  await head(1).focus();
  expect(await head(1).evaluate((el) => el.form)).toBeNull();
  await page.keyboard.press('ArrowDown');
  await expect(head(2)).toBeFocused();
  await expect(head(2)).toBeChecked();
  await expect(head(1)).not.toBeChecked();
});
