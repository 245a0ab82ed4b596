// Page object for the thidua app: every selector lives here, by role and accessible name, so a
// change of markup touches one file.
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export const UNITS = ['Hà Nội', 'TP HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'];
export const UNITS_EN = ['Hà Nội', 'HCMC', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'];

/** Full unit names, as in the ranking and the unit view. */
export const UNIT_NAMES = {
  vi: {
    'Hà Nội': 'Công an TP Hà Nội', 'TP HCM': 'Công an TP Hồ Chí Minh', 'Đà Nẵng': 'Công an TP Đà Nẵng',
    'Hải Phòng': 'Công an TP Hải Phòng', 'Cần Thơ': 'Công an TP Cần Thơ',
  },
  en: {
    'Hà Nội': 'Hà Nội City Police', 'HCMC': 'Hồ Chí Minh City Police', 'Đà Nẵng': 'Đà Nẵng City Police',
    'Hải Phòng': 'Hải Phòng City Police', 'Cần Thơ': 'Cần Thơ City Police',
  },
};

/** Result columns of the results table, by target id (0-based). */
export const T = { t1: 0, t2: 1, t3: 2, t4: 3, t5a: 4, t5b: 5, t6a: 6, t6b: 7, t7a: 8, t7b: 9 };

export const DOC_KEY = 'thidua.v1.doc';
export const LANG_KEY = 'thidua.v1.lang';
export const QUARANTINE_PREFIX = 'thidua.v1.quarantine.';
export const BACKUP_PREFIX = 'thidua.v1.backup.';

/** Both languages' words for the controls, so one method serves either. */
const W = {
  undo: ['Hoàn tác', 'Undo'],
  redo: ['Làm lại', 'Redo'],
  importFile: ['Nhập tệp JSON…', 'Import a JSON file…'],
  exportJson: ['Xuất JSON (toàn bộ, kèm kết quả)', 'Export JSON (everything, with results)'],
  exportCsv: ['Xuất CSV bảng kết quả', 'Export the results as CSV'],
  print: ['In kết quả', 'Print the results'],
  reset: ['Khôi phục giao ước mặc định…', 'Reset to the built-in pact…'],
  confirmReset: ['Khôi phục mặc định', 'Reset'],
  confirmImport: ['Thay thế bằng dữ liệu trong tệp', "Replace with the file's data"],
  confirmRestore: ['Khôi phục', 'Restore'],
  cancel: ['Hủy', 'Cancel'],
  close: ['Đóng', 'Close'],
  back: ['← Về bảng chung', '← Back to the overview'],
  downloadOriginal: ['Tải dữ liệu gốc', 'Download the original data'],
  keepMine: ['Giữ bản của thẻ này', "Keep this tab's version"],
  takeTheirs: ['Dùng bản của thẻ kia', "Use the other tab's version"],
  backups: ['Danh sách bản sao lưu', 'Backups'],
};
const either = (pair) => new RegExp(`^(${pair.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

export class AppPage {
  constructor(page) {
    this.page = page;
  }

  async goto(path = '') {
    await this.page.goto(path);
    await expect(this.heading()).toBeVisible();
  }

  async reload() {
    await this.page.reload();
    await expect(this.heading()).toBeVisible();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  resultsTable() {
    return this.page.getByRole('table', { name: /Kết quả theo chỉ tiêu|Results by target/ });
  }

  rankingTable() {
    return this.page.getByRole('table', { name: /xếp hạng|ranking/i });
  }

  /** The figures grid (a table). */
  gridTable() {
    return this.page.getByRole('table', { name: /Số liệu các đơn vị|Units' figures/ });
  }

  // A long table is a scrolling region named like the table, holding only the rows in view.
  gridRegion() {
    return this.page.getByRole('region', { name: /Số liệu các đơn vị|Units' figures/ });
  }

  resultsRegion() {
    return this.page.getByRole('region', { name: /Kết quả theo chỉ tiêu|Results by target/ });
  }

  rankingRegion() {
    return this.page.getByRole('region', { name: /xếp hạng|ranking/i });
  }

  /** Scrolls a table's region with the mouse wheel, as a person would, until the row of `unit`
   * (by its row header) is rendered, then brings it into view. Rows are taken to be in the order
   * of the numbers in their names (units without one first), as in the grid and the results. */
  async scrollRegionTo(region, unit, { max = 300 } = {}) {
    await region.scrollIntoViewIfNeeded();
    const box = await region.boundingBox();
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const header = region.getByRole('rowheader', { name: unit, exact: true });
    const at = (name) => Number(name.replace(/\D+/g, '') || 0);
    for (let i = 0; i < max && (await header.count()) === 0; i++) {
      const names = await region.getByRole('rowheader').allTextContents();
      const down = names.length === 0 || at(unit) > at(names.at(-1));
      await this.page.mouse.wheel(0, down ? 1500 : -1500);
      await this.page.waitForTimeout(20);
    }
    await header.scrollIntoViewIfNeeded();
    await expect(header).toBeInViewport();
  }

  /** The "find unit" box and the count of units shown beside it. */
  unitSearch() {
    return this.page.getByRole('searchbox', { name: /^(Tìm đơn vị|Find unit)$/ });
  }

  unitSearchCount() {
    return this.page.getByText(/^(Hiển thị \S+\/\S+ đơn vị|Showing \S+ of \S+ units)$/);
  }

  /** The results row of a unit (by its short name). */
  resultRow(unit) {
    return this.resultsTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: unit, exact: true }) });
  }

  /** The result cell of a unit for the n-th target (0-based; see T). */
  resultCell(unit, n) {
    return this.resultRow(unit).getByRole('cell').nth(n);
  }

  /** The total cell of a unit in the results table. */
  resultTotal(unit) {
    return this.resultRow(unit).getByRole('cell').last();
  }

  rankingRow(unit) {
    return this.rankingTable().getByRole('row').filter({ hasText: unit });
  }

  /** A figure cell by its accessible name parts. */
  cell(unit, indicator, period) {
    return this.page.getByRole('textbox', { name: `${unit} — ${indicator} — ${period}`, exact: true });
  }

  /** Every figure cell of the grid. */
  gridCells() {
    return this.page.getByRole('table', { name: /Số liệu các đơn vị|Units' figures/ }).getByRole('textbox');
  }

  async fill(unit, indicator, period, value) {
    const c = this.cell(unit, indicator, period);
    await c.click();
    await c.fill(value);
  }

  /** Types into a cell as a person does: click, select all (Ctrl+A) and type over it. */
  async type(unit, indicator, period, value) {
    const c = this.cell(unit, indicator, period);
    await c.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(value);
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A control by its Vietnamese or English name (see W). */
  control(key) {
    return this.page.getByRole('button', { name: either(W[key]) });
  }

  undoButton() { return this.control('undo'); }
  redoButton() { return this.control('redo'); }

  languageButton(lang) {
    return this.button(lang === 'en' ? 'English' : 'Tiếng Việt');
  }

  async setLanguage(lang) {
    await this.languageButton(lang).click();
    await expect(this.documentElement()).toHaveAttribute('lang', lang);
  }

  saveState() {
    return this.page.getByRole('status');
  }

  async waitSaved() {
    await expect(this.saveState()).toHaveText(/Đã lưu|Saved/);
  }

  /** Banners (role=alert) at the top of the page. */
  alert() {
    return this.page.getByRole('alert');
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** The <html> element (its lang attribute follows the interface language). */
  documentElement() {
    return this.page.locator('html');
  }

  skipLink() {
    return this.page.getByRole('link', { name: /^(Đến bảng nhập số liệu|Skip to the figures grid)$/ });
  }

  /** Visible text (for content checks; `scope` narrows it to a region). */
  text(text, { exact = true, scope } = {}) {
    return (scope ?? this.page).getByText(text, { exact });
  }

  /** Any text field by its accessible name (a string matches exactly). */
  textbox(name) {
    return this.page.getByRole('textbox', { name, exact: typeof name === 'string' });
  }

  /** Row headers (results table and grid) with this exact name. */
  rowHeaders(name) {
    return this.page.getByRole('rowheader', { name, exact: true });
  }

  /** `<img>` elements on the page (the app has none; markup from data must not create any). The
   * charts are images by role, drawn as SVG: see `chart()`. */
  images() {
    return this.page.locator('img');
  }

  // --- the pact editor and the workspace -------------------------------------------------------

  editorButton() {
    return this.page.getByRole('button', { name: /^(Sửa giao ước|Edit the pact)$/ });
  }

  async openEditor() {
    await this.editorButton().click();
    await expect(this.page.getByRole('heading', { level: 2, name: /^(Sửa giao ước|Edit the pact)$/ })).toBeVisible();
  }

  /** A field of the editor, by its label (e.g. "Chỉ tiêu 6.1 — ngưỡng (%)"). */
  editorField(label) {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  editorSelect(label) {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }

  /** The pact switcher of the toolbar (shown once there are several pacts). */
  pactSelect() {
    return this.page.getByRole('combobox', { name: /^(Giao ước|Pact)$/ });
  }

  /** The editor's status line (what was just done, with its undo). */
  editorStatus() {
    return this.page.locator('.pact-editor').getByRole('status').first();
  }

  /** The visually hidden input behind "Gộp tệp của các đơn vị…". */
  unitFilesInput() {
    return this.page.getByLabel(/^(Gộp tệp của các đơn vị…|Merge the units' files…)$/);
  }

  async exportUnitFile() {
    return this.download(() => this.page.getByRole('button', { name: /^(Xuất tệp của đơn vị|Export this unit's file)/ }).click());
  }

  // --- charts ----------------------------------------------------------------------------------

  chartsButton() {
    return this.page.getByRole('button', { name: /^(Biểu đồ|Charts)$/ });
  }

  overviewButton() {
    return this.page.getByRole('button', { name: /^(Bảng kết quả và số liệu|Results and figures)$/ });
  }

  async openCharts() {
    await this.chartsButton().click();
    await expect(this.page.getByRole('heading', { level: 2, name: /^(Biểu đồ|Charts)$/ })).toBeVisible();
  }

  /** A chart, by its title: the image (role img) named by it. */
  chart(title) {
    return this.page.getByRole('img', { name: title, exact: true });
  }

  /** Every chart on the page. */
  charts() {
    return this.page.getByRole('img');
  }

  /** The figure around a chart: title, image, description, download and table. */
  chartFigure(title) {
    return this.page.getByRole('figure', { name: title, exact: true });
  }

  /** The bars of a one-bar-per-row chart: plotters draws them 14 units tall (legend swatches are 12). */
  chartBars(title, { paint } = {}) {
    const sel = { met: '[fill="#0072B2"]', notMet: '[fill="none"][stroke="#D55E00"]' }[paint] ?? '';
    return this.chart(title).locator(`svg rect[height="14"]${sel}`);
  }

  /** The texts drawn in a chart, trimmed. */
  async chartTexts(title) {
    const all = await this.chart(title).locator('svg text').allTextContents();
    return all.map((t) => t.trim());
  }

  /** Opens a chart's table of figures and returns it. */
  async chartTable(title) {
    const fig = this.chartFigure(title);
    await fig.getByText(/^(Bảng số liệu của biểu đồ|The chart's figures as a table)$/).click();
    return fig.getByRole('table');
  }

  async downloadChart(title) {
    const button = this.chartFigure(title).getByRole('button', { name: /^(Tải SVG|Download SVG): / });
    return this.download(() => button.click());
  }

  /** The message shown next to an invalid cell. */
  cellNote(message) {
    return this.page.getByRole('note').filter({ hasText: message });
  }

  /** The n-th column header of the results table (0 = "unit", then one per target). */
  resultsColumnHeader(n) {
    return this.resultsTable().getByRole('columnheader').nth(n);
  }

  rankingRows() {
    return this.rankingTable().getByRole('row');
  }

  /** The rank cell of a unit's ranking row (by its full name). */
  rankCell(fullName) {
    return this.rankingRow(fullName).getByRole('cell').first();
  }

  dialogHeading() {
    return this.dialog().getByRole('heading');
  }

  dialogItems() {
    return this.dialog().getByRole('listitem');
  }

  dialogButton(name) {
    return this.dialog().getByRole('button', { name, exact: true });
  }

  alertItems() {
    return this.alert().getByRole('listitem');
  }

  alertButton(name) {
    return this.alert().getByRole('button', { name, exact: true });
  }

  /** The print-only signature block. */
  signatures() {
    return this.page.getByRole('region', { name: /^(Phần ký xác nhận|Signatures)$/ });
  }

  // --- unit view -------------------------------------------------------------------------------

  /** The unit view's table of results per target. */
  unitResultsTable() {
    return this.page.getByRole('table', { name: /^(Kết quả từng chỉ tiêu|Result per target) — / });
  }

  /** A manual-score field of the unit view: `field` is e.g. "Self score (0–10)" or "Ghi chú tự chấm". */
  scoreFields(unitShort, field) {
    return this.page.getByRole('textbox', { name: new RegExp(`^${escape(unitShort)} — .* — ${escape(field)}$`) });
  }

  /** The reason field of a unit's n-th (1-based) bonus line, or n-th deduction line: each kind
   * is numbered apart. */
  adjustmentReason(unitShort, kind, n) {
    return this.textbox(`${unitShort} — ${kind} ${n} — lý do`);
  }

  /** The points field of a unit's n-th (1-based) bonus or deduction line (each kind numbered apart), in either language
   * (`kind` as shown: "Điểm thưởng", "Bonus"…). */
  adjustmentPoints(unitShort, kind, n) {
    return this.textbox(new RegExp(`^${escape(unitShort)} — ${escape(kind)} ${n} — (điểm|points)$`));
  }

  /** A row of the unit view's table of results, by the start of its target's title ("1 Quán triệt"). */
  unitResultRow(title) {
    return this.unitResultsTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escape(title)}`) }) });
  }

  /** The unit view's line "Hạng … · N điểm · …" / "Rank … · N points · …". */
  unitSummary() {
    return this.page.getByText(/^(Hạng|Rank) \S+ · /);
  }

  /** What a unit's data holds in storage for the pact's main review (manual scores, lines…). */
  async storedUnit(unitId) {
    const env = await this.storedEnvelope();
    const id = env?.doc?.pact?.reviews?.[0]?.id;
    return env?.doc?.data?.find((r) => r.review === id)?.units?.find((d) => d.unit === unitId);
  }

  addBonusButton(unitShort) {
    return this.page.getByRole('button', { name: new RegExp(`^(Thêm điểm thưởng|Add bonus) — ${escape(unitShort)}$`) });
  }

  /** The remove button of the n-th (1-based) line of a kind ("Điểm thưởng" / "Điểm trừ"). */
  removeAdjustmentButton(unitShort, kind, n) {
    return this.button(`Xóa ${kind} ${n} — ${unitShort}`);
  }

  /** The ranking's button that opens a unit's view (by the unit's full name). */
  openUnitButton(fullName) {
    return this.page.getByRole('button', { name: new RegExp(`^(Xem chi tiết|Open details of) ${escape(fullName)}$`) });
  }

  async openUnit(fullName) {
    await this.openUnitButton(fullName).click();
    await expect(this.unitHeading(fullName)).toBeVisible();
  }

  unitHeading(fullName) {
    return this.page.getByRole('heading', { level: 2, name: fullName, exact: true });
  }

  backButton() { return this.control('back'); }

  // --- data panel ------------------------------------------------------------------------------

  /** The (visually hidden) file input, by its label; it takes keyboard focus. */
  importInput() {
    return this.page.getByLabel(either(W.importFile));
  }

  /** The visible import control (the label of the visually hidden file input). */
  importControl() {
    return this.page.getByText(either(W.importFile));
  }

  /** Imports a file through the file chooser, as a person would. */
  async chooseFile(file) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importControl().click();
    await (await chooser).setFiles(file);
    await expect(this.dialog()).toBeVisible();
  }

  /** Runs `action` and returns the download it starts. */
  async download(action) {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), action()]);
    return dl;
  }

  /** The text of a download (bytes decoded as UTF-8, a BOM kept). */
  static async text(download) {
    const buf = await readFile(await download.path());
    return buf.toString('utf8');
  }

  async exportJson() {
    const dl = await this.download(() => this.control('exportJson').click());
    return dl;
  }

  async exportCsv() {
    return this.download(() => this.control('exportCsv').click());
  }

  async reset() {
    await this.control('reset').click();
    await expect(this.dialog()).toBeVisible();
    await this.dialog().getByRole('button', { name: either(W.confirmReset) }).click();
    await expect(this.dialog()).toBeHidden();
  }

  async confirmImport() {
    await this.dialog().getByRole('button', { name: either(W.confirmImport) }).click();
    await expect(this.dialog()).toBeHidden();
  }

  backupsList() {
    return this.page.getByRole('list', { name: either(W.backups) });
  }

  backupItems() {
    return this.backupsList().getByRole('listitem');
  }

  /** Restores the n-th backup of the list (0 = newest). */
  async restoreBackup(n) {
    await this.backupItems().nth(n).getByRole('button', { name: /^(Khôi phục bản sao lưu|Restore the backup of) / }).click();
    await expect(this.dialog()).toBeVisible();
    await this.dialog().getByRole('button', { name: either(W.confirmRestore) }).click();
    await expect(this.dialog()).toBeHidden();
  }

  // --- storage (read only, to check what was saved) ---------------------------------------------

  /** The stored envelope ({ seq, tab, saved_at, doc }), or null when absent or not JSON. */
  async storedEnvelope() {
    return this.page.evaluate((k) => {
      try {
        return JSON.parse(localStorage.getItem(k));
      } catch {
        return null;
      }
    }, DOC_KEY);
  }

  /** The review switcher (Kỳ đánh giá / Review). */
  reviewSelect() {
    return this.page.getByRole('combobox', { name: /Kỳ đánh giá|Review/ });
  }

  /** The stored value of one figure of a review (the pact's main review by default; undefined
   * when absent). */
  async storedFigure(unitId, indicator, period, review) {
    const env = await this.storedEnvelope();
    const id = review ?? env?.doc?.pact?.reviews?.[0]?.id;
    const units = env?.doc?.data?.find((r) => r.review === id)?.units;
    const rec = units?.find((d) => d.unit === unitId);
    return rec?.figures?.[indicator]?.[period];
  }

  /** Every stored key with a prefix, and its value. */
  async storedWithPrefix(prefix) {
    return this.page.evaluate((p) => {
      const out = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k.startsWith(p)) out[k] = localStorage.getItem(k);
      }
      return out;
    }, prefix);
  }

  // --- wording ---------------------------------------------------------------------------------

  /**
   * Every piece of interface text a person can see or hear on the page now: visible text nodes,
   * and the aria-label / title / placeholder / alt of visible elements, except inside elements
   * marked with lang=`except` (e.g. the other language's button). Each item is { text, where }.
   */
  async uiTexts(except) {
    return this.page.evaluate((except) => {
      const out = [];
      const skip = (el) => {
        const marked = el.closest('[lang]');
        return marked && marked !== document.documentElement && marked.getAttribute('lang') === except;
      };
      const visible = (el) => el.checkVisibility({ visibilityProperty: true });
      const describe = (el) => {
        const tag = el.tagName.toLowerCase();
        const name = el.getAttribute('aria-label') || el.id || '';
        return name ? `${tag} "${name.slice(0, 60)}"` : tag;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = n.nodeValue.trim();
        if (!text || !el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
        if (skip(el) || !visible(el)) continue;
        out.push({ text, where: describe(el) });
      }
      for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        if (skip(el) || !visible(el)) continue;
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
          const v = el.getAttribute(a);
          if (v && v.trim()) out.push({ text: v.trim(), where: `${describe(el)} @${a}` });
        }
      }
      return out;
    }, except);
  }

  // --- keyboard --------------------------------------------------------------------------------

  /** Presses `key` (Tab or Shift+Tab) until `locator` has focus; fails after `max` presses. */
  async tabTo(locator, { key = 'Tab', max = 80 } = {}) {
    const el = await locator.elementHandle();
    for (let i = 0; i <= max; i++) {
      if (await el.evaluate((e) => e === document.activeElement)) break;
      await this.page.keyboard.press(key);
    }
    await el.dispose();
    await expect(locator).toBeFocused({ timeout: 1 });
  }

  /** Puts text on the clipboard (needs clipboard permissions) and pastes it with the keyboard. */
  async pasteWithKeyboard(text) {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('ControlOrMeta+V');
  }
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const VI = {
  current: 'kỳ này',
  baseline: 'cùng kỳ',
  crimes: 'Số vụ phạm tội về trật tự xã hội',
  casesOccurred: 'Số vụ án xảy ra',
  casesSolved: 'Số vụ án điều tra, khám phá',
  reportsProcessed: 'Tố giác, tin báo, kiến nghị khởi tố đã xử lý',
  reportsReceived: 'Tố giác, tin báo, kiến nghị khởi tố tiếp nhận',
  fires: 'Số vụ cháy',
  propertyLoss: 'Cháy, nổ: thiệt hại tài sản',
};

export const EN = {
  current: 'this period',
  baseline: 'same period last year',
  crimes: 'Crimes against social order',
  casesOccurred: 'Criminal cases occurred',
  casesSolved: 'Criminal cases solved',
  reportsProcessed: 'Reports received and processed',
  fires: 'Fires',
};
