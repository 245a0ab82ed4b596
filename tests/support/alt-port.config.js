// The project's Playwright config on another port (E2E_PORT, default 8082), for running the suite
// while something else holds port 8081: npx playwright test -c tests/support/alt-port.config.js
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import base from '../../playwright.config.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.E2E_PORT || 8082);

export default {
  ...base,
  testDir: resolve(ROOT, 'tests/e2e'),
  outputDir: resolve(ROOT, 'target/playwright'),
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}/` },
  webServer: {
    ...base.webServer,
    command: `node tests/support/serve.mjs dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    cwd: ROOT,
  },
};
