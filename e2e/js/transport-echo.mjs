// Drives headless Chromium against Parley's media transport echo endpoint (transport module,
// ChromiumEchoTest). Protocol on stdin/stdout, one line each:
//   -> "OFFER <base64 SDP>"     Chromium's offer: fake camera and microphone, sendrecv, BUNDLE
//   <- "ANSWER <base64 SDP>"    the server's answer, mirroring the offer's media sections
//   -> "RESULT <json>"          what getStats says came back: framesDecoded, audio packets, DTLS
// Everything else goes to stderr, so stdout stays parseable.
import { launch } from './chromium.mjs';
import readline from 'node:readline';

const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const WAIT_MS = Number(process.env.PARLEY_ECHO_WAIT_MS || 25000);

const { context, close } = await launch();
try {
  const page = await context.newPage();
  page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));
  // getUserMedia needs a secure context; an https origin served by Playwright itself is one, and
  // nothing leaves the machine.
  await page.route('https://parley.test/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>echo</title>' }));
  await page.goto('https://parley.test/');
  const offer = await page.evaluate(async () => {
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    window.pc = pc;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
    for (const track of stream.getTracks()) {
      pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream] });
    }
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise((resolve) => {
      if (pc.iceGatheringState === 'complete') resolve();
      pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
      setTimeout(resolve, 3000);
    });
    return pc.localDescription.sdp;
  });
  process.stdout.write(`OFFER ${Buffer.from(offer).toString('base64')}\n`);

  const { value: line, done } = await lines.next();
  if (done || !line.startsWith('ANSWER ')) throw new Error(`expected ANSWER, got ${line}`);
  const answer = Buffer.from(line.slice('ANSWER '.length), 'base64').toString();

  const result = await page.evaluate(async ({ answer, waitMs }) => {
    await pc.setRemoteDescription({ type: 'answer', sdp: answer });
    const deadline = Date.now() + waitMs;
    const r = { framesDecoded: 0, audioPacketsReceived: 0, tlsVersion: '', dtlsState: '', srtpCipher: '', connectionState: '' };
    while (Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 500));
      const stats = await pc.getStats();
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') r.framesDecoded = s.framesDecoded || 0;
        if (s.type === 'inbound-rtp' && s.kind === 'audio') r.audioPacketsReceived = s.packetsReceived || 0;
        if (s.type === 'transport') {
          r.tlsVersion = s.tlsVersion || '';
          r.dtlsState = s.dtlsState || '';
          r.srtpCipher = s.srtpCipher || '';
        }
      });
      r.connectionState = pc.connectionState;
      if (r.framesDecoded >= 10 && r.audioPacketsReceived >= 10) break;
    }
    pc.close();
    return r;
  }, { answer, waitMs: WAIT_MS });
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} finally {
  await close();
}
