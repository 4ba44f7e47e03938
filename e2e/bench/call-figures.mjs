// The first call's figures, measured against the packaged server jar with the e2e harness (a
// benchmark, not a test: nothing is asserted, the figures are printed and written as JSON):
//   (a) loginRoom called -> roomStateUpdate CONNECTED, p50/p95 over RUNS runs;
//   (b) startPlayingStream called -> first decoded video frame (getStats framesDecoded rising, polled
//       every 5 ms in the page; requestVideoFrameCallback's first frame is reported beside it), p50/p95;
//   (c) USERS users each publishing and playing all the others: the server JVM's CPU time
//       (/proc/PID/stat utime+stime) over a WINDOW_S window divided by parley_media_rtp_forwarded_packets
//       over the same window, with forwarded packets/s and the browsers' framesDecoded rate.
// Usage (from e2e/, after `mvn -B -o -q -pl server -am package -DskipTests` and `npm ci`):
//   node bench/call-figures.mjs [--runs 20] [--users 4] [--window 20] [--out call-figures.json]
// Loopback only; browsers and server share the machine's cores, so (c) is a figure for this machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { launchBrowser } from '../js/chromium.mjs';
import { openPage, startPageServer } from '../js/pages.mjs';
import { startServer } from '../js/server.mjs';
import { PublisherState, RoomState, UpdateType } from '../js/zego.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const RUNS = Number(option('runs', 20));
const USERS = Number(option('users', 4));
const WINDOW_S = Number(option('window', 20));
const OUT = option('out', 'call-figures.json');

const progress = (msg) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

function percentile(values, p) {
  const s = [...values].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const summary = (v) => ({ runs: v.length, p50: percentile(v, 50), p95: percentile(v, 95), min: Math.min(...v), max: Math.max(...v), values: v });

/** utime + stime of a process in seconds (fields 14 and 15 of /proc/PID/stat, in clock ticks). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

async function metrics(server) {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
  const get = (name) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : NaN;
  };
  return {
    forwarded: get('parley_media_rtp_forwarded_packets_total'),
    received: get('parley_media_rtp_received_packets_total'),
    forwardedBytes: get('parley_media_rtp_forwarded_bytes_total'),
  };
}

async function join(open, server, userID, roomID) {
  const { page, context } = await open(`/engine.html?appID=${server.appID}&appSign=${server.appSign}`, userID);
  await page.waitForEvent('pageReady');
  const r = await page.evaluate(({ userID, roomID }) => window.engine.loginRoom(roomID, { userID, userName: userID }), { userID, roomID });
  if (r.errorCode !== 0) throw new Error(`login of ${userID}: ${JSON.stringify(r)}`);
  await page.waitForEvent('roomStateUpdate', (_r, s) => s === RoomState.CONNECTED);
  return { page, context };
}

async function publish(page, streamID) {
  await page.evaluate(() => window.engine.startPreview(document.querySelector('#local_video')));
  await page.evaluate((id) => window.engine.startPublishingStream(id), streamID);
  await page.waitForEvent('publisherStateUpdate', (id, state) => id === streamID && state === PublisherState.PUBLISHING);
}

/** (a): loginRoom -> CONNECTED on one page, logging out between runs. Timed in node from the call to the event's arrival. */
async function joinTimes(open, server) {
  const { page, context } = await open(`/engine.html?appID=${server.appID}&appSign=${server.appSign}`, 'joiner');
  await page.waitForEvent('pageReady');
  const times = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const roomID = `join-${i}`;
      const from = page.events.length;
      const t0 = Date.now();
      const call = page.evaluate(({ roomID }) => window.engine.loginRoom(roomID, { userID: 'joiner', userName: 'joiner' }), { roomID });
      await page.waitForEvent('roomStateUpdate', (r, s) => r === roomID && s === RoomState.CONNECTED, { from });
      const at = page.events.slice(from).find((e) => e.name === 'roomStateUpdate' && e.args[0] === roomID && e.args[1] === RoomState.CONNECTED).at;
      times.push(at - t0);
      await call;
      const out = page.events.length;
      await page.evaluate((id) => window.engine.logoutRoom(id), roomID);
      await page.waitForEvent('roomStateUpdate', (r, s) => r === roomID && s === RoomState.DISCONNECTED, { from: out });
      progress(`(a) join ${i + 1}/${RUNS}: ${times.at(-1)} ms`);
    }
  } finally {
    await context.close();
  }
  return times;
}

/** (b): a publisher B; A plays B's stream, stops, plays again. Timed in the page. */
async function firstFrameTimes(open, server) {
  const b = await join(open, server, 'ff-b', 'ff-room');
  const a = await join(open, server, 'ff-a', 'ff-room');
  const times = [];
  const rvfc = [];
  try {
    await publish(b.page, 'ff-stream');
    await a.page.waitForEvent('roomStreamUpdate', (_r, type, list) => type === UpdateType.ADD && list.some((s) => s.streamID === 'ff-stream'));
    for (let i = 0; i < RUNS; i++) {
      const r = await a.page.evaluate(async (id) => {
        const decoded = async () => {
          let n = 0;
          for (const pc of window.__parleyPeerConnections ?? []) {
            (await pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'video') n += s.framesDecoded ?? 0; });
          }
          return n;
        };
        const before = await decoded();
        const video = document.querySelector('#remote_video');
        const t0 = performance.now();
        const stream = await window.engine.startPlayingStream(id);
        video.srcObject = stream;
        const painted = new Promise((res) => video.requestVideoFrameCallback(() => res(performance.now() - t0)));
        const deadline = t0 + 20_000;
        let decodedMs = null;
        while (performance.now() < deadline) {
          if (await decoded() > before) { decodedMs = performance.now() - t0; break; }
          await new Promise((res) => setTimeout(res, 5));
        }
        const paintedMs = await Promise.race([painted, new Promise((res) => setTimeout(() => res(null), 2000))]);
        return { decodedMs, paintedMs };
      }, 'ff-stream');
      if (r.decodedMs == null) throw new Error(`(b) run ${i + 1}: no frame decoded in 20 s`);
      times.push(Math.round(r.decodedMs));
      if (r.paintedMs != null) rvfc.push(Math.round(r.paintedMs));
      progress(`(b) first frame ${i + 1}/${RUNS}: ${times.at(-1)} ms decoded, ${r.paintedMs == null ? '-' : Math.round(r.paintedMs)} ms painted`);
      await a.page.evaluate((id) => {
        window.engine.stopPlayingStream(id);
        document.querySelector('#remote_video').srcObject = null;
      }, 'ff-stream');
      await a.page.sleep(500);
    }
  } finally {
    await a.context.close();
    await b.context.close();
  }
  return { times, rvfc };
}

/** (c): USERS users each publishing and playing the others; CPU per forwarded packet over WINDOW_S. */
async function meshLoad(open, server) {
  const users = [];
  try {
    for (let i = 0; i < USERS; i++) {
      users.push(await join(open, server, `mesh-${i}`, 'mesh-room'));
      progress(`(c) user ${i + 1}/${USERS} joined`);
    }
    for (let i = 0; i < USERS; i++) await publish(users[i].page, `mesh-${i}`);
    progress(`(c) ${USERS} streams published`);
    for (let i = 0; i < USERS; i++) {
      for (let j = 0; j < USERS; j++) {
        if (i === j) continue;
        await users[i].page.evaluate(async (id) => {
          const stream = await window.engine.startPlayingStream(id);
          const v = document.createElement('video');
          Object.assign(v, { autoplay: true, muted: true, playsInline: true, srcObject: stream });
          document.body.append(v);
        }, `mesh-${j}`);
      }
    }
    const decodedIn = async (u) => (await u.page.getStats()).flatMap((pc) => pc.inbound)
      .filter((s) => s.kind === 'video').reduce((n, s) => n + (s.framesDecoded ?? 0), 0);
    // A play that never decodes is reported (playsDecoding), not fatal: the figures are for what flows.
    const decodingVideos = async (u) => (await u.page.getStats()).flatMap((pc) => pc.inbound)
      .filter((s) => s.kind === 'video' && s.framesDecoded > 0).length;
    const waitUntil = Date.now() + 20_000;
    while (Date.now() < waitUntil && (await Promise.all(users.map(decodingVideos))).some((n) => n < USERS - 1)) {
      await new Promise((res) => setTimeout(res, 500));
    }
    const playsDecoding = (await Promise.all(users.map(decodingVideos))).reduce((a, b) => a + b, 0);
    progress(`(c) ${playsDecoding} of ${USERS * (USERS - 1)} plays decode video; 5 s warm-up, then a ${WINDOW_S} s window`);
    await new Promise((res) => setTimeout(res, 5000));
    const m0 = await metrics(server);
    const cpu0 = cpuSeconds(server.pid);
    const f0 = await Promise.all(users.map(decodedIn));
    const t0 = Date.now();
    for (let s = 5; s <= WINDOW_S; s += 5) {
      await new Promise((res) => setTimeout(res, Math.min(5, WINDOW_S - s + 5) * 1000));
      progress(`(c) window ${Math.min(s, WINDOW_S)}/${WINDOW_S} s`);
    }
    const m1 = await metrics(server);
    const cpu1 = cpuSeconds(server.pid);
    const f1 = await Promise.all(users.map(decodedIn));
    const seconds = (Date.now() - t0) / 1000;
    const forwarded = m1.forwarded - m0.forwarded;
    const cpu = cpu1 - cpu0;
    const inboundVideo = await Promise.all(users.map(async (u) => (await u.page.getStats()).flatMap((pc) => pc.inbound)
      .filter((s) => s.kind === 'video').map((s) => ({ ssrc: s.ssrc, packetsReceived: s.packetsReceived, framesDecoded: s.framesDecoded ?? 0 }))));
    return {
      users: USERS,
      playsDecodingAtStart: playsDecoding,
      plays: USERS * (USERS - 1),
      inboundVideoAtEnd: inboundVideo,
      windowSeconds: seconds,
      serverCpuSeconds: cpu,
      serverCpuShareOfOneCore: cpu / seconds,
      forwardedPackets: forwarded,
      forwardedPacketsPerSecond: forwarded / seconds,
      receivedPacketsPerSecond: (m1.received - m0.received) / seconds,
      forwardedMbitPerSecond: ((m1.forwardedBytes - m0.forwardedBytes) * 8) / seconds / 1e6,
      cpuMicrosPerForwardedPacket: (cpu * 1e6) / forwarded,
      framesDecodedPerSecondPerUser: f1.map((f, i) => (f - f0[i]) / seconds),
      // over the plays that decode at all
      framesDecodedPerSecondPerPlayedStream: f1.reduce((n, f, i) => n + f - f0[i], 0) / seconds / Math.max(1, playsDecoding),
    };
  } finally {
    for (const u of users) await u.context.close();
  }
}

const started = new Date();
progress(`call figures: ${RUNS} runs, ${USERS} users, ${WINDOW_S} s window; starting the server jar, a page server and Chromium`);
const server = await startServer();
const pages = await startPageServer({ PARLEY: server.httpUrl });
const browser = await launchBrowser();
const open = async (path, name) => {
  const context = await browser.newContext();
  return { context, page: await openPage(context, pages.url(path), name) };
};
let result;
try {
  if (!server.pid) throw new Error('startServer() gave no pid: js/server.mjs must return the java process id');
  const joins = await joinTimes(open, server);
  const firstFrame = await firstFrameTimes(open, server);
  // The server's CPU with no media (sessions gone, timers and GC only), to tell the fixed cost from the per-packet one.
  progress('(c) idle baseline: 10 s with no call');
  const idle0 = cpuSeconds(server.pid);
  const idleStart = Date.now();
  await new Promise((res) => setTimeout(res, 10_000));
  const idleShare = (cpuSeconds(server.pid) - idle0) / ((Date.now() - idleStart) / 1000);
  const mesh = await meshLoad(open, server);
  mesh.idleCpuShareOfOneCore = idleShare;
  mesh.cpuMicrosPerForwardedPacketNetOfIdle = ((mesh.serverCpuShareOfOneCore - idleShare) * 1e6) / mesh.forwardedPacketsPerSecond;
  result = {
    date: started.toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), java: spawnSync('java', ['-version']).stderr.toString().split('\n')[0], chromium: spawnSync('/usr/bin/chromium', ['--version']).stdout.toString().trim() },
    command: `node bench/call-figures.mjs --runs ${RUNS} --users ${USERS} --window ${WINDOW_S}`,
    joinMs: summary(joins),
    firstFrameMs: summary(firstFrame.times),
    firstFramePaintedMs: firstFrame.rvfc.length ? summary(firstFrame.rvfc) : null,
    mesh,
  };
} finally {
  await browser.close();
  await pages.close();
  await server.stop();
}
writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
const f = (x, d = 1) => (x == null ? '-' : Number(x).toFixed(d));
console.log(`
| figure | p50 | p95 | min | max |
| --- | ---: | ---: | ---: | ---: |
| (a) loginRoom -> roomStateUpdate CONNECTED (ms) | ${result.joinMs.p50} | ${result.joinMs.p95} | ${result.joinMs.min} | ${result.joinMs.max} |
| (b) startPlayingStream -> first decoded frame (ms) | ${result.firstFrameMs.p50} | ${result.firstFrameMs.p95} | ${result.firstFrameMs.min} | ${result.firstFrameMs.max} |
| (b') startPlayingStream -> first frame painted, rVFC (ms) | ${result.firstFramePaintedMs?.p50 ?? '-'} | ${result.firstFramePaintedMs?.p95 ?? '-'} | ${result.firstFramePaintedMs?.min ?? '-'} | ${result.firstFramePaintedMs?.max ?? '-'} |

(c) ${result.mesh.users} users, each publishing and playing the ${result.mesh.users - 1} others (${result.mesh.playsDecodingAtStart} of ${result.mesh.plays} plays decoding), ${f(result.mesh.windowSeconds)} s window:
| server CPU per forwarded packet | same, net of idle | forwarded packets/s | received packets/s | forwarded Mbit/s | server CPU (share of one core) | idle server CPU | framesDecoded/s per decoding play |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${f(result.mesh.cpuMicrosPerForwardedPacket, 1)} µs | ${f(result.mesh.cpuMicrosPerForwardedPacketNetOfIdle, 1)} µs | ${f(result.mesh.forwardedPacketsPerSecond, 0)} | ${f(result.mesh.receivedPacketsPerSecond, 0)} | ${f(result.mesh.forwardedMbitPerSecond, 2)} | ${f(result.mesh.serverCpuShareOfOneCore * 100, 1)} % | ${f(result.mesh.idleCpuShareOfOneCore * 100, 1)} % | ${f(result.mesh.framesDecodedPerSecondPerPlayedStream)} |

JSON: ${OUT}`);
