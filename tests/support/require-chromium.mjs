// Stops the end-to-end tests and the demo early, with a useful message, when no Chromium is installed.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Four Ps needs Chromium for its end-to-end tests and demo, and found none at ${path}.\n` +
      'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or point CHROMIUM_PATH at any\n' +
      'Chromium or Chrome for Testing binary, e.g. `CHROMIUM_PATH=/path/to/chrome npm test`.',
  );
  process.exit(1);
}
