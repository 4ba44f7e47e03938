// The debug page at / (the seed's "Web 端调试示例"), as a person uses it: two pages of a development
// server fetch dev tokens, log in to one room, one publishes, the other sees the stream's tile and the
// events in its log, presses the tile's Play and watches Alice's camera in it. Screenshots of both
// pages, taken once Bob's tile video is playing, land in e2e/artifacts/ for a look at the layout.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../js/chromium.mjs';
import { waitForMedia } from '../js/media.mjs';
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

  assert.equal(await alice.evaluate(() => document.getElementById('media-note').hidden), true, 'the SDK has media: no note says otherwise');
  assert.equal(await alice.page.inputValue('#streamID'), 'alice_main');
  await alice.page.click('#publish');
  await logLine(alice, 'ok', 'startPreview');   // Publish previews first, as the seed's flow does
  await logLine(alice, 'ok', 'startPublishingStream');
  await logLine(alice, 'event', 'publisherStateUpdate', 'PUBLISHING');

  const tile = await bob.page.waitForSelector('#remotes .tile[data-stream-id="alice_main"]');
  assert.match(await tile.textContent(), /from Alice \(alice\)/);
  await logLine(bob, 'event', 'roomStreamUpdate', 'ADD alice_main');
  // Bob presses the tile's Play: the tile's <video> plays Alice's camera
  await (await tile.$('button')).click();
  await logLine(bob, 'ok', 'startPlayingStream');
  await logLine(bob, 'event', 'playerStateUpdate', 'PLAYING');
  await waitForMedia(bob, 1);
  const video = '.tile[data-stream-id="alice_main"] video';
  const first = await bob.videoState(video);
  assert.equal(first.hasSrcObject, true);
  await bob.page.waitForFunction(([selector, t]) => {
    const v = document.querySelector(selector);
    return v.videoWidth > 0 && v.currentTime > t + 0.5 && !v.paused;
  }, [video, first.currentTime], { timeout: 10_000 });
  const playing = await bob.videoState(video);
  assert.ok(playing.totalVideoFrames > first.totalVideoFrames, JSON.stringify({ first, playing }));
  // and Alice's own preview shows her camera
  await alice.page.waitForFunction(() => {
    const v = document.getElementById('local-video');
    return v.videoWidth > 0 && v.currentTime > 0;
  });

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
