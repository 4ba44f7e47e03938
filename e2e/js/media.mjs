// Media checks shared by the call tests: what a page's getStats() (pages.mjs's TestPage) says it
// receives, and a smaller camera for tests with many publishers on a small machine.

/** The inbound video streams of `stats` (TestPage.getStats()) that decoded frames, over all its peer connections. */
export function decodingVideos(stats) {
  return stats.flatMap((pc) => pc.inbound).filter((s) => s.kind === 'video' && s.framesDecoded > 0);
}

/** The inbound audio streams of `stats` that received packets. */
export function receivingAudios(stats) {
  return stats.flatMap((pc) => pc.inbound).filter((s) => s.kind === 'audio' && s.packetsReceived > 0);
}

/** The frames decoded by all inbound video of `stats`. */
export function framesDecoded(stats) {
  return stats.flatMap((pc) => pc.inbound).filter((s) => s.kind === 'video').reduce((n, s) => n + (s.framesDecoded ?? 0), 0);
}

/**
 * Waits until `page` decodes `count` inbound videos (framesDecoded > 0) and receives `count` inbound
 * audios (packetsReceived > 0); resolves the stats.
 */
export function waitForMedia(page, count = 1, { timeout = 20_000 } = {}) {
  return page.waitForStats((stats) => decodingVideos(stats).length >= count && receivingAudios(stats).length >= count, { timeout });
}

/**
 * Makes the page's camera small (320×240, 15 fps) for whatever captures it next (the SDK's
 * getUserMedia({video: true})): the fake camera's default is 640×480, heavy for many encoders on 2 cores.
 */
export function smallCamera(page) {
  return page.evaluate(() => {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) => original(constraints?.video === true
      ? { ...constraints, video: { width: 320, height: 240, frameRate: 15 } }
      : constraints);
  });
}
