// The seed's quick start ("实现视频通话") run as written in two pages, A and B, with only its import
// line changed (pages/seed.html): both log in to room1, B previews and publishes "streamID", A is told
// of it and, in its roomStreamUpdate ADD callback, plays it into #remote_video and decodes B's camera
// and microphone; B stops, logs out, both destroy their engines. Every callback the seed registers
// must fire with ZEGO's argument lists and values, in the order the seed describes. Then the same call
// with B publishing without a preview (the SDK captures the camera and microphone itself).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useCall } from '../js/suite.mjs';
import { waitForMedia } from '../js/media.mjs';
import { PlayerState, PublisherState, RoomState, StreamDeleteReason, UpdateType } from '../js/zego.mjs';

const { ADD, DELETE } = UpdateType;
const { DISCONNECTED, CONNECTING, CONNECTED } = RoomState;
const { NO_PUBLISH, PUBLISH_REQUESTING, PUBLISHING } = PublisherState;
const { NO_PLAY, PLAY_REQUESTING, PLAYING } = PlayerState;
const USER_A = { userID: 'id1', userName: 'user1' };
const USER_B = { userID: 'id2', userName: 'user2' };

const call = useCall();

/** The seed's own callbacks (not the harness's 'all:' copies), with what each got. */
function seedCallbacks(page) {
  return page.events.filter((e) => !e.name.startsWith('all:') && e.name !== 'pageReady' && !e.name.startsWith('startPlayingStream:'))
    .map((e) => [e.name, ...e.args]);
}

/** extendedData is a JSON string, as in ZEGO's uni-app SDK. */
function json(extendedData) {
  assert.equal(typeof extendedData, 'string');
  return JSON.parse(extendedData);
}

/** The seed page as A (a Token04, no AppSign in its profile) and as B (the profile's AppSign), each in its own context. */
async function openSeedPages() {
  const { server } = call;
  const token = await server.token(USER_A.userID, 'room1');
  const query = (user, auth) => new URLSearchParams({ appID: String(server.appID), ...user, ...auth });
  const a = await call.open(`/seed.html?${query(USER_A, { token })}`, 'A');
  const b = await call.open(`/seed.html?${query(USER_B, { appSign: server.appSign })}`, 'B');
  await a.page.waitForEvent('pageReady');
  await b.page.waitForEvent('pageReady');
  return { a: a.page, b: b.page, close: async () => { await a.context.close(); await b.context.close(); } };
}

/** 登录房间: A first, then B; each sees the other because isUserStatusNotify is true. */
async function loginBoth(a, b) {
  await a.evaluate(() => window.seedSteps.login());
  await a.waitForEvent('roomStateUpdate', (_r, state) => state === CONNECTED);
  await b.evaluate(() => window.seedSteps.login());
  await b.waitForEvent('roomStateUpdate', (_r, state) => state === CONNECTED);
  assert.deepEqual(await a.waitForEvent('roomUserUpdate'), ['room1', ADD, [USER_B]]);
  assert.deepEqual(await b.waitForEvent('roomUserUpdate'), ['room1', ADD, [USER_A]]);
}

/** A's ADD callback played B's stream: its MediaStream is in #remote_video and A decodes video and receives audio. */
async function assertAPlaysB(a) {
  const [played] = await a.waitForEvent('startPlayingStream:resolved', undefined, { timeout: 15_000 });
  assert.equal(played.mediaStream, 'streamID', 'the MediaStream of the stream played (its id is the streamID)');
  assert.deepEqual([...played.tracks].sort(), ['audio', 'video']);
  const stats = await waitForMedia(a, 1);
  const video = stats.flatMap((pc) => pc.inbound).find((s) => s.kind === 'video' && s.framesDecoded > 0);
  assert.ok(video.frameWidth > 0 && video.frameHeight > 0, JSON.stringify(video));
  // the <video> of the seed plays it: a srcObject and frames with the size decoded
  await a.page.waitForFunction(() => {
    const v = document.getElementById('remote_video');
    return v.srcObject?.id === 'streamID' && v.videoWidth > 0 && v.currentTime > 0;
  }, undefined, { timeout: 10_000 });
}

test("the seed's video call: B previews and publishes, A plays it from its ADD callback and decodes it; B stops and leaves, both destroy their engines", async () => {
  const { a, b, close } = await openSeedPages();
  try {
    await loginBoth(a, b);

    // 推流 with (可选)启动本地预览: B previews into #local_video, then publishes "streamID"
    await b.evaluate(() => window.seedSteps.preview());
    await b.page.waitForFunction(() => document.getElementById('local_video').srcObject !== null);
    await b.evaluate(() => window.seedSteps.publish());
    const [, , added] = await a.waitForEvent('roomStreamUpdate', (_r, type) => type === ADD);
    assert.deepEqual(added, [{ streamID: 'streamID', user: USER_B, extraInfo: '' }]);
    await b.waitForEvent('publisherStateUpdate', (_s, state) => state === PUBLISHING);

    // 拉流: A's ADD callback called startPlayingStream; A decodes B's camera and hears its microphone
    await assertAPlaysB(a);
    await a.waitForEvent('playerStateUpdate', (_s, state) => state === PLAYING);

    // 停止推流/预览: A gets DELETE, and ZEGO's fourth argument says why: code 1, the publisher stopped;
    // A's player goes back to NO_PLAY (its DELETE callback calls stopPlayingStream, as the seed asks)
    await b.evaluate(() => window.seedSteps.stopPublish());
    await b.evaluate(() => window.seedSteps.stopPreview());
    const [, , deleted, deleteData] = await a.waitForEvent('all:roomStreamUpdate', (_r, type) => type === DELETE);
    assert.deepEqual(deleted, [{ streamID: 'streamID', user: USER_B, extraInfo: '' }]);
    assert.deepEqual(json(deleteData), { stream_delete_reason: [{ streamID: 'streamID', code: StreamDeleteReason.STOPPED_BY_USER }] });
    await a.waitForEvent('playerStateUpdate', (_s, state) => state === NO_PLAY);
    await b.waitForEvent('publisherStateUpdate', (_s, state) => state === NO_PUBLISH);
    assert.equal(await b.evaluate(() => document.getElementById('local_video').srcObject), null, 'stopPreview empties the preview');

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
    const withState = new Set(['roomStateUpdate', 'publisherStateUpdate', 'playerStateUpdate']);
    const shape = (page) => seedCallbacks(page).map(([name, ...args]) => (withState.has(name) ? [name, ...args.slice(0, 3)] : [name, ...args]));
    const stream = { streamID: 'streamID', user: USER_B, extraInfo: '' };
    assert.deepEqual(shape(a), [
      ['roomStateUpdate', 'room1', CONNECTING, 0],
      ['roomStateUpdate', 'room1', CONNECTED, 0],
      ['roomUserUpdate', 'room1', ADD, [USER_B]],
      ['roomStreamUpdate', 'room1', ADD, [stream]],
      ['playerStateUpdate', 'streamID', PLAY_REQUESTING, 0],
      ['playerStateUpdate', 'streamID', PLAYING, 0],
      ['roomStreamUpdate', 'room1', DELETE, [stream]],
      ['playerStateUpdate', 'streamID', NO_PLAY, 0],
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
    // the state callbacks' extendedData are JSON strings too
    for (const page of [a, b]) {
      for (const [name, , , , extendedData] of seedCallbacks(page)) {
        if (withState.has(name)) json(extendedData);
      }
    }
    // The seed's three-argument roomStreamUpdate got ZEGO's four: the ADD's extendedData is a JSON string
    const [, , , addData] = await a.waitForEvent('all:roomStreamUpdate', (_r, type) => type === ADD);
    json(addData);
    // and neither page threw
    assert.deepEqual(a.console.filter((l) => l.startsWith('[pageerror]')), []);
    assert.deepEqual(b.console.filter((l) => l.startsWith('[pageerror]')), []);
  } finally {
    await close();
  }
});

test("the seed's call without the optional preview: B's startPublishingStream captures the camera and microphone itself, A decodes them", async () => {
  const { a, b, close } = await openSeedPages();
  try {
    await loginBoth(a, b);
    await b.evaluate(() => window.seedSteps.publish());
    await b.waitForEvent('publisherStateUpdate', (_s, state) => state === PUBLISHING);
    assert.equal(await b.evaluate(() => document.getElementById('local_video').srcObject), null, 'no preview was asked for');
    const outbound = (await b.getStats()).flatMap((pc) => pc.outbound).map((s) => s.kind).sort();
    assert.deepEqual(outbound, ['audio', 'video'], 'B sends a camera and a microphone');
    await assertAPlaysB(a);
    assert.deepEqual(a.eventsNamed('playerStateUpdate').map((args) => args.slice(0, 3)),
      [['streamID', PLAY_REQUESTING, 0], ['streamID', PLAYING, 0]]);

    await b.evaluate(() => window.seedSteps.stopPublish());
    await a.waitForEvent('playerStateUpdate', (_s, state) => state === NO_PLAY);
    await b.evaluate(() => window.seedSteps.logout());
    await a.evaluate(() => window.seedSteps.logout());
    await a.evaluate(() => window.seedSteps.destroy());
    await b.evaluate(() => window.seedSteps.destroy());
    assert.deepEqual([...a.console, ...b.console].filter((l) => l.startsWith('[pageerror]')), []);
  } finally {
    await close();
  }
});
