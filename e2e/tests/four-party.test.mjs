// Four people in one room, each publishing its camera and microphone and playing the other three
// through the SFU: twelve plays, each decoding video and receiving audio. Then they leave one by one
// (logoutRoom, destroyEngine) and the ones still there are told each time. Cameras are 320×240 at
// 15 fps (js/media.mjs's smallCamera): four encoders and twelve decoders share 2 cores.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smallCamera, waitForMedia } from '../js/media.mjs';
import { useCall } from '../js/suite.mjs';
import { PlayerState, PublisherState, RoomState, UpdateType } from '../js/zego.mjs';

const { ADD, DELETE } = UpdateType;
const ROOM = 'four-room';
const NAMES = ['ann', 'ben', 'cid', 'dot'];

const call = useCall();

async function join(userID) {
  const { server } = call;
  const { page, context } = await call.open(`/engine.html?appID=${server.appID}&appSign=${server.appSign}`, userID);
  await page.waitForEvent('pageReady');
  await smallCamera(page);
  const user = { userID, userName: userID.toUpperCase() };
  const result = await page.evaluate(({ user, room }) => window.engine.loginRoom(room, user, { isUserStatusNotify: true }), { user, room: ROOM });
  assert.equal(result.errorCode, 0);
  await page.waitForEvent('roomStateUpdate', (_r, state) => state === RoomState.CONNECTED);
  return { page, context, user, streamID: `${userID}-cam` };
}

/** Every streamID `page` was told of with ADD (one event may carry several). */
function addedStreams(page) {
  return page.eventsNamed('roomStreamUpdate').filter(([, type]) => type === ADD).flatMap(([, , list]) => list.map((s) => s.streamID));
}

test('four publishers in one room each play the other three: 12 plays decode video and receive audio; then all leave cleanly', async () => {
  const people = [];
  try {
    for (const name of NAMES) people.push(await join(name));
    const started = Date.now();
    await Promise.all(people.map(async (p) => {
      await p.page.evaluate((id) => window.engine.startPublishingStream(id), p.streamID);
      await p.page.waitForEvent('publisherStateUpdate', (_s, state) => state === PublisherState.PUBLISHING, { timeout: 20_000 });
    }));

    // Each one plays the three others, each into a <video> of its own
    await Promise.all(people.map(async (p) => {
      const others = people.filter((o) => o !== p).map((o) => o.streamID);
      for (const id of others) {
        await p.page.waitForEvent('roomStreamUpdate', () => addedStreams(p.page).includes(id), { timeout: 20_000 });
      }
      const tracks = await p.page.evaluate((ids) => Promise.all(ids.map(async (id) => {
        const stream = await window.engine.startPlayingStream(id);
        const video = Object.assign(document.createElement('video'), { id: `play-${id}`, muted: true, autoplay: true, playsInline: true, srcObject: stream });
        video.style.width = '160px';
        document.body.append(video);
        return stream.getTracks().map((t) => t.kind).sort().join('+');
      })), others);
      assert.deepEqual(tracks, ['audio+video', 'audio+video', 'audio+video'], p.page.describe());
    }));

    // 12 plays: every page decodes three videos and receives three audios
    const perPage = await Promise.all(people.map(async (p) => {
      const stats = await waitForMedia(p.page, 3, { timeout: 30_000 });
      const inbound = stats.flatMap((pc) => pc.inbound);
      const sent = stats.flatMap((pc) => pc.outbound).find((s) => s.kind === 'video');
      assert.ok(sent?.frameWidth <= 320, `the small camera: ${JSON.stringify(sent)}`);
      return { video: inbound.filter((s) => s.kind === 'video' && s.framesDecoded > 0).length, audio: inbound.filter((s) => s.kind === 'audio' && s.packetsReceived > 0).length };
    }));
    console.log(`[four-party] 12 plays decoding ${Date.now() - started} ms after the first publish`);
    assert.deepEqual(perPage, NAMES.map(() => ({ video: 3, audio: 3 })));
    for (const p of people) {
      const playing = p.page.eventsNamed('playerStateUpdate').filter(([, state]) => state === PlayerState.PLAYING).map(([id]) => id).sort();
      assert.deepEqual(playing, people.filter((o) => o !== p).map((o) => o.streamID).sort(), p.page.describe());
    }

    // They leave one by one: the others get the user's and the stream's DELETE, and their play stops
    for (const [i, leaver] of people.entries()) {
      const stay = people.slice(i + 1);
      const marks = stay.map((p) => p.page.events.length);
      const result = await leaver.page.evaluate((room) => window.engine.logoutRoom(room), ROOM);
      assert.equal(result?.errorCode ?? 0, 0);
      await leaver.page.waitForEvent('roomStateUpdate', (_r, state) => state === RoomState.DISCONNECTED);
      await leaver.page.evaluate(() => window.ZegoExpressEngine.destroyEngine());
      await Promise.all(stay.map(async (p, j) => {
        const from = marks[j];
        await p.page.waitForEvent('roomUserUpdate', (_r, type, users) => type === DELETE && users[0]?.userID === leaver.user.userID, { from });
        await p.page.waitForEvent('roomStreamUpdate', (_r, type, list) => type === DELETE && list[0]?.streamID === leaver.streamID, { from });
        await p.page.waitForEvent('playerStateUpdate', (id, state) => id === leaver.streamID && state === PlayerState.NO_PLAY, { from });
      }));
    }
    for (const p of people) {
      assert.deepEqual(p.page.console.filter((l) => l.startsWith('[pageerror]')), [], p.page.describe());
      // nobody lost the room on the way: CONNECTING, CONNECTED, then the DISCONNECTED of its own logout
      assert.deepEqual(p.page.eventsNamed('roomStateUpdate').map(([, state]) => state),
        [RoomState.CONNECTING, RoomState.CONNECTED, RoomState.DISCONNECTED], p.page.describe());
    }
  } finally {
    for (const p of people) await p.context.close();
  }
});
