// Launches Debian's Chromium (/usr/bin/chromium) through playwright-core, headless, with a fake
// camera and microphone, and with WebRTC allowed to use loopback: every browser test of Parley
// starts its browser here so that the flags live in one place.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';

export const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

function launchOptions(extraFlags) {
  return { executablePath: CHROMIUM_PATH, headless: true, args: [...FLAGS, ...extraFlags], ignoreDefaultArgs: ['--headless'] };
}

/**
 * Starts a fresh browser with its own empty profile directory.
 * @param {string[]} [extraFlags] more Chromium switches
 * @returns {Promise<{context: import('playwright-core').BrowserContext, close: () => Promise<void>}>}
 */
export async function launch(extraFlags = []) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, launchOptions(extraFlags));
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}


/**
 * Starts a fresh browser in which each participant can get its own BrowserContext (its own cookies,
 * storage and pages), so that closing one context "kills" that participant while the others go on:
 * lighter than one browser per participant on a small machine.
 * @param {string[]} [extraFlags] more Chromium switches
 * @returns {Promise<{browser: import('playwright-core').Browser, newContext: () => Promise<import('playwright-core').BrowserContext>, close: () => Promise<void>}>}
 */
export async function launchBrowser(extraFlags = []) {
  const browser = await chromium.launch(launchOptions(extraFlags));
  return {
    browser,
    newContext: () => browser.newContext(),
    async close() {
      await browser.close().catch(() => {});
    },
  };
}
