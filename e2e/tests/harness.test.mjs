// The harness itself: a page on another origin imports the SDK from the server, logs in with a
// token and sees roomStateUpdate CONNECTED.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from '../js/chromium.mjs';
import { openPage, startPageServer } from '../js/pages.mjs';
import { startServer } from '../js/server.mjs';

let server;
let pages;
let browser;

before(async () => {
  server = await startServer();
  pages = await startPageServer({ PARLEY: server.httpUrl });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await pages?.close();
  await server?.stop();
});

test('a page on another origin imports the SDK from the server and logs in with a token', async () => {
  assert.notEqual(new URL(pages.origin).port, new URL(server.httpUrl).port);
  const page = await openPage(browser.context, pages.url(`/engine.html?appID=${server.appID}`), 'A');
  const [origin] = await page.waitForEvent('pageReady');
  assert.equal(origin, pages.origin);

  const token = await server.token('u1', 'harness-room');
  const result = await page.evaluate(
    ({ token }) => window.engine.loginRoom('harness-room', { userID: 'u1', userName: 'User 1' }, { token, isUserStatusNotify: true }),
    { token },
  );
  assert.equal(result.errorCode, 0);
  const [roomID, state, errorCode, extendedData] = await page.waitForEvent('roomStateUpdate', (_r, s) => s === 2);
  assert.deepEqual([roomID, state, errorCode], ['harness-room', 2, 0]);
  assert.equal(typeof extendedData, 'string');
  // CONNECTING (1) came first
  assert.deepEqual(page.eventsNamed('roomStateUpdate').map((a) => a[1]), [1, 2]);

  await page.evaluate(() => window.engine.logoutRoom('harness-room'));
  await page.waitForEvent('roomStateUpdate', (_r, s) => s === 0);
});
