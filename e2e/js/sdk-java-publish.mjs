// Chromium publishes its fake camera and microphone for the Java SDK to play (sdk-java's
// ChromiumPublisherToJavaTest): logs in with the Web SDK, captures --width x --height at --fps,
// publishes it as --stream and keeps publishing for --seconds. Lines on stdout (sdk-java-browser.mjs):
//   READY, then "PUBLISHING {}" once publisherStateUpdate says PUBLISHING, then after --seconds
//   "RESULT {framesEncoded, framesSent, videoPacketsSent, audioPacketsSent, publishedMillis, codecs}".
import { mediaFigures, report, withLoggedInPage } from './sdk-java-browser.mjs';
import { PublisherState } from './zego.mjs';

await withLoggedInPage(async (page, { streamID, seconds, camera }) => {
  // The SDK captures with getUserMedia({video: true}); the test wants a known size and frame rate.
  await page.evaluate((camera) => {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) => original(constraints?.video === true ? { ...constraints, video: camera } : constraints);
  }, camera);
  await page.evaluate(() => window.engine.startPreview(document.querySelector('#local_video')));
  await page.evaluate((id) => window.engine.startPublishingStream(id), streamID);
  await page.waitForEvent('publisherStateUpdate', (id, state) => id === streamID && state === PublisherState.PUBLISHING, { timeout: 20_000 });
  const started = Date.now();
  report('PUBLISHING', {});
  await page.sleep(seconds * 1000);
  const figures = await mediaFigures(page);
  report('RESULT', { ...figures, publishedMillis: Date.now() - started });
  await page.evaluate(() => window.engine.stopPublishingStream());
});
