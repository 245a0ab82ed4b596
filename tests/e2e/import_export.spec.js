// Import (with errors by JSON path, version refusal, preview), JSON export checked against the
// `thidua` CLI, reset and restore with automatic backups, and the CSV export.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AppPage, VI, T, UNIT_NAMES, BACKUP_PREFIX } from './pages/app_page.js';
import { buildDoc, defaultDoc, evalJson, filePayload, mainUnits, parseCsv, target, writeDoc } from './fixtures/docs.js';

const { current: CUR, baseline: BASE } = VI;

/** Types the figures used by several tests: 5 cells for Hà Nội and TP HCM. */
async function enterFigures(app) {
  await app.type('Hà Nội', VI.casesOccurred, CUR, '1840');
  await app.type('Hà Nội', VI.casesSolved, CUR, '1670');
  await app.type('Hà Nội', VI.crimes, CUR, '1840');
  await app.type('Hà Nội', VI.crimes, BASE, '1916');
  await app.type('TP HCM', VI.casesOccurred, CUR, '2000');
  await app.page.keyboard.press('Tab');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90,76%');
  await expect.poll(() => app.storedFigure('tp-hcm', 'cases_occurred', 'current')).toBe(2000);
}

/** Checks the figures of enterFigures are there, on screen and in storage. */
async function expectFigures(app) {
  await expect(app.cell('Hà Nội', VI.casesOccurred, CUR)).toHaveValue('1.840');
  await expect(app.cell('Hà Nội', VI.casesSolved, CUR)).toHaveValue('1.670');
  await expect(app.cell('Hà Nội', VI.crimes, BASE)).toHaveValue('1.916');
  await expect(app.cell('TP HCM', VI.casesOccurred, CUR)).toHaveValue('2.000');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90,76%');
  await expect(app.resultCell('Hà Nội', T.t4)).toContainText('3,97%');
  await expect.poll(() => app.storedFigure('ha-noi', 'cases_solved', 'current')).toBe(1670);
}

async function expectEmpty(app) {
  for (const [u, ind, p] of [['Hà Nội', VI.casesOccurred, CUR], ['Hà Nội', VI.crimes, BASE], ['TP HCM', VI.casesOccurred, CUR]]) {
    await expect(app.cell(u, ind, p)).toHaveValue('');
  }
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('Chưa có số liệu');
}

test.beforeEach(async ({ page }) => {
  await new AppPage(page).goto();
});

test.describe('a file that cannot be imported leaves the data unchanged', () => {
  const cases = [
    {
      what: 'a JSON syntax error',
      file: () => '{"format": "thidua.pact", ',
      errors: ['dòng 1, cột 26: không phải JSON hợp lệ'],
    },
    {
      what: 'a wrong type',
      file: () => buildDoc({ edit: (d) => { target(d, 't6a').rule.threshold_pct = 'bảy mươi lăm'; } }),
      errors: ['pact.contents[5].targets[0].rule.threshold_pct: giá trị không hợp lệ: chuỗi "bảy mươi lăm", cần một số'],
    },
    {
      what: 'values out of range',
      file: () => buildDoc({
        edit: (d) => {
          target(d, 't6a').rule.threshold_pct = 150;
          target(d, 't5b').rule.threshold_pct = -1;
        },
      }),
      errors: [
        'pact.contents[4].targets[1].rule.threshold_pct: giá trị ngoài phạm vi cho phép (0 – 100)',
        'pact.contents[5].targets[0].rule.threshold_pct: giá trị ngoài phạm vi cho phép (0 – 100)',
      ],
    },
    {
      what: 'a newer version',
      file: () => buildDoc({ edit: (d) => { d.schema_version = 99; } }),
      errors: ['tệp do phiên bản mới hơn tạo ra (phiên bản định dạng 99'],
    },
  ];
  for (const c of cases) {
    test(c.what, async ({ page }) => {
      const app = new AppPage(page);
      await app.type('Đà Nẵng', VI.fires, CUR, '4');
      await expect.poll(() => app.storedFigure('da-nang', 'fires', 'current')).toBe(4);
      const before = await app.storedEnvelope();

      await app.chooseFile(filePayload('hong.json', c.file()));
      const dialog = app.dialog();
      await expect(app.dialogHeading()).toHaveText('Không nhập được tệp “hong.json”');
      await expect(dialog).toContainText('Dữ liệu hiện tại không thay đổi');
      const items = app.dialogItems();
      await expect(items).toHaveCount(c.errors.length);
      for (const [i, e] of c.errors.entries()) await expect(items.nth(i)).toContainText(e);
      if (c.what === 'a newer version') await expect(dialog).toContainText('phiên bản mới hơn');
      // Nothing is replaced until the dialog is closed, nor after.
      await app.dialogButton('Đóng').click();
      await expect(dialog).toBeHidden();
      await expect(app.cell('Đà Nẵng', VI.fires, CUR)).toHaveValue('4');
      expect(await app.storedEnvelope()).toEqual(before);
      expect(await app.storedWithPrefix(BACKUP_PREFIX)).toEqual({});
      await expect(app.undoButton()).toBeEnabled(); // the typing, nothing more
      await app.undoButton().click();
      await expect(app.cell('Đà Nẵng', VI.fires, CUR)).toHaveValue('');
      await expect(app.undoButton()).toBeDisabled();
    });
  }

  test('Escape closes the error dialog', async ({ page }) => {
    const app = new AppPage(page);
    await app.chooseFile(filePayload('x.json', 'nope'));
    await expect(app.dialog()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(app.dialog()).toBeHidden();
  });
});

test('the exported JSON evaluates to the same results with the thidua CLI, and matches the screen', async ({ page }, info) => {
  const app = new AppPage(page);
  await enterFigures(app);
  const dl = await app.exportJson();
  expect(dl.suggestedFilename()).toMatch(/^cum1-2023-\d{4}-\d{2}-\d{2}\.json$/);
  const file = info.outputPath('export.json');
  await dl.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported.format).toBe('thidua.pact');
  expect(mainUnits(exported).find((d) => d.unit === 'ha-noi').figures.cases_solved).toEqual({ current: 1670 });

  // The CLI's results of every review equal the exported ones; the screen shows the main review.
  expect(evalJson(file)).toEqual(exported.results);
  const cli = exported.results[0];
  expect(cli.review).toBe('nam-2023');

  // What the screen shows is what the file and the CLI say.
  const vi = (s) => s.replace('.', ',');
  for (const [short, id] of [['Hà Nội', 'ha-noi'], ['TP HCM', 'tp-hcm'], ['Cần Thơ', 'can-tho']]) {
    const u = cli.units.find((x) => x.unit === id);
    await expect(app.resultTotal(short)).toHaveText(vi(Number(u.total).toFixed(2)));
    const rankCell = app.rankCell(UNIT_NAMES.vi[short]);
    await expect(rankCell).toHaveText(new RegExp(`^${u.rank}\\*?$`));
  }
  const t6a = cli.units.find((x) => x.unit === 'ha-noi').targets.find((t) => t.target === 't6a');
  const [n, d] = t6a.value.split('/').map(Number);
  expect(t6a.status).toBe('met');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText(`${vi(((100 * n) / d).toFixed(2))}%`);
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText(`Điểm ${vi(Number(t6a.points).toFixed(2))}/${t6a.max_points}`);
  const t4 = cli.units.find((x) => x.unit === 'ha-noi').targets.find((t) => t.target === 't4');
  expect(t4.status).toBe('not_met');
  await expect(app.resultCell('Hà Nội', T.t4)).toContainText('Không đạt');
});

test('export, reset, import the export: the preview counts the changed cells and the data is back', async ({ page }, info) => {
  const app = new AppPage(page);
  await enterFigures(app);
  const dl = await app.exportJson();
  const text = await AppPage.text(dl);

  await app.control('reset').click();
  await expect(app.dialogHeading()).toHaveText('Khôi phục giao ước mặc định?');
  await app.dialogButton('Khôi phục mặc định').click();
  await expect(app.dialog()).toBeHidden();
  await expectEmpty(app);
  await expect.poll(() => app.storedFigure('ha-noi', 'cases_solved', 'current')).toBeUndefined();
  await expect(app.backupItems()).toHaveCount(1);
  await expect(app.backupItems().first()).toContainText('trước khi khôi phục mặc định');
  await expect(app.backupItems().first()).toContainText('5 ô số liệu');

  // Cancel first: nothing changes.
  await app.chooseFile(filePayload(dl.suggestedFilename(), text));
  await expect(app.dialogHeading()).toHaveText(`Nhập tệp “${dl.suggestedFilename()}”?`);
  await expect(app.dialog()).toContainText('5 ô số liệu thay đổi');
  await app.dialogButton('Hủy').click();
  await expect(app.dialog()).toBeHidden();
  await expectEmpty(app);

  await app.chooseFile(filePayload(dl.suggestedFilename(), text));
  await expect(app.dialog()).toContainText('5 ô số liệu thay đổi');
  await expect(app.dialog()).not.toContainText('Giao ước (chỉ tiêu, ngưỡng, thang điểm…) khác với hiện tại');
  await app.confirmImport();
  await expectFigures(app);
  await expect(app.backupItems()).toHaveCount(2);
  await expect(app.backupItems().first()).toContainText('trước khi nhập tệp');
  await expect(app.backupItems().first()).toContainText('0 ô số liệu');
  // The import survives a reload.
  await app.reload();
  await expectFigures(app);
});

test('the import preview says when the pact itself differs', async ({ page }) => {
  const app = new AppPage(page);
  const doc = buildDoc({
    figures: { 'hai-phong': { fires: [3, 4] } },
    edit: (d) => { target(d, 't6a').rule.threshold_pct = 70; },
  });
  await app.chooseFile(filePayload('cum1-70.json', doc));
  await expect(app.dialog()).toContainText('Giao ước (chỉ tiêu, ngưỡng, thang điểm…) khác với hiện tại');
  await expect(app.dialog()).toContainText('2 ô số liệu thay đổi');
  await app.confirmImport();
  await expect(app.resultsColumnHeader(1 + T.t6a)).toContainText('> 70%');
  await expect(app.cell('Hải Phòng', VI.fires, BASE)).toHaveValue('4');
});

test('restore from a backup brings back the earlier data', async ({ page }) => {
  const app = new AppPage(page);
  await expect(app.backupsList()).toHaveCount(0);
  await expect(app.text('Chưa có bản sao lưu.', { exact: false })).toBeVisible();
  await enterFigures(app);
  await app.reset();
  await expectEmpty(app);
  await expect(app.backupItems()).toHaveCount(1);

  // Something new after the reset, which the restore will back up in turn.
  await app.type('Cần Thơ', VI.fires, CUR, '6');
  await app.restoreBackup(0);
  await expectFigures(app);
  await expect(app.cell('Cần Thơ', VI.fires, CUR)).toHaveValue('');
  await expect(app.backupItems()).toHaveCount(2);
  await expect(app.backupItems().first()).toContainText('trước khi khôi phục bản sao lưu');
  await expect(app.backupItems().first()).toContainText('1 ô số liệu');

  // That one restores the state just before, and a reload keeps it.
  await app.restoreBackup(0);
  await expect(app.cell('Cần Thơ', VI.fires, CUR)).toHaveValue('6');
  await expectEmpty(app);
  await app.reload();
  await expect(app.cell('Cần Thơ', VI.fires, CUR)).toHaveValue('6');
  await expect(app.backupItems()).toHaveCount(3);
});

test('the CSV export has a BOM, the expected header and one row per unit, columns split as Excel in that language expects', async ({ page }) => {
  const app = new AppPage(page);
  await enterFigures(app);
  // The button says how the file is written.
  await expect(page.getByRole('button', { name: 'Xuất CSV bảng kết quả' }))
    .toHaveAccessibleDescription(/dấu chấm phẩy \(;\)/);
  const dl = await app.exportCsv();
  expect(dl.suggestedFilename()).toMatch(/^cum1-2023-ket-qua-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await AppPage.text(dl);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  // Vietnamese: ";" between columns (Excel's list separator where the decimal mark is a comma),
  // so a decimal comma needs no quotes.
  expect(text.split('\n')[0]).toMatch(/^\ufeffHạng;Đơn vị;1 /);
  expect(text).toMatch(/;90,76%;/);
  const rows = parseCsv(text.slice(1), ';').filter((r) => r.length > 1);
  const [header, ...data] = rows;
  const targets = defaultDoc().pact.contents.flatMap((c) => c.targets);
  expect(header.length).toBe(2 + targets.length * 5 + 6);
  expect(header.slice(0, 2)).toEqual(['Hạng', 'Đơn vị']);
  expect(header.slice(-6)).toEqual(['Điểm thưởng', 'Điểm trừ', 'Tổng điểm', 'Xếp loại', 'Cờ thi đua', 'Tình trạng']);
  expect(header[2]).toMatch(/^1 .*: kết quả$/);
  expect(data).toHaveLength(5);
  expect(data.map((r) => r[1]).sort()).toEqual(Object.values(UNIT_NAMES.vi).sort());
  for (const r of data) expect(r).toHaveLength(header.length);

  const hn = data.find((r) => r[1] === 'Công an TP Hà Nội');
  const col = (label) => header.findIndex((h) => h.startsWith('6.1 ') && h.endsWith(`: ${label}`));
  expect(hn[col('kết quả')]).toBe('Đạt');
  expect(hn[col('giá trị')]).toBe('90,76%');
  expect(hn[col('so với ngưỡng')]).toBe('vượt 15,76 điểm %');
  expect(hn[col('điểm')]).toBe('12,00');
  expect(hn[header.indexOf('Tổng điểm')]).toBe('12,00');
  expect(hn[0]).toBe('1');
  expect(hn[header.indexOf('Tình trạng')]).toBe('Tạm tính');
  // Ranking order: rank 1 first.
  expect(data[0][1]).toBe('Công an TP Hà Nội');

  // In English, the same file speaks English.
  await app.setLanguage('en');
  await expect(page.getByRole('button', { name: 'Export the results as CSV' }))
    .toHaveAccessibleDescription(/commas \(,\)/);
  const enDl = await app.exportCsv();
  // Named in English too: the two files do not take each other's name.
  expect(enDl.suggestedFilename()).toMatch(/^cum1-2023-results-\d{4}-\d{2}-\d{2}\.csv$/);
  const enText = await AppPage.text(enDl);
  expect(enText.split('\n')[0]).toMatch(/^\ufeffRank,Unit,/);
  const en = parseCsv(enText.slice(1));
  expect(en[0].slice(0, 2)).toEqual(['Rank', 'Unit']);
  expect(en[0].at(-4)).toBe('Total');
  expect(en.find((r) => r[1] === 'Hà Nội City Police')[en[0].indexOf('Total')]).toBe('12.00');
});

test('a document built outside the app (CLI default + figures) imports and evaluates like the CLI', async ({ page }, info) => {
  const app = new AppPage(page);
  const doc = buildDoc({
    figures: {
      'ha-noi': { cases_occurred: [2000, null], cases_solved: [1501, null] },
      'da-nang': { cases_occurred: [2000, null], cases_solved: [1500, null] },
    },
  });
  const file = writeDoc(info.outputPath('built.json'), doc);
  const cli = evalJson(file)[0];
  await app.chooseFile(file);
  await expect(app.dialog()).toContainText('4 ô số liệu thay đổi');
  await app.confirmImport();
  const status = (id) => cli.units.find((u) => u.unit === id).targets.find((t) => t.target === 't6a').status;
  expect(status('ha-noi')).toBe('met');
  expect(status('da-nang')).toBe('not_met');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('Điểm 12,00/12');
  await expect(app.resultCell('Đà Nẵng', T.t6a)).toContainText('cần thêm 1 vụ');
  await expect(app.resultCell('Đà Nẵng', T.t6a)).toContainText('Điểm 0,00/12');
});
