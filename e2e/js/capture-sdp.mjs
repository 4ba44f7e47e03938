// Captures real session descriptions from Debian's Chromium into the SDP test resources of the
// wire module, so that the SDP parser is tested against what a browser really sends, not against
// what we think it sends. Run once, by hand, when the fixtures should follow a newer Chromium:
//   node e2e/js/capture-sdp.mjs
// Each scenario runs two RTCPeerConnections inside one page, one offering and one answering.
import { launch } from './chromium.mjs';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..',
  'wire', 'src', 'test', 'resources', 'io', 'parley', 'wire', 'sdp');

// Runs in the page: builds each scenario and returns {name: sdpText}.
async function scenarios() {
  const out = {};
  const gum = (c) => navigator.mediaDevices.getUserMedia(c);
  const waitGathered = (pc) => new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') resolve();
    });
  });
  async function exchange(name, pc1, pc2) {
    const offer = await pc1.createOffer();
    await pc1.setLocalDescription(offer);
    await pc2.setRemoteDescription(offer);
    const answer = await pc2.createAnswer();
    await pc2.setLocalDescription(answer);
    await pc1.setRemoteDescription(answer);
    out[name + '-offer'] = offer.sdp;
    out[name + '-answer'] = answer.sdp;
  }

  // audio+video, both sides send what the fake devices give.
  {
    const pc1 = new RTCPeerConnection();
    const pc2 = new RTCPeerConnection();
    const candidates = [];
    pc1.onicecandidate = (e) => { if (e.candidate && e.candidate.candidate) candidates.push(e.candidate.candidate); };
    const s1 = await gum({ audio: true, video: true });
    s1.getTracks().forEach((t) => pc1.addTrack(t, s1));
    const s2 = await gum({ audio: true, video: true });
    s2.getTracks().forEach((t) => pc2.addTrack(t, s2));
    await exchange('av', pc1, pc2);
    await waitGathered(pc1);
    out['av-offer-gathered'] = pc1.localDescription.sdp;
    // A trickled candidate is an attribute value without "a=": kept one per line.
    out['trickle-candidates'] = candidates.map((c) => 'a=' + c).join('\r\n') + '\r\n';

    // Renegotiation: a second video track (a clone of the camera) in a second stream.
    const extra = s1.getVideoTracks()[0].clone();
    pc1.addTrack(extra, new MediaStream([extra]));
    await exchange('renegotiated', pc1, pc2);
    pc1.close(); pc2.close();
  }

  // Video with three simulcast encodings, as a publisher sends them to an SFU.
  {
    const pc1 = new RTCPeerConnection();
    const pc2 = new RTCPeerConnection();
    const s = await gum({ video: { width: 1280, height: 720 } });
    pc1.addTransceiver(s.getVideoTracks()[0], {
      direction: 'sendonly', streams: [s],
      sendEncodings: [
        { rid: 'q', scaleResolutionDownBy: 4 },
        { rid: 'h', scaleResolutionDownBy: 2 },
        { rid: 'f' },
      ],
    });
    await exchange('simulcast', pc1, pc2);
    pc1.close(); pc2.close();
  }

  // A data channel only.
  {
    const pc1 = new RTCPeerConnection();
    const pc2 = new RTCPeerConnection();
    pc1.createDataChannel('chat');
    await exchange('datachannel', pc1, pc2);
    pc1.close(); pc2.close();
  }

  // Audio only; the answerer only receives.
  {
    const pc1 = new RTCPeerConnection();
    const pc2 = new RTCPeerConnection();
    const s = await gum({ audio: true });
    pc1.addTrack(s.getAudioTracks()[0], s);
    const offer = await pc1.createOffer();
    await pc1.setLocalDescription(offer);
    await pc2.setRemoteDescription(offer);
    pc2.getTransceivers().forEach((t) => { t.direction = 'recvonly'; });
    const answer = await pc2.createAnswer();
    await pc2.setLocalDescription(answer);
    out['audio-recvonly-offer'] = offer.sdp;
    out['audio-recvonly-answer'] = answer.sdp;
    pc1.close(); pc2.close();
  }
  return out;
}

// getUserMedia needs a secure context; http://localhost is one, about:blank is not.
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<!doctype html><title>capture-sdp</title>');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(`http://localhost:${server.address().port}/`);
  const captured = await page.evaluate(scenarios);
  mkdirSync(OUT, { recursive: true });
  for (const [name, sdp] of Object.entries(captured)) {
    const file = join(OUT, `chromium-${name}.sdp`);
    writeFileSync(file, sdp);
    console.log(`${file}: ${sdp.split('\r\n').length - 1} lines`);
  }
} finally {
  await browser.close();
  server.close();
}
