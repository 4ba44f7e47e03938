import type { Clock } from './clock.js';
import { ZegoStreamQualityLevel } from './constants.js';

export { ZegoStreamQualityLevel };

/** publisherQualityUpdate's quality (a subset of ZEGO's ZegoPublishStreamQuality). */
export interface ZegoPublishStreamQuality {
  videoSendFPS: number;
  videoKBPS: number;
  audioKBPS: number;
  rtt: number;
  packetLostRate: number;
  level: ZegoStreamQualityLevel;
  totalSendBytes: number;
}

/** playerQualityUpdate's quality (a subset of ZEGO's ZegoPlayStreamQuality). */
export interface ZegoPlayStreamQuality {
  videoRecvFPS: number;
  videoDecodeFPS: number;
  videoKBPS: number;
  audioKBPS: number;
  rtt: number;
  packetLostRate: number;
  level: ZegoStreamQualityLevel;
  totalRecvBytes: number;
}

export const QUALITY_INTERVAL_MS = 3000;

type Stat = Record<string, unknown>;

/** The level from loss (0..1) and round-trip time (ms); nothing received or sent at all is DIE. */
export function levelOf(loss: number, rttMs: number, moving: boolean): ZegoStreamQualityLevel {
  if (!moving) return ZegoStreamQualityLevel.Die;
  if (loss < 0.01 && rttMs < 100) return ZegoStreamQualityLevel.Excellent;
  if (loss < 0.03 && rttMs < 200) return ZegoStreamQualityLevel.Good;
  if (loss < 0.05 && rttMs < 400) return ZegoStreamQualityLevel.Medium;
  if (loss < 0.1) return ZegoStreamQualityLevel.Bad;
  return ZegoStreamQualityLevel.Die;
}

/** getStats' entries as a list (RTCStatsReport is map-like). */
export function statsList(report: RTCStatsReport): Stat[] {
  const out: Stat[] = [];
  report.forEach((s: Stat) => out.push(s));
  return out;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function kbps(bytes: number, before: number, ms: number): number {
  return ms > 0 ? Math.max(0, ((bytes - before) * 8) / ms) : 0;
}

/** Bytes per kind at the last sample, to turn getStats' totals into rates. */
export type Totals = { audio: number; video: number };

/** One publisher sample from getStats' outbound-rtp, remote-inbound-rtp and candidate-pair entries. */
export function publishQuality(stats: Stat[], before: Totals, ms: number): { quality: ZegoPublishStreamQuality; totals: Totals } {
  const totals: Totals = { audio: 0, video: 0 };
  let fps = 0;
  let rtt = 0;
  let loss = 0;
  for (const s of stats) {
    if (s.type === 'outbound-rtp' && (s.kind === 'audio' || s.kind === 'video')) {
      totals[s.kind] += num(s.bytesSent);
      if (s.kind === 'video') fps = num(s.framesPerSecond);
    } else if (s.type === 'remote-inbound-rtp') {
      loss = Math.max(loss, num(s.fractionLost));
      rtt = Math.max(rtt, num(s.roundTripTime) * 1000);
    } else if (s.type === 'candidate-pair' && s.nominated && !rtt) {
      rtt = num(s.currentRoundTripTime) * 1000;
    }
  }
  const moving = totals.audio + totals.video > before.audio + before.video;
  return {
    totals,
    quality: {
      videoSendFPS: fps, videoKBPS: kbps(totals.video, before.video, ms), audioKBPS: kbps(totals.audio, before.audio, ms),
      rtt: Math.round(rtt), packetLostRate: loss, level: levelOf(loss, rtt, moving), totalSendBytes: totals.audio + totals.video,
    },
  };
}

/** One player sample from getStats' inbound-rtp entries of the tracks in `trackIds`, and the transport's rtt. */
export function playQuality(stats: Stat[], trackIds: Set<string>, before: Totals & { received: number; lost: number }, ms: number):
  { quality: ZegoPlayStreamQuality; totals: Totals & { received: number; lost: number } } {
  const totals = { audio: 0, video: 0, received: 0, lost: 0 };
  let recvFps = 0;
  let decodeFps = 0;
  let rtt = 0;
  for (const s of stats) {
    if (s.type === 'inbound-rtp' && (s.kind === 'audio' || s.kind === 'video')
      && (trackIds.size === 0 || trackIds.has(String(s.trackIdentifier)))) {
      totals[s.kind] += num(s.bytesReceived);
      totals.received += num(s.packetsReceived);
      totals.lost += num(s.packetsLost);
      if (s.kind === 'video') {
        decodeFps = num(s.framesPerSecond);
        recvFps = decodeFps;
      }
    } else if (s.type === 'candidate-pair' && s.nominated) {
      rtt = num(s.currentRoundTripTime) * 1000;
    }
  }
  const received = totals.received - before.received;
  const lost = Math.max(0, totals.lost - before.lost);
  const loss = received + lost > 0 ? lost / (received + lost) : 0;
  return {
    totals,
    quality: {
      videoRecvFPS: recvFps, videoDecodeFPS: decodeFps, videoKBPS: kbps(totals.video, before.video, ms),
      audioKBPS: kbps(totals.audio, before.audio, ms), rtt: Math.round(rtt), packetLostRate: loss,
      level: levelOf(loss, rtt, received > 0), totalRecvBytes: totals.audio + totals.video,
    },
  };
}

/** Runs `sample` every 3 s on the engine's clock until stopped. */
export class Every {
  private handle: unknown;
  private stopped = false;

  constructor(private readonly clock: Clock, private readonly sample: () => Promise<void>) {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.clock.clearTimeout(this.handle);
  }

  private schedule(): void {
    this.handle = this.clock.setTimeout(() => {
      void this.sample().catch(() => undefined).finally(() => {
        if (!this.stopped) this.schedule();
      });
    }, QUALITY_INTERVAL_MS);
  }
}
