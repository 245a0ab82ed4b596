// Installable and honest about storage: the web app manifest, its icons, and the storage panel
// (persistent storage asked for, space used and quota shown); the files the app offers (what the
// JSON export holds, a download Firefox can start, a file the browser will not make reported).
import { test, expect } from '@playwright/test';
import { AppPage, EN, UNIT_NAMES, VI } from './pages/app_page.js';

test('the manifest is relative, Vietnamese, and its icons exist at the sizes it claims', async ({ page, request }) => {
  const app = new AppPage(page);
  await app.goto();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('./manifest.webmanifest');
  const manifestUrl = new URL(href, page.url()).href;
  const manifest = await (await request.get(manifestUrl)).json();
  expect(manifest.name).toContain('Giao ước thi đua');
  expect(manifest.lang).toBe('vi');
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.display).toBe('standalone');
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
    expect(icon, `a ${size}px icon`).toBeTruthy();
    const png = await (await request.get(new URL(icon.src, manifestUrl).href)).body();
    // PNG header: width and height are big-endian at bytes 16 and 20.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
});

test('the storage panel shows the persistent-storage answer, the space this app\'s data takes in localStorage, and the browser\'s estimate', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.fill('Hà Nội', VI.fires, VI.current, '3');
  await app.waitSaved();
  const info = page.locator('dl').filter({ has: page.getByText('Lưu trữ bền vững') });
  await expect(info).toBeVisible();
  await expect(info).toContainText(/đã được trình duyệt cấp|chưa được cấp/);
  await expect(info).toContainText(/Tệp ứng dụng và bộ nhớ đệm.*\d+(,\d)? (KB|MB) trên khoảng \d+(\.\d{3})*(,\d)? (KB|MB|GB)/s);
  // This app's own data: what localStorage holds under its keys (UTF-16, two bytes a
  // character), which the browser's estimate leaves out.
  const chars = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('thidua.v1.'))
    .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  const shown = (text, label, decimal) => {
    const m = text.match(new RegExp(`${label.replace(/[()]/g, '\\$&')}(\\d+[.,]\\d) KB — `));
    return m && Number(m[1].replace(decimal, '.'));
  };
  const kb = 2 * chars / 1000;
  expect(chars).toBeGreaterThan(1000);
  await expect.poll(async () => shown(await info.textContent(), 'Dữ liệu của ứng dụng (localStorage)', ',')).toBeCloseTo(kb, 0);
  await expect(info).toContainText('KB — trình duyệt thường cho mỗi trang khoảng 5 đến 10 MB');
  await app.setLanguage('en');
  const en = page.locator('dl').filter({ has: page.getByText('Persistent storage') });
  await expect(en).toContainText(/(granted|not granted)/);
  await expect(en).toContainText(/App files and caches.*\d+(\.\d)? (KB|MB) of about \d+(,\d{3})*(\.\d)? (KB|MB|GB)/s);
  await expect.poll(async () => shown(await en.textContent(), "This app's data (localStorage)", '.')).toBeCloseTo(kb, 0);
});

test('the JSON export holds only the document and its results', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.fill('Hà Nội', VI.fires, VI.current, '3');
  const dl = await app.exportJson();
  const doc = JSON.parse(await AppPage.text(dl));
  expect(Object.keys(doc).sort()).toEqual(['data', 'format', 'pact', 'results', 'schema_version']);
  // Nothing about the browser, the session or the machine.
  const text = JSON.stringify(doc);
  for (const word of ['userAgent', 'Chrome', 'localStorage', 'thidua.v1', '127.0.0.1']) {
    expect(text).not.toContain(word);
  }
});

test('an export\'s file stays readable after the click, as Firefox needs to start the download', async ({ page }) => {
  // Firefox reads a download's blob URL only after the click's task (Mozilla bug 1282407): a URL
  // revoked within that task gives no file there. Chromium, here, reads it at once, so the test
  // watches the revocation itself (the page's policy keeps it from fetching a blob: URL).
  await page.addInitScript(() => {
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    window.__blobs = [];
    URL.createObjectURL = function (blob) {
      const url = create.call(this, blob);
      window.__blobs.push({ url, made: performance.now() });
      return url;
    };
    URL.revokeObjectURL = function (url) {
      const b = window.__blobs.find((x) => x.url === url);
      if (b) b.revoked = performance.now();
      return revoke.call(this, url);
    };
  });
  const app = new AppPage(page);
  await app.goto();
  const csv = await AppPage.text(await app.exportCsv());
  expect(csv).toMatch(/^\ufeffHạng;/);
  // A second later the URL is still there: Firefox has had tasks enough to read it.
  await page.waitForTimeout(1000);
  const blobs = await page.evaluate(() => window.__blobs);
  expect(blobs).toHaveLength(1);
  expect(blobs[0].revoked).toBeUndefined();
});

test('an export the browser refuses to make says so, in either language, and the data stays', async ({ page }) => {
  // A browser that cannot make the file (out of memory, a policy): the page is told, not the
  // person, unless the app says it.
  await page.addInitScript(() => {
    URL.createObjectURL = () => { throw new RangeError('no room for the file'); };
  });
  const app = new AppPage(page);
  await app.goto();
  await app.fill('Hà Nội', VI.fires, VI.current, '3');
  await app.control('exportCsv').click();
  const alert = page.getByRole('alert').filter({ hasText: 'Không tạo được tệp' });
  await expect(alert).toContainText(/Không tạo được tệp “cum1-2023-ket-qua-\d{4}-\d{2}-\d{2}\.csv”: RangeError: no room for the file/);
  // The error's name and message, not the script's stack.
  await expect(alert).not.toContainText(/JsValue|\bat\s/);
  // The message follows the language.
  await app.setLanguage('en');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be made' }))
    .toContainText(/^The file “cum1-2023-ket-qua-\d{4}-\d{2}-\d{2}\.csv” could not be made: RangeError: no room for the file/);
  await app.control('exportJson').click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be made' }))
    .toContainText(/The file “cum1-2023-\d{4}-\d{2}-\d{2}\.json” could not be made/);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be made' })).toHaveCount(0);
  // Nothing else changed: the figure typed is still there.
  await expect(app.cell('Hà Nội', EN.fires, EN.current)).toHaveValue('3');
});

test('a unit\'s file, a chart and every pact the browser refuses to make are reported beside their buttons', async ({ page }) => {
  await page.addInitScript(() => {
    URL.createObjectURL = () => { throw new RangeError('no room for the file'); };
  });
  const app = new AppPage(page);
  await app.goto();
  await app.openUnit(UNIT_NAMES.vi['Cần Thơ']);
  await page.getByRole('button', { name: 'Xuất tệp của đơn vị (gửi cụm trưởng)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^Không tạo được tệp “thidua-don-vi-can-tho-cum1-2023\.json”: .*no room for the file/ })).toBeVisible();
  await page.getByRole('button', { name: /^Tải SVG: / }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: /^Không tạo được tệp “thidua-[a-z0-9-]+\.svg”: .*no room/ })).toBeVisible();
  await app.openEditor();
  await page.getByRole('button', { name: 'Xuất tất cả giao ước (JSON)' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Không tạo được tệp “thidua-tat-ca-giao-uoc\.json”/ })).toBeVisible();
});
