// The first real call: B previews and publishes its fake camera and microphone, A plays B's stream
// through Parley's SFU (publisher transport: B offers; subscriber transport: the server offers) and
// decodes it; then B stops and A is told (roomStreamUpdate DELETE, playerStateUpdate NO_PLAY). Then
// the same call with VP8 and with H.264 forced by setCodecPreferences on B's side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useCall } from '../js/suite.mjs';
import { PlayerState, PublisherState, RoomState, UpdateType } from '../js/zego.mjs';

const call = useCall();

async function join(userID, roomID) {
  const { server } = call;
  const { page, context } = await call.open(`/engine.html?appID=${server.appID}&appSign=${server.appSign}`, userID);
  await page.waitForEvent('pageReady');
  const user = { userID, userName: userID };
  const result = await page.evaluate(({ user, roomID }) => window.engine.loginRoom(roomID, user, { isUserStatusNotify: true }), { user, roomID });
  assert.equal(result.errorCode, 0);
  await page.waitForEvent('roomStateUpdate', (_r, state) => state === RoomState.CONNECTED);
  return { page, context, user };
}

/** B forces `mime` (e.g. 'video/H264') first in its publisher's codec list, as an app may with setCodecPreferences. */
async function preferCodec(page, mime) {
  await page.evaluate((mime) => {
    const add = RTCPeerConnection.prototype.addTransceiver;
    RTCPeerConnection.prototype.addTransceiver = function (track, init) {
      const t = add.call(this, track, init);
      if (track?.kind === 'video' && init?.direction === 'sendonly') {
        const codecs = RTCRtpSender.getCapabilities('video').codecs;
        const wanted = codecs.filter((c) => c.mimeType === mime
          && (mime !== 'video/H264' || /packetization-mode=1/.test(c.sdpFmtpLine) && /profile-level-id=42e01f/.test(c.sdpFmtpLine)));
        t.setCodecPreferences([...wanted, ...codecs.filter((c) => !wanted.includes(c))]);
      }
      return t;
    };
  }, mime);
}

/** The harness's page records the room and state events; the quality events are logged here. */
function recordQuality(page) {
  return page.evaluate(() => {
    for (const name of ['publisherQualityUpdate', 'playerQualityUpdate']) {
      window.engine.on(name, (...args) => window.parleyEvent(name, JSON.parse(JSON.stringify(args))));
    }
  });
}

async function callOnce(roomID, streamID, mime, { quality = false } = {}) {
  const a = await join(`a-${streamID}`, roomID);
  const b = await join(`b-${streamID}`, roomID);
  try {
    if (quality) {
      await recordQuality(a.page);
      await recordQuality(b.page);
    }
    if (mime) await preferCodec(b.page, mime);
    await b.page.evaluate(() => window.engine.startPreview(document.querySelector('#local_video')));
    await b.page.evaluate((id) => window.engine.startPublishingStream(id), streamID);
    await b.page.waitForEvent('publisherStateUpdate', (_s, state) => state === PublisherState.PUBLISHING);
    await a.page.waitForEvent('roomStreamUpdate', (_r, type, list) => type === UpdateType.ADD && list[0]?.streamID === streamID);

    const started = Date.now();
    const tracks = await a.page.evaluate(async (id) => {
      const stream = await window.engine.startPlayingStream(id);
      document.querySelector('#remote_video').srcObject = stream;
      return stream.getTracks().map((t) => t.kind).sort();
    }, streamID);
    assert.ok(tracks.includes('audio') || tracks.includes('video'), JSON.stringify(tracks));
    const stats = await a.page.waitForStats((pcs) => pcs.some((pc) =>
      pc.inbound.some((s) => s.kind === 'video' && s.framesDecoded > 0)
      && pc.inbound.some((s) => s.kind === 'audio' && s.packetsReceived > 0)), { timeout: 20_000 });
    const firstFrameMs = Date.now() - started;
    const codec = await a.page.evaluate(async () => {
      for (const pc of window.__parleyPeerConnections ?? []) {
        const report = await pc.getStats();
        for (const s of report.values()) if (s.type === 'codec' && s.mimeType?.startsWith('video/')) return s.mimeType;
      }
      return '';
    });
    console.log(`[media-call] ${mime ?? 'default'}: first decoded frame ${firstFrameMs} ms after startPlayingStream; codec ${codec}`);
    if (mime) assert.equal(codec.toLowerCase(), mime.toLowerCase(), JSON.stringify(stats));
    await a.page.waitForEvent('playerStateUpdate', (id, state) => id === streamID && state === PlayerState.PLAYING);
    if (quality) {
      // Every 3 s from getStats: the player sees video arrive, the publisher sees it leave.
      const [, played] = await a.page.waitForEvent('playerQualityUpdate', (id, q) => id === streamID && q.videoKBPS > 0, { timeout: 20_000 });
      const [, published] = await b.page.waitForEvent('publisherQualityUpdate', (id, q) => id === streamID && q.videoKBPS > 0, { timeout: 20_000 });
      console.log(`[media-call] quality: played ${JSON.stringify(played)}; published ${JSON.stringify(published)}`);
      // The level depends on the machine's load (rtt from the ICE checks), so only its range is checked.
      for (const q of [played, published]) assert.ok(Number.isInteger(q.level) && q.level >= 0 && q.level <= 4, JSON.stringify(q));
      assert.ok(played.videoDecodeFPS > 0 && published.videoSendFPS > 0 && played.audioKBPS > 0, JSON.stringify({ played, published }));
    }

    await b.page.evaluate(() => window.engine.stopPublishingStream());
    await a.page.waitForEvent('roomStreamUpdate', (_r, type, list) => type === UpdateType.DELETE && list[0]?.streamID === streamID);
    await a.page.waitForEvent('playerStateUpdate', (id, state) => id === streamID && state === PlayerState.NO_PLAY);
  } finally {
    await a.context.close();
    await b.context.close();
  }
}

test('B publishes its camera and microphone, A plays and decodes them, both report quality; B stops: A gets DELETE and NO_PLAY', async () => {
  await callOnce('call-room', 'b-cam', undefined, { quality: true });
});

test('the call with VP8 forced by setCodecPreferences', async () => {
  await callOnce('vp8-room', 'b-vp8', 'video/VP8');
});

test('the call with H.264 (constrained baseline, packetization-mode 1) forced by setCodecPreferences', async () => {
  await callOnce('h264-room', 'b-h264', 'video/H264');
});

test('A plays two streams over one subscriber connection (one handshake); one ends, the other goes on', async () => {
  const roomID = 'two-room';
  const a = await join('a-two', roomID);
  const b = await join('b-two', roomID);
  const c = await join('c-two', roomID);
  try {
    for (const [p, id] of [[b, 'two-b'], [c, 'two-c']]) {
      await p.page.evaluate((id) => window.engine.startPublishingStream(id), id);
      await a.page.waitForEvent('roomStreamUpdate', (_r, type, list) => type === UpdateType.ADD && list[0]?.streamID === id);
    }
    const started = Date.now();
    await a.page.evaluate(() => window.engine.startPlayingStream('two-b'));
    const firstPlay = Date.now() - started;
    const second = Date.now();
    await a.page.evaluate(() => window.engine.startPlayingStream('two-c'));
    const secondPlay = Date.now() - second;
    const decodingBoth = (pcs) => pcs.filter((pc) => pc.inbound.length > 0).length === 1
      && pcs.find((pc) => pc.inbound.length > 0).inbound.filter((s) => s.kind === 'video' && s.framesDecoded > 0).length === 2;
    const both = await a.page.waitForStats(decodingBoth, { timeout: 20_000 });
    assert.equal(both.filter((pc) => pc.inbound.length > 0).length, 1, 'one subscriber peer connection carries both plays');
    console.log(`[media-call] two plays: first track after ${firstPlay} ms, second after ${secondPlay} ms (no new handshake)`);

    await b.page.evaluate(() => window.engine.stopPublishingStream());
    await a.page.waitForEvent('playerStateUpdate', (id, state) => id === 'two-b' && state === PlayerState.NO_PLAY);
    const framesOfC = async () => {
      const [stats] = (await a.page.getStats()).filter((pc) => pc.inbound.length > 0);
      // B's count stands still once it ended, so what grows is C's.
      return stats.inbound.filter((s) => s.kind === 'video').reduce((sum, s) => sum + s.framesDecoded, 0);
    };
    const before = await framesOfC();
    // Polled, not one look after a fixed sleep: a loaded browser decodes late, not never.
    const since = Date.now();
    let now = await framesOfC();
    while (now <= before + 5 && Date.now() - since < 15_000) {
      await a.page.sleep(250);
      now = await framesOfC();
    }
    assert.ok(now > before + 5, `C still plays after B ended: ${before} frames of C then, ${now} ${Date.now() - since} ms later`);
  } finally {
    for (const p of [a, b, c]) await p.context.close();
  }
});
