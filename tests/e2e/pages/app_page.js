// Page object for the thidua app: every selector lives here, by role and accessible name, so a
// change of markup touches one file.
import { expect } from '@playwright/test';

export const UNITS = ['Hà Nội', 'TP HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'];

export class AppPage {
  constructor(page) {
    this.page = page;
  }

  async goto(path = '') {
    await this.page.goto(path);
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

  /** The results row of a unit (by its short name). */
  resultRow(unit) {
    return this.resultsTable().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: unit, exact: true }) });
  }

  /** The result cell of a unit for the n-th target (0-based). */
  resultCell(unit, n) {
    return this.resultRow(unit).getByRole('cell').nth(n);
  }

  rankingRow(unit) {
    return this.rankingTable().getByRole('row').filter({ hasText: unit });
  }

  /** A figure cell by its accessible name parts. */
  cell(unit, indicator, period) {
    return this.page.getByRole('textbox', { name: `${unit} — ${indicator} — ${period}`, exact: true });
  }

  async fill(unit, indicator, period, value) {
    const c = this.cell(unit, indicator, period);
    await c.click();
    await c.fill(value);
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async setLanguage(lang) {
    await this.button(lang === 'en' ? 'English' : 'Tiếng Việt').click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  saveState() {
    return this.page.getByRole('status');
  }

  async waitSaved() {
    await expect(this.saveState()).toHaveText(/Đã lưu|Saved/);
  }
}

export const VI = {
  current: 'kỳ này',
  baseline: 'cùng kỳ',
  crimes: 'Số vụ phạm tội về trật tự xã hội',
  casesOccurred: 'Số vụ án xảy ra',
  casesSolved: 'Số vụ án điều tra, khám phá',
};
