// Text from an imported file is text: markup in unit names, remarks and adjustment reasons is
// shown verbatim and never run.
import { test, expect } from '@playwright/test';
import { AppPage, T, VI } from './pages/app_page.js';
import { buildDoc, filePayload, mainUnits } from './fixtures/docs.js';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const TITLE = `Giao ước <img src=x onerror="window.__pwned=3"> 2023`;

function hostileDoc() {
  return buildDoc({
    figures: { 'ha-noi': { cases_occurred: [100, null], cases_solved: [90, null] } },
    edit: (d) => {
      d.pact.title = { vi: TITLE, en: TITLE };
      const unit = (id) => d.pact.units.find((u) => u.id === id);
      unit('ha-noi').name = { vi: IMG, en: IMG };
      unit('ha-noi').short_name = { vi: SCRIPT, en: SCRIPT };
      unit('tp-hcm').name = { vi: SCRIPT, en: SCRIPT };
      unit('tp-hcm').short_name = { vi: IMG, en: IMG };
      const hn = mainUnits(d).find((x) => x.unit === 'ha-noi');
      hn.manual = { t1: { self: 8, self_remark: IMG, verified_remark: SCRIPT } };
      hn.adjustments = [
        { kind: 'bonus', reason: SCRIPT, points: 1 },
        { kind: 'deduction', reason: IMG, points: 0.5 },
      ];
    },
  });
}

test('markup in an imported file is shown as text and never runs', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const pwned = () => page.evaluate(() => window.__pwned);

  await app.chooseFile(filePayload('hostile.json', hostileDoc()));
  await expect(app.dialog()).toContainText(`Tệp chứa: ${TITLE}`);
  await app.confirmImport();
  await expect(app.heading()).toHaveText(TITLE);

  // Short names head the rows of the results and of the grid; full names are in the ranking.
  await expect(app.rowHeaders(SCRIPT)).toHaveCount(2);
  await expect(app.rowHeaders(IMG)).toHaveCount(2);
  await expect(app.text(IMG).first()).toBeVisible();
  await expect(app.text(SCRIPT).first()).toBeVisible();
  await expect(app.resultCell(SCRIPT, T.t6a)).toContainText('90,00%');
  await expect(app.openUnitButton(IMG)).toHaveText(IMG);
  await expect(app.openUnitButton(SCRIPT)).toHaveText(SCRIPT);
  // Grid cells are named after the unit, verbatim.
  await expect(app.cell(SCRIPT, VI.casesOccurred, VI.current)).toHaveValue('100');

  // The unit view: heading, remarks and reasons as typed.
  await app.openUnit(IMG);
  await expect(app.unitHeading(IMG)).toHaveText(IMG);
  const box = (name) => app.textbox(name);
  const t1 = 'Quán triệt, tuyên truyền, tổ chức thực hiện công tác thi đua, khen thưởng';
  await expect(box(`${SCRIPT} — ${t1} — Ghi chú tự chấm`)).toHaveValue(IMG);
  await expect(box(`${SCRIPT} — ${t1} — Ghi chú thẩm định`)).toHaveValue(SCRIPT);
  await expect(box(`${SCRIPT} — Điểm thưởng 1 — lý do`)).toHaveValue(SCRIPT);
  await expect(box(`${SCRIPT} — Điểm trừ 1 — lý do`)).toHaveValue(IMG);

  // Nothing ran, and no element came out of the text.
  await page.waitForTimeout(300); // long enough for a broken image's error event
  expect(await pwned()).toBeUndefined();
  await expect(app.images()).toHaveCount(0);

  // Nor after a reload from storage, in either language, or in the print view.
  await app.reload();
  await app.setLanguage('en');
  await app.openUnit(IMG);
  await expect(app.unitHeading(IMG)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(app.text(`For ${SCRIPT}`, { scope: app.signatures() })).toBeVisible();
  await page.waitForTimeout(300);
  expect(await pwned()).toBeUndefined();
  await expect(app.images()).toHaveCount(0);
});

test('markup typed into a remark or a reason stays text', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.openUnit('Công an TP Hà Nội');
  const remark = app.scoreFields('Hà Nội', 'Ghi chú tự chấm').first();
  await remark.fill(IMG);
  await app.addBonusButton('Hà Nội').click();
  const reason = app.adjustmentReason('Hà Nội', 'Điểm thưởng', 1);
  await reason.fill(SCRIPT);
  await app.backButton().click();
  await app.openUnit('Công an TP Hà Nội');
  await expect(remark).toHaveValue(IMG);
  await expect(reason).toHaveValue(SCRIPT);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(app.images()).toHaveCount(0);
});
