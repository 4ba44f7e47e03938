// The debug page at / (the seed's "Web 端调试示例"), as a person uses it: two pages of a development
// server fetch dev tokens, log in to one room, one publishes, the other sees the stream's tile and the
// events in its log. Screenshots of both pages land in e2e/artifacts/ for a look at the layout.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../js/chromium.mjs';
import { openPage } from '../js/pages.mjs';
import { startServer } from '../js/server.mjs';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const VIEWPORT = { width: 1366, height: 768 };   // a common laptop screen

let server;
let browser;

before(async () => {
  server = await startServer({ development: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the debug page as one person, with the fields a link may fill. */
async function openDebugPage(name, userID) {
  const context = await browser.browser.newContext({ viewport: VIEWPORT });
  const p = await openPage(context, `${server.httpUrl}/?roomID=debug-room&userID=${userID}&userName=${name}`, name);
  await p.page.waitForSelector('#log li[data-name="page ready"]');
  return p;
}

/** Waits for a log line: kind event, call, ok or error; text, when given, must be in the line. */
function logLine(p, kind, name, text = '') {
  return p.page.waitForFunction(([kind, name, text]) => [...document.querySelectorAll('#log li')]
    .some((li) => li.dataset.kind === kind && li.dataset.name === name && li.textContent.includes(text)),
  [kind, name, text], { timeout: 15_000 }).catch((e) => {
    throw new Error(`page ${p.name}: no log line ${kind} ${name} ${text}: ${e.message}\n${p.console.join('\n')}`);
  });
}

async function loginWithDevToken(p) {
  assert.equal(await p.page.inputValue('#appID'), String(server.appID), 'the AppID defaults to the development app');
  await p.page.click('#get-token');
  await logLine(p, 'ok', 'GET /debug/token');
  assert.match(await p.page.inputValue('#token'), /^04[A-Za-z0-9+/=]+$/);
  await p.page.click('#login');
  await logLine(p, 'ok', 'loginRoom');
  await p.page.waitForSelector('#room-state[data-state="2"]');
  await logLine(p, 'event', 'roomStateUpdate', 'CONNECTED');
}

test('two debug pages log in with dev tokens; one publishes, the other sees its tile and the events', async () => {
  const alice = await openDebugPage('Alice', 'alice');
  const bob = await openDebugPage('Bob', 'bob');
  await loginWithDevToken(alice);
  await loginWithDevToken(bob);
  await logLine(alice, 'event', 'roomUserUpdate', 'ADD bob');
  await alice.page.waitForSelector('#users li:text("Bob (bob)")');

  const media = await alice.evaluate(() => document.getElementById('media-note').hidden);
  assert.equal(await alice.page.inputValue('#streamID'), 'alice_main');
  await alice.page.click('#publish');
  await logLine(alice, 'ok', 'startPublishingStream');
  await logLine(alice, 'event', 'publisherStateUpdate', 'PUBLISHING');

  const tile = await bob.page.waitForSelector('#remotes .tile[data-stream-id="alice_main"]');
  assert.match(await tile.textContent(), /from Alice \(alice\)/);
  await logLine(bob, 'event', 'roomStreamUpdate', 'ADD alice_main');
  const play = await tile.$('button');
  if (media) {
    // An SDK with media: the tile plays the stream into its <video>.
    await play.click();
    await logLine(bob, 'ok', 'startPlayingStream');
    await bob.page.waitForFunction(() => document.querySelector('.tile[data-stream-id="alice_main"] video').srcObject !== null);
  } else {
    assert.equal(await play.isDisabled(), true, 'no Play without media');
    assert.match(await tile.textContent(), /media not available in this SDK build/);
    assert.equal(await bob.page.isVisible('#media-note'), true);
  }

  mkdirSync(ARTIFACTS, { recursive: true });
  await alice.page.screenshot({ path: ARTIFACTS + 'debug-page-alice.png' });
  await bob.page.screenshot({ path: ARTIFACTS + 'debug-page-bob.png' });

  // Stop publishing: Bob's tile goes with a DELETE.
  await alice.page.click('#stop-publish');
  await logLine(alice, 'ok', 'stopPublishingStream');
  await logLine(bob, 'event', 'roomStreamUpdate', 'DELETE alice_main');
  await bob.page.waitForSelector('#remotes .tile[data-stream-id="alice_main"]', { state: 'detached' });

  // End: logout and destroy; Alice sees Bob leave.
  await bob.page.click('#end');
  await logLine(bob, 'ok', 'logoutRoom');
  await logLine(bob, 'ok', 'destroyEngine');
  await bob.page.waitForSelector('#room-state[data-state="0"]');
  await logLine(alice, 'event', 'roomUserUpdate', 'DELETE bob');
  await alice.page.click('#end');
  await logLine(alice, 'ok', 'destroyEngine');

  // Every action logged its call and its result; nothing failed.
  for (const p of [alice, bob]) {
    const errors = await p.evaluate(() => [...document.querySelectorAll('#log li[data-kind="error"]')].map((li) => li.textContent));
    assert.deepEqual(errors, [], `page ${p.name} logged errors`);
  }
});

test('a login refused by the server shows its error code in the log', async () => {
  const carol = await openDebugPage('Carol', 'carol');
  await carol.page.fill('#token', '04bm90IGEgdG9rZW4=');
  await carol.page.click('#login');
  await logLine(carol, 'error', 'loginRoom', '1002075');
  await carol.page.waitForSelector('#room-state[data-state="0"]');
  await carol.page.click('#end');
  await logLine(carol, 'ok', 'destroyEngine');
});
