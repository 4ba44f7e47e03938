// Chromium plays a stream the Java SDK publishes (sdk-java's JavaPublisherToChromiumTest): logs in
// with the Web SDK, plays --stream into an unmuted <video>, and polls getStats() until it decoded
// frames and received audio (or --seconds pass). Lines on stdout (sdk-java-browser.mjs):
//   READY, then "REQUESTED {state}" once the server answered the play request (PLAY_REQUESTING when
//   the stream is not published yet), "PLAYING" once startPlayingStream resolved, then "RESULT
//   {framesDecoded, frameWidth, frameHeight, videoPacketsReceived, audioPacketsReceived,
//   totalSamplesReceived, codecs, ...}".
import { mediaFigures, report, withLoggedInPage } from './sdk-java-browser.mjs';

const ENOUGH_FRAMES = 30;
const ENOUGH_AUDIO_PACKETS = 50;

await withLoggedInPage(async (page, { streamID, seconds }) => {
  const deadline = Date.now() + seconds * 1000;
  page.waitForEvent('playAnswer', (id) => id === streamID, { timeout: seconds * 1000 })
    .then(([, state]) => report('REQUESTED', { state }), () => {});
  const tracks = await page.evaluate(async (id) => {
    const stream = await window.engine.startPlayingStream(id);
    const video = document.querySelector('#remote_video');
    // Unmuted, so that Chromium's audio output pulls the played audio and counts its samples.
    video.muted = false;
    video.srcObject = stream;
    await video.play().catch(() => {});
    return stream.getTracks().map((t) => t.kind).sort();
  }, streamID);
  report('PLAYING', { tracks });
  // An audio-only stream (the echo bot's answer) has no frames to wait for.
  const enoughFrames = tracks.includes('video') ? ENOUGH_FRAMES : 0;
  let figures = await mediaFigures(page);
  while (Date.now() < deadline && (figures.framesDecoded < enoughFrames || figures.audioPacketsReceived < ENOUGH_AUDIO_PACKETS)) {
    await page.sleep(250);
    figures = await mediaFigures(page);
  }
  const states = page.eventsNamed('playerStateUpdate').map(([id, state, errorCode]) => ({ id, state, errorCode }));
  report('RESULT', { ...figures, tracks, playerStates: states });
  await page.evaluate((id) => window.engine.stopPlayingStream(id), streamID);
});
