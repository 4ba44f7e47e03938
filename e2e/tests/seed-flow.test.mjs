// The seed's quick start ("实现视频通话") run as written in two pages, A and B, with only its import
// line changed (pages/seed.html): both log in to room1, B publishes "streamID", A is told of it, B
// stops, logs out, both destroy their engines. Every callback the seed registers must fire with ZEGO's
// argument lists and values, in the order the seed describes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useCall } from '../js/suite.mjs';
import { PublisherState, RoomState, StreamDeleteReason, UpdateType } from '../js/zego.mjs';

const { ADD, DELETE } = UpdateType;
const { DISCONNECTED, CONNECTING, CONNECTED } = RoomState;
const { NO_PUBLISH, PUBLISH_REQUESTING, PUBLISHING } = PublisherState;
const USER_A = { userID: 'id1', userName: 'user1' };
const USER_B = { userID: 'id2', userName: 'user2' };

const call = useCall();

/** The seed's own callbacks (not the harness's 'all:' copies), with what each got. */
function seedCallbacks(page) {
  return page.events.filter((e) => !e.name.startsWith('all:') && e.name !== 'pageReady')
    // playerStateUpdate joins A's list once the SDK plays streams; this test is about the room
    .filter((e) => e.name !== 'playerStateUpdate')
    .map((e) => [e.name, ...e.args]);
}

/** extendedData is a JSON string, as in ZEGO's uni-app SDK. */
function json(extendedData) {
  assert.equal(typeof extendedData, 'string');
  return JSON.parse(extendedData);
}

test("the seed's video call: A and B log in, B publishes, stops and leaves, both destroy their engines", async () => {
  // A logs in with a Token04 (and no AppSign in its profile), B with the profile's AppSign
  const { server } = call;
  const token = await server.token(USER_A.userID, 'room1');
  const query = (user, auth) => new URLSearchParams({ appID: String(server.appID), ...user, ...auth });
  const { page: a } = await call.open(`/seed.html?${query(USER_A, { token })}`, 'A');
  const { page: b } = await call.open(`/seed.html?${query(USER_B, { appSign: server.appSign })}`, 'B');
  await a.waitForEvent('pageReady');
  await b.waitForEvent('pageReady');

  // 登录房间: A first, then B; each sees the other because isUserStatusNotify is true
  await a.evaluate(() => window.seedSteps.login());
  await a.waitForEvent('roomStateUpdate', (_r, state) => state === CONNECTED);
  await b.evaluate(() => window.seedSteps.login());
  await b.waitForEvent('roomStateUpdate', (_r, state) => state === CONNECTED);
  assert.deepEqual(await a.waitForEvent('roomUserUpdate'), ['room1', ADD, [USER_B]]);
  assert.deepEqual(await b.waitForEvent('roomUserUpdate'), ['room1', ADD, [USER_A]]);

  // 推流: B publishes "streamID"; A gets roomStreamUpdate ADD with B's stream and user
  await b.evaluate(() => window.seedSteps.publish());
  const [, , added] = await a.waitForEvent('roomStreamUpdate', (_r, type) => type === ADD);
  assert.deepEqual(added, [{ streamID: 'streamID', user: USER_B, extraInfo: '' }]);
  await b.waitForEvent('publisherStateUpdate', (_s, state) => state === PUBLISHING);

  // 停止推流: A gets DELETE, and ZEGO's fourth argument says why: code 1, the publisher stopped
  await b.evaluate(() => window.seedSteps.stopPublish());
  const [, , deleted, deleteData] = await a.waitForEvent('all:roomStreamUpdate', (_r, type) => type === DELETE);
  assert.deepEqual(deleted, [{ streamID: 'streamID', user: USER_B, extraInfo: '' }]);
  assert.deepEqual(json(deleteData), { stream_delete_reason: [{ streamID: 'streamID', code: StreamDeleteReason.STOPPED_BY_USER }] });
  await b.waitForEvent('publisherStateUpdate', (_s, state) => state === NO_PUBLISH);

  // 退出房间: B's own roomStateUpdate says DISCONNECTED; A gets roomUserUpdate DELETE
  await b.evaluate(() => window.seedSteps.logout());
  await b.waitForEvent('roomStateUpdate', (_r, state) => state === DISCONNECTED);
  assert.deepEqual(await a.waitForEvent('roomUserUpdate', (_r, type) => type === DELETE), ['room1', DELETE, [USER_B]]);
  await a.evaluate(() => window.seedSteps.logout());
  await a.waitForEvent('roomStateUpdate', (_r, state) => state === DISCONNECTED);

  // 销毁引擎: awaited, as the seed suggests
  await a.evaluate(() => window.seedSteps.destroy());
  await b.evaluate(() => window.seedSteps.destroy());

  // Every callback of the seed, in order, with ZEGO's argument lists (extendedData checked apart)
  const shape = (page) => seedCallbacks(page).map(([name, ...args]) =>
    (name === 'roomStateUpdate' || name === 'publisherStateUpdate' ? [name, ...args.slice(0, 3)] : [name, ...args]));
  const stream = { streamID: 'streamID', user: USER_B, extraInfo: '' };
  assert.deepEqual(shape(a), [
    ['roomStateUpdate', 'room1', CONNECTING, 0],
    ['roomStateUpdate', 'room1', CONNECTED, 0],
    ['roomUserUpdate', 'room1', ADD, [USER_B]],
    ['roomStreamUpdate', 'room1', ADD, [stream]],
    ['roomStreamUpdate', 'room1', DELETE, [stream]],
    ['roomUserUpdate', 'room1', DELETE, [USER_B]],
    ['roomStateUpdate', 'room1', DISCONNECTED, 0],
  ], a.describe());
  assert.deepEqual(shape(b), [
    ['roomStateUpdate', 'room1', CONNECTING, 0],
    ['roomStateUpdate', 'room1', CONNECTED, 0],
    ['roomUserUpdate', 'room1', ADD, [USER_A]],
    ['publisherStateUpdate', 'streamID', PUBLISH_REQUESTING, 0],
    ['publisherStateUpdate', 'streamID', PUBLISHING, 0],
    ['publisherStateUpdate', 'streamID', NO_PUBLISH, 0],
    ['roomStateUpdate', 'room1', DISCONNECTED, 0],
  ], b.describe());
  // roomStateUpdate's and publisherStateUpdate's extendedData are JSON strings too
  for (const page of [a, b]) {
    for (const [name, , , , extendedData] of seedCallbacks(page)) {
      if (name === 'roomStateUpdate' || name === 'publisherStateUpdate') json(extendedData);
    }
  }
  // The seed's three-argument roomStreamUpdate got ZEGO's four: the ADD's extendedData is a JSON string
  const [, , , addData] = await a.waitForEvent('all:roomStreamUpdate', (_r, type) => type === ADD);
  json(addData);
  // and neither page threw
  assert.deepEqual(a.console.filter((l) => l.startsWith('[pageerror]')), []);
  assert.deepEqual(b.console.filter((l) => l.startsWith('[pageerror]')), []);
});
