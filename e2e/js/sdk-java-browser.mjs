// The browser side of the Java SDK's interop tests (sdk-java, io.parley.sdk.interop): one headless
// Chromium page with the Web SDK, served by the Parley server under test, logged in to a room. The
// scripts sdk-java-play.mjs and sdk-java-publish.mjs build on it. They talk to the Java test on
// stdout, one line each (everything else goes to stderr, so stdout stays parseable):
//   "READY"           the page's engine is logged in (roomStateUpdate CONNECTED)
//   "<WORD> <json>"   what the script reports (PUBLISHING, REQUESTED, PLAYING, RESULT)
//   "ERROR <text>"    the script failed; it exits non-zero after it
import { parseArgs } from 'node:util';
import { launch } from './chromium.mjs';
import { openPage, startPageServer } from './pages.mjs';
import { RoomState } from './zego.mjs';

/**
 * The command line every interop script takes:
 * --server http://host:port --app-id N --app-sign HEX --room R --user U --stream S [--seconds N]
 * [--width W --height H --fps F] (the fake camera's capture, for the publisher).
 */
export function interopArgs(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string' }, 'app-id': { type: 'string' }, 'app-sign': { type: 'string' },
      room: { type: 'string' }, user: { type: 'string' }, stream: { type: 'string' },
      seconds: { type: 'string', default: '20' },
      width: { type: 'string', default: '320' }, height: { type: 'string', default: '240' }, fps: { type: 'string', default: '30' },
    },
  });
  for (const name of ['server', 'app-id', 'app-sign', 'room', 'user', 'stream']) {
    if (!values[name]) throw new Error(`missing --${name}`);
  }
  return {
    server: values.server.replace(/\/$/, ''),
    appID: Number(values['app-id']),
    appSign: values['app-sign'],
    roomID: values.room,
    userID: values.user,
    streamID: values.stream,
    seconds: Number(values.seconds),
    camera: { width: Number(values.width), height: Number(values.height), frameRate: Number(values.fps) },
  };
}

/** One line to the Java test. */
export function report(word, value) {
  process.stdout.write(value === undefined ? `${word}\n` : `${word} ${JSON.stringify(value)}\n`);
}

/**
 * Runs `body(page, args)` in a fresh Chromium whose engine page is logged in as `args.userID` to
 * `args.roomID` of the server named by the command line (AppSign login), after printing READY; then
 * logs out and closes everything. A failure prints ERROR and exits 1, with the page's events on stderr.
 */
export async function withLoggedInPage(body) {
  let args;
  let page;
  let pages;
  let browser;
  let failed = false;
  try {
    args = interopArgs();
    pages = await startPageServer({ PARLEY: args.server });
    browser = await launch();
    page = await openPage(browser.context, pages.url(`/engine.html?appID=${args.appID}&appSign=${args.appSign}`), args.userID);
    page.page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));
    // The server's answers to play requests, as page events "playAnswer" [streamID, state]: the
    // proof a script needs that the server has a play (PLAYING, or PLAY_REQUESTING while it waits).
    page.page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => {
      let m;
      try { m = JSON.parse(String(payload)); } catch { return; }
      if (m && m.event === undefined && typeof m.streamID === 'string' && typeof m.state === 'string') page.record('playAnswer', [m.streamID, m.state]);
    }));
    await page.waitForEvent('pageReady');
    const login = await page.evaluate(({ roomID, userID }) => window.engine.loginRoom(roomID, { userID, userName: userID }, { isUserStatusNotify: true }),
      { roomID: args.roomID, userID: args.userID });
    if (login?.errorCode !== 0) throw new Error(`loginRoom: ${JSON.stringify(login)}`);
    await page.waitForEvent('roomStateUpdate', (_r, state) => state === RoomState.CONNECTED);
    report('READY');
    await body(page, args);
    await page.evaluate(() => window.engine.logoutRoom()).catch(() => {});
  } catch (e) {
    failed = true;
    report('ERROR', String(e?.stack ?? e).split('\n')[0]);
    process.stderr.write(`${e?.stack ?? e}\n${page ? page.describe() : ''}\n`);
  } finally {
    await browser?.close();
    await pages?.close();
  }
  process.exit(failed ? 1 : 0);
}

/** The page's inbound and outbound RTP figures from getStats(), with audio's totalSamplesReceived, summed over its peer connections. */
export function mediaFigures(page) {
  return page.evaluate(async () => {
    const f = {
      framesDecoded: 0, frameWidth: 0, frameHeight: 0, videoPacketsReceived: 0,
      audioPacketsReceived: 0, totalSamplesReceived: 0, audioPacketsLost: 0,
      framesEncoded: 0, framesSent: 0, videoPacketsSent: 0, audioPacketsSent: 0, codecs: [],
    };
    for (const pc of window.__parleyPeerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') {
          f.framesDecoded += s.framesDecoded ?? 0;
          f.videoPacketsReceived += s.packetsReceived ?? 0;
          f.frameWidth = Math.max(f.frameWidth, s.frameWidth ?? 0);
          f.frameHeight = Math.max(f.frameHeight, s.frameHeight ?? 0);
        } else if (s.type === 'inbound-rtp' && s.kind === 'audio') {
          f.audioPacketsReceived += s.packetsReceived ?? 0;
          f.totalSamplesReceived += s.totalSamplesReceived ?? 0;
          f.audioPacketsLost += s.packetsLost ?? 0;
        } else if (s.type === 'outbound-rtp' && s.kind === 'video') {
          f.framesEncoded += s.framesEncoded ?? 0;
          f.framesSent += s.framesSent ?? 0;
          f.videoPacketsSent += s.packetsSent ?? 0;
        } else if (s.type === 'outbound-rtp' && s.kind === 'audio') {
          f.audioPacketsSent += s.packetsSent ?? 0;
        } else if (s.type === 'codec' && !f.codecs.includes(s.mimeType)) {
          f.codecs.push(s.mimeType);
        }
      });
    }
    return f;
  });
}
