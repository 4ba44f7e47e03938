// The harness itself: a page on another origin imports the SDK from the server, logs in with a
// token and sees roomStateUpdate CONNECTED.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useCall } from '../js/suite.mjs';
import { RoomState } from '../js/zego.mjs';

const call = useCall();

test('a page on another origin imports the SDK from the server and logs in with a token', async () => {
  const { server, pages } = call;
  assert.notEqual(new URL(pages.origin).port, new URL(server.httpUrl).port);
  const { page } = await call.open(`/engine.html?appID=${server.appID}`, 'A');
  const [origin] = await page.waitForEvent('pageReady');
  assert.equal(origin, pages.origin);

  const token = await server.token('u1', 'harness-room');
  const result = await page.evaluate(
    ({ token }) => window.engine.loginRoom('harness-room', { userID: 'u1', userName: 'User 1' }, { token, isUserStatusNotify: true }),
    { token },
  );
  assert.equal(result.errorCode, 0);
  const [roomID, state, errorCode, extendedData] = await page.waitForEvent('roomStateUpdate', (_r, s) => s === RoomState.CONNECTED);
  assert.deepEqual([roomID, state, errorCode], ['harness-room', RoomState.CONNECTED, 0]);
  assert.equal(typeof extendedData, 'string');
  // CONNECTING came first
  assert.deepEqual(page.eventsNamed('roomStateUpdate').map((a) => a[1]), [RoomState.CONNECTING, RoomState.CONNECTED]);

  await page.evaluate(() => window.engine.logoutRoom('harness-room'));
  await page.waitForEvent('roomStateUpdate', (_r, s) => s === RoomState.DISCONNECTED);
});
