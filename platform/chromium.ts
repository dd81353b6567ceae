import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, headless, as ../shared/PLATFORM.md describes it: `npx playwright install` cannot download a browser here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
