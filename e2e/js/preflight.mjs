// Run before `npm test`: fails at once, saying what to do, when the browser tests cannot run here.
import { accessSync, constants, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const missing = [];
if (!existsSync(fileURLToPath(new URL('../node_modules/playwright-core/package.json', import.meta.url)))) {
  missing.push('e2e/node_modules (npm ci in e2e/)');
}
const chromium = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';
try {
  accessSync(chromium, constants.X_OK);
} catch {
  missing.push(`${chromium} (apt-get install chromium)`);
}
if (missing.length) {
  console.error(`the browser tests need ${missing.join(' and ')}; ./parley test installs both`);
  process.exit(1);
}
