// The page runs under its Content Security Policy (own origin only, plus 'wasm-unsafe-eval'):
// through a whole session (load, edit, charts, export, import) no policy violation is reported and no request leaves the origin.
import { test, expect } from '@playwright/test';
import { AppPage, VI, T } from './pages/app_page.js';

test('a whole session raises no CSP violation and sends no request to another origin', async ({ page, baseURL }, info) => {
  const origin = new URL(baseURL).origin;
  const foreign = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const app = new AppPage(page);
  await app.goto();
  // The policy is the page's own.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');

  // Edit, see results, switch language and back, open a unit.
  await app.fill('Hà Nội', VI.casesOccurred, VI.current, '1840');
  await app.fill('Hà Nội', VI.casesSolved, VI.current, '1670');
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90,76%');
  await app.setLanguage('en');
  await app.setLanguage('vi');
  await app.openUnit('Công an TP Hà Nội');
  await app.backButton().click();
  // The charts, and one downloaded as SVG.
  await app.openCharts();
  await expect(app.chart('6.1 Tỷ lệ điều tra, khám phá án trên 75%')).toBeVisible();
  await app.downloadChart('6.1 Tỷ lệ điều tra, khám phá án trên 75%');
  await app.overviewButton().click();
  // Export, then import the export back.
  const dl = await app.exportJson();
  const file = info.outputPath('export.json');
  await dl.saveAs(file);
  await app.exportCsv();
  await app.chooseFile(file);
  await app.confirmImport();
  await app.waitSaved();
  await page.reload();
  await expect(app.resultCell('Hà Nội', T.t6a)).toContainText('90,76%');

  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(foreign).toEqual([]);
});
