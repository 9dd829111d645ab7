// Before the browser tests: make sure a Chromium exists, and say exactly how to get one if not.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const named = process.env.PLAYWRIGHT_CHROMIUM_PATH;
const candidates = [named, '/usr/bin/chromium', chromium.executablePath()].filter(Boolean);
if (!candidates.some((p) => existsSync(p))) {
  console.error(
    [
      'No Chromium found for the browser tests.',
      'Install one of these, then run the tests again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium   (found at /usr/bin/chromium)',
      '  elsewhere:      npx playwright install chromium',
      'or point PLAYWRIGHT_CHROMIUM_PATH at an existing Chrome/Chromium binary.',
    ].join('\n'),
  );
  process.exit(1);
}
