// Rules of the room service seen from browsers (pages/engine.html, one browser context per user):
// a streamID is one publisher's at a time (with real media: the first publisher's stream keeps
// flowing to its player while the later one is refused), and a page that dies without logging out leaves the room
// (its users and streams deleted for the others) once the server's reconnect window ends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useCall } from '../js/suite.mjs';
import { framesDecoded, smallCamera, waitForMedia } from '../js/media.mjs';
import { PlayerState, PublisherState, RoomState, StreamDeleteReason, UpdateType } from '../js/zego.mjs';

const { ADD, DELETE } = UpdateType;
const { CONNECTING, CONNECTED } = RoomState;
const { NO_PUBLISH, PUBLISH_REQUESTING, PUBLISHING } = PublisherState;
const { HEARTBEAT_TIMEOUT } = StreamDeleteReason;
const STREAM_ID_IN_USE = 1003028;
const RECONNECT_WINDOW_SECONDS = 2;

const call = useCall({ reconnectWindowSeconds: RECONNECT_WINDOW_SECONDS });

/** A user in a fresh browser context of its own, logged in to `roomID` with the app's AppSign. */
async function join(user, roomID, { isUserStatusNotify = true } = {}) {
  const { server } = call;
  const { page, context } = await call.open(`/engine.html?appID=${server.appID}&appSign=${server.appSign}`, user.userID);
  await page.waitForEvent('pageReady');
  await smallCamera(page);
  const result = await page.evaluate(({ user, roomID, isUserStatusNotify }) => window.engine.loginRoom(roomID, user, { isUserStatusNotify }), { user, roomID, isUserStatusNotify });
  assert.equal(result.errorCode, 0);
  await page.waitForEvent('roomStateUpdate', (_r, state) => state === CONNECTED);
  return { page, context, user };
}

/** `publisher` publishes `streamID` and `watcher` is told of it. */
async function publishSeenBy(publisher, watcher, streamID) {
  assert.deepEqual(await publish(publisher.page, streamID), { resolved: true });
  await watcher.page.waitForEvent('roomStreamUpdate', (_r, type, list) => type === ADD && list[0]?.streamID === streamID);
}

/** startPublishingStream in the page: {resolved: true} or {rejected: what it rejected with}. */
function publish(page, streamID) {
  return page.evaluate((id) => window.engine.startPublishingStream(id).then(
    () => ({ resolved: true }),
    (e) => ({ rejected: { errorCode: e?.errorCode, extendedData: e?.extendedData } }),
  ), streamID);
}

/** `player` plays `streamID` into its #remote_video and decodes its video and audio. */
async function playDecoding(player, streamID) {
  await player.page.evaluate(async (id) => {
    document.querySelector('#remote_video').srcObject = await window.engine.startPlayingStream(id);
  }, streamID);
  await waitForMedia(player.page, 1);
}

test('a streamID already published: the later publisher gets 1003028, the first keeps its stream and its media keeps flowing', async () => {
  const a = await join({ userID: 'first', userName: 'First' }, 'dup-room');
  const b = await join({ userID: 'second', userName: 'Second' }, 'dup-room');
  const w = await join({ userID: 'watcher', userName: 'Watcher' }, 'dup-room');
  try {
    // A publishes its camera and microphone; the watcher plays them
    await publishSeenBy(a, b, 'dup');
    await w.page.waitForEvent('roomStreamUpdate', (_r, type, list) => type === ADD && list[0]?.streamID === 'dup');
    await playDecoding(w, 'dup');

    const outcome = await publish(b.page, 'dup');
    const framesAtRefusal = framesDecoded(await w.page.getStats());
    assert.equal(outcome.rejected?.errorCode, STREAM_ID_IN_USE, JSON.stringify(outcome));
    assert.equal(typeof outcome.rejected.extendedData, 'string');
    const [, , errorCode] = await b.page.waitForEvent('publisherStateUpdate', (_s, state, code) => state === NO_PUBLISH && code !== 0);
    assert.equal(errorCode, STREAM_ID_IN_USE);
    assert.deepEqual(b.page.eventsNamed('publisherStateUpdate').map((args) => args.slice(0, 3)),
      [['dup', PUBLISH_REQUESTING, 0], ['dup', NO_PUBLISH, STREAM_ID_IN_USE]]);

    // The first publisher's media keeps flowing: the watcher goes on decoding A's video (a second
    // and more of frames after the refusal) and its play never left PLAYING
    await w.page.waitForStats((stats) => framesDecoded(stats) >= framesAtRefusal + 15, { timeout: 20_000 });
    assert.deepEqual(w.page.eventsNamed('playerStateUpdate').map((args) => args.slice(0, 3)),
      [['dup', PlayerState.PLAY_REQUESTING, 0], ['dup', PlayerState.PLAYING, 0]], w.page.describe());

    // The first publisher is untouched: still PUBLISHING, and a user who comes in now finds its stream
    // (this one without isUserStatusNotify: streams yes, users no, as the seed says)
    const c = await join({ userID: 'later', userName: 'Later' }, 'dup-room', { isUserStatusNotify: false });
    try {
      const [, , streams] = await c.page.waitForEvent('roomStreamUpdate', (_r, type) => type === ADD);
      assert.deepEqual(streams, [{ streamID: 'dup', user: a.user, extraInfo: '' }]);
      assert.deepEqual(await a.page.waitForEvent('roomUserUpdate', (_r, type, users) => users[0]?.userID === 'later'),
        ['dup-room', ADD, [c.user]]);
      assert.deepEqual(c.page.eventsNamed('roomUserUpdate'), [], c.page.describe());
      assert.deepEqual(a.page.eventsNamed('publisherStateUpdate').map((args) => args.slice(0, 3)),
        [['dup', PUBLISH_REQUESTING, 0], ['dup', PUBLISHING, 0]]);
      // and plays it: A's camera and microphone, decoded
      await playDecoding(c, 'dup');
      // and nobody was told the stream went away
      for (const page of [a.page, b.page, c.page, w.page]) {
        assert.deepEqual(page.eventsNamed('roomStreamUpdate').filter((args) => args[1] === DELETE), [], page.describe());
      }
    } finally {
      await c.context.close();
    }
  } finally {
    await a.context.close();
    await b.context.close();
    await w.context.close();
  }
});

test('a page closed without logging out: the others see its user and stream deleted (reason 2) when the reconnect window ends', async () => {
  const watcher = await join({ userID: 'watcher', userName: 'Watcher' }, 'kill-room');
  const doomed = await join({ userID: 'doomed', userName: 'Doomed' }, 'kill-room');
  try {
    await publishSeenBy(doomed, watcher, 'doomed-stream');
    const from = watcher.page.events.length;

    const killedAt = Date.now();
    await doomed.context.close();
    const limit = { timeout: (RECONNECT_WINDOW_SECONDS + 20) * 1000, from }; // a safety net: the window is checked below
    const [, , users] = await watcher.page.waitForEvent('roomUserUpdate', (_r, type) => type === DELETE, limit);
    assert.deepEqual(users, [doomed.user]);
    const [, , streams, extendedData] = await watcher.page.waitForEvent('roomStreamUpdate', (_r, type) => type === DELETE, limit);
    const elapsed = Date.now() - killedAt;
    assert.deepEqual(streams, [{ streamID: 'doomed-stream', user: doomed.user, extraInfo: '' }]);
    assert.deepEqual(JSON.parse(extendedData), { stream_delete_reason: [{ streamID: 'doomed-stream', code: HEARTBEAT_TIMEOUT }] });
    // the server held the session for its reconnect window before giving it up
    assert.ok(elapsed >= RECONNECT_WINDOW_SECONDS * 1000 * 0.75, `deleted after ${elapsed} ms, before the window of ${RECONNECT_WINDOW_SECONDS} s`);
    // the watcher itself stayed connected throughout
    assert.deepEqual(watcher.page.eventsNamed('roomStateUpdate').map((args) => args[1]), [CONNECTING, CONNECTED]);
  } finally {
    await doomed.context.close();
    await watcher.context.close();
  }
});
