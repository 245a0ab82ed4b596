// The built page loads the default pact and shows every target evaluated by the rule crate in wasm.
import { test, expect } from '@playwright/test';
import { AppPage, UNITS } from './pages/app_page.js';

test('the default pact loads with its title, five units and every target evaluated', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await expect(app.heading()).toHaveText('Giao ước thi đua năm 2023 — Cụm thi đua số 1, Bộ Công an');
  await expect(page.getByText('Kỳ báo cáo 15/12/2022 – 14/12/2023')).toBeVisible();
  const rows = app.resultsTable().getByRole('rowheader');
  await expect(rows).toHaveText(UNITS);
  // 10 targets per unit, none with figures yet: each says "no data", never a zero result.
  const headers = app.resultsTable().getByRole('columnheader');
  await expect(headers).toHaveCount(1 + 10 + 1);
  for (const unit of UNITS) {
    for (let n = 0; n < 10; n++) {
      await expect(app.resultCell(unit, n)).toContainText('Chưa có số liệu');
    }
  }
  await expect(app.rankingTable().getByRole('row')).toHaveCount(1 + 5);
});

test('typed figures are evaluated at once: Hà Nội H1 2023', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.fill('Hà Nội', 'Số vụ phạm tội về trật tự xã hội', 'kỳ này', '1.840');
  await app.fill('Hà Nội', 'Số vụ phạm tội về trật tự xã hội', 'cùng kỳ', '1.916');
  // Content 4: at least 5% fewer: 3.97% is not enough; at most 1,820 allowed, 20 over.
  const t4 = app.resultCell("Hà Nội", 3);
  await expect(t4).toContainText('Không đạt');
  await expect(t4).toContainText('3,97%');
  await expect(t4).toContainText('vượt 20 vụ so với mức cho phép (tối đa 1.820)');
  await app.fill('Hà Nội', 'Số vụ án xảy ra', 'kỳ này', '1840');
  await app.fill('Hà Nội', 'Số vụ án điều tra, khám phá', 'kỳ này', '1670');
  const t6a = app.resultCell("Hà Nội", 6);
  await expect(t6a).toContainText('Đạt');
  await expect(t6a).toContainText('90,76%');
  await expect(t6a).toContainText('vượt 15,76 điểm %');
});

// Also on a CPU six times slower (an old office PC): there the ranking chart's drawing came a
// frame before its size, had no height in that frame, and then pushed everything below it down
// by 270 px (every load failed this at 6×; a few in ten at full speed on a busy machine).
for (const slowdown of [1, 6]) test(`nothing above the grid moves as the page arrives (the grid is rendered after the first frame), CPU ${slowdown}× slower`, async ({ page }) => {
  if (slowdown > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  // Tall enough for the whole page to be on screen, where the browser reports every shift.
  await page.setViewportSize({ width: 1280, height: 2600 });
  await page.addInitScript(() => {
    window.__shifted = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        for (const s of e.sources ?? []) {
          if (s.node) window.__shifted.push({ node: s.node, from: s.previousRect.y, to: s.currentRect.y, at: e.startTime });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
    const mo = new MutationObserver(() => {
      if (!document.getElementById('results-caption')) return;
      mo.disconnect();
      window.__gridInFirstRender = document.querySelector('table.grid') !== null;
    });
    mo.observe(document, { childList: true, subtree: true });
  });
  const app = new AppPage(page);
  await app.goto();
  await expect(app.cell('Hà Nội', 'Số vụ án xảy ra', 'kỳ này')).toBeEditable();
  await expect(page.getByRole('figure').first()).toBeVisible();
  // Two frames more, for the last shifts to be reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const moved = await page.evaluate(() => {
    const figures = document.getElementById('h-figures');
    // A shifted element before the figures' heading is on the first screen (the ranking and the
    // results, then the ranking chart, which arrives after them): none may move.
    return window.__shifted
      .filter(({ node }) => node.isConnected && !node.contains(figures)
        && (node.compareDocumentPosition(figures) & Node.DOCUMENT_POSITION_FOLLOWING))
      .map(({ node, from, to, at }) => `${node.nodeName}.${node.className ?? ''} ${node.textContent.slice(0, 30)} ${from} -> ${to} at ${at}`);
  });
  expect(moved).toEqual([]);
  // The grid did come after the first render, which is what could move things.
  expect(await page.evaluate(() => window.__gridInFirstRender)).toBe(false);
});

test('a page that gets no frames (not shown) still renders the grid, by its timer', async ({ page }) => {
  // A page opened in a background tab gets no animation frames until it is shown; the grid,
  // rendered after the first painted frame, must not wait for that. Here frames never come.
  await page.addInitScript(() => {
    window.__framesAsked = 0;
    window.requestAnimationFrame = () => ++window.__framesAsked;
  });
  const app = new AppPage(page);
  await app.goto();
  await expect(app.resultCell('Hà Nội', 6)).toContainText('Chưa có số liệu');
  // The app did ask for a frame, so the grid below comes from the fallback timer.
  expect(await page.evaluate(() => window.__framesAsked)).toBeGreaterThan(0);
  await app.fill('Hà Nội', 'Số vụ án xảy ra', 'kỳ này', '1840');
  await app.fill('Hà Nội', 'Số vụ án điều tra, khám phá', 'kỳ này', '1670');
  await expect(app.resultCell('Hà Nội', 6)).toContainText('90,76%');
});
