import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ExpressEngine } from '../src/index.js';
import { FakeClock, FakeServer, flush, record } from './fakes.js';
import { FakeMedia, FakeStream, FakeTrack } from './fake-media.js';
import { APP_ID, APP_SIGN, ROOM, USER } from './helpers.js';

afterEach(() => ExpressEngine.destroyEngine());

async function mediaRig() {
  const server = new FakeServer();
  const media = new FakeMedia();
  const clock = new FakeClock();
  await ExpressEngine.createEngineWithProfile(
    { appID: APP_ID, appSign: APP_SIGN, server: 'ws://parley.test/ws' },
    { webSocket: server.factory, clock, media: media.env },
  );
  const engine = ExpressEngine.instance();
  await engine.loginRoom(ROOM, USER, { isUserStatusNotify: true });
  await flush();
  return { server, media, engine, clock };
}

test('publish sends the peer connection\'s offer as sdp and applies the answer; the preview\'s capture is reused', async () => {
  const { server, media, engine } = await mediaRig();
  server.handlers.publish = (socket, msg) => {
    socket.respond(msg, { streamID: msg.streamID, sdp: 'server-answer' });
    return true;
  };
  const states = record(engine, 'publisherStateUpdate');
  const video = { muted: false, srcObject: null as unknown, play: () => Promise.resolve() };
  await engine.startPreview(video as unknown as HTMLVideoElement);
  assert.equal(video.muted, true);
  assert.equal(video.srcObject, media.captures[0]);
  await engine.startPublishingStream('s1');
  assert.equal(media.captures.length, 1, 'the preview\'s capture is published, not a second one');
  const pc = media.pcs[0];
  assert.deepEqual(pc.transceivers.map((t) => [t.track.kind, t.direction]), [['audio', 'sendonly'], ['video', 'sendonly']]);
  assert.equal(server.ofType('publish')[0].sdp, 'fake-offer-1');
  assert.deepEqual(pc.remote, [{ type: 'answer', sdp: 'server-answer' }]);
  assert.deepEqual(states.map((s) => s[2]), [1, 2]);

  engine.mutePublishStreamAudio(true);
  assert.equal(media.captures[0].tracks[0].enabled, false);
  assert.equal(media.captures[0].tracks[1].enabled, true);

  await engine.stopPublishingStream();
  assert.equal(pc.closed, true);
  assert.equal(media.captures[0].tracks[1].stopped, false, 'the preview still shows the camera');
  engine.stopPreview();
  assert.equal(media.captures[0].tracks[1].stopped, true, 'the last user frees the camera');
});

test('publishing without a preview captures itself; destroyEngine frees camera and microphone', async () => {
  const { media, engine } = await mediaRig();
  await engine.startPublishingStream('s1');
  assert.equal(media.captures.length, 1);
  await ExpressEngine.destroyEngine();
  assert.deepEqual(media.captures[0].tracks.map((t) => t.stopped), [true, true]);
});

test('a play answers each subscriberOffer in order on one peer connection and resolves to the stream its tracks arrive in', async () => {
  const { server, media, engine } = await mediaRig();
  server.handlers.play = (socket, msg) => {
    socket.respond(msg, { streamID: msg.streamID, state: 'PLAYING' });
    return true;
  };
  const states = record(engine, 'playerStateUpdate');
  const playing = engine.startPlayingStream('s2');
  await flush();
  server.last.event('subscriberOffer', { sdp: 'offer-1', version: 1 });
  server.last.event('subscriberOffer', { sdp: 'offer-2', version: 2 });
  await flush();
  assert.equal(media.pcs.length, 1);
  const pc = media.pcs[0];
  assert.deepEqual(pc.remote.map((d) => d.sdp), ['offer-1', 'offer-2']);
  assert.deepEqual(server.ofType('subscriberAnswer').map((m) => [m.sdp, m.version]),
    [['fake-answer-to-offer-1', 1], ['fake-answer-to-offer-2', 2]]);
  const audio = new FakeTrack('audio');
  const remote = new FakeStream('s2', [audio, new FakeTrack('video')]);
  pc.fireTrack(new FakeTrack('video'), new FakeStream('other', []));
  pc.fireTrack(audio, remote);
  assert.equal(await playing, remote);
  engine.mutePlayStreamAudio('s2', true);
  assert.equal(audio.enabled, false);

  // The stream ends: the server puts the play back to waiting, which the app sees as NO_PLAY.
  server.last.event('playerStateUpdate', { streamID: 's2', state: 'PLAY_REQUESTING', errorCode: 0 });
  await flush();
  assert.deepEqual(states.map((s) => [s[1], s[2]]), [['s2', 1], ['s2', 2], ['s2', 0]]);
  engine.stopPlayingStream('s2');
  await flush();
  assert.deepEqual(server.ofType('stopPlay').map((m) => m.streamID), ['s2']);
});

test('a refused play rejects with the server\'s code and reports NO_PLAY', async () => {
  const { server, engine } = await mediaRig();
  server.handlers.play = (socket, msg) => {
    socket.respond(msg, {}, 1004002);
    return true;
  };
  const states = record(engine, 'playerStateUpdate');
  await assert.rejects(engine.startPlayingStream('s9'), { errorCode: 1004002 });
  assert.deepEqual(states.map((s) => [s[2], s[3]]), [[1, 0], [0, 1004002]]);
});

test('quality every 3 s from getStats: rates from byte deltas, loss and rtt, and ZEGO\'s level', async () => {
  const { server, media, engine, clock } = await mediaRig();
  server.handlers.publish = (socket, msg) => {
    socket.respond(msg, { streamID: msg.streamID, sdp: 'server-answer' });
    return true;
  };
  server.handlers.play = (socket, msg) => {
    socket.respond(msg, { streamID: msg.streamID, state: 'PLAYING' });
    return true;
  };
  const calls = record(engine, 'publisherQualityUpdate', 'playerQualityUpdate');
  await engine.startPublishingStream('s1');
  const pub = media.pcs[0];
  pub.stats = [
    { type: 'outbound-rtp', kind: 'video', bytesSent: 375_000, framesPerSecond: 30 },
    { type: 'outbound-rtp', kind: 'audio', bytesSent: 15_000 },
    { type: 'remote-inbound-rtp', kind: 'video', fractionLost: 0.02, roundTripTime: 0.05 },
  ];
  const playing = engine.startPlayingStream('s2');
  await flush();
  server.last.event('subscriberOffer', { sdp: 'offer-1', version: 1 });
  await flush();
  const sub = media.pcs[1];
  const video = new FakeTrack('video', 'v2');
  sub.fireTrack(video, new FakeStream('s2', [video]));
  await playing;
  sub.stats = [
    { type: 'inbound-rtp', kind: 'video', trackIdentifier: 'v2', bytesReceived: 750_000, packetsReceived: 900, packetsLost: 100, framesPerSecond: 25 },
    { type: 'inbound-rtp', kind: 'video', trackIdentifier: 'someone-else', bytesReceived: 1, packetsReceived: 1, packetsLost: 0 },
    { type: 'candidate-pair', nominated: true, currentRoundTripTime: 0.002 },
  ];
  await clock.advance(3000);
  const pubQ = calls.find((c) => c[0] === 'publisherQualityUpdate');
  assert.deepEqual(pubQ, ['publisherQualityUpdate', 's1', {
    videoSendFPS: 30, videoKBPS: 1000, audioKBPS: 40, rtt: 50, packetLostRate: 0.02, level: 1, totalSendBytes: 390_000,
  }]);
  const playQ = calls.find((c) => c[0] === 'playerQualityUpdate');
  assert.deepEqual(playQ, ['playerQualityUpdate', 's2', {
    videoRecvFPS: 25, videoDecodeFPS: 25, videoKBPS: 2000, audioKBPS: 0, rtt: 2, packetLostRate: 0.1, level: 4, totalRecvBytes: 750_000,
  }]);
  // Nothing moved in the next 3 s: DIE; and stopping ends the reports.
  await clock.advance(3000);
  const lastPub = calls.filter((c) => c[0] === 'publisherQualityUpdate').at(-1)?.[2] as { level: number; videoKBPS: number };
  assert.deepEqual([lastPub.level, lastPub.videoKBPS], [4, 0]);
  await engine.stopPublishingStream();
  engine.stopPlayingStream('s2');
  const before = calls.length;
  await clock.advance(9000);
  assert.equal(calls.length, before);
});
