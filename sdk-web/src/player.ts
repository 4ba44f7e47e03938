import { Emitter } from './emitter.js';
import { ErrorCode, ZegoError, zegoError } from './constants.js';
import { MediaEnv, PEER_CONFIG } from './media.js';
import { RoomSession } from './room.js';
import type { Clock } from './clock.js';
import { statsList, Every, playQuality, QUALITY_INTERVAL_MS } from './quality.js';

export enum ZegoPlayerState {
  NoPlay = 0,
  PlayRequesting = 1,
  Playing = 2,
}

interface Play {
  state: ZegoPlayerState;
  stream?: MediaStream;
  resolve: (s: MediaStream) => void;
  reject: (e: ZegoError) => void;
  settled: boolean;
  muted: { audio: boolean; video: boolean };
  quality?: Every;
}

/**
 * The engine's plays and its one subscriber transport (docs/protocol.md): the server offers as
 * plays start and stop (`subscriberOffer`), this side answers (`subscriberAnswer`) in the order the
 * offers came, on one shared peer connection. A track arrives with the streamID as its MediaStream's
 * id (the server's `a=msid`), which settles that play's `startPlayingStream` promise.
 */
export class Players {
  private readonly plays = new Map<string, Play>();
  private pc?: RTCPeerConnection;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly room: RoomSession, private readonly emitter: Emitter, private readonly clock: Clock,
    private readonly env?: MediaEnv) {}

  async start(streamID: string): Promise<MediaStream> {
    if (this.plays.has(streamID)) this.stop(streamID);
    let resolve!: (s: MediaStream) => void;
    let reject!: (e: ZegoError) => void;
    const promise = new Promise<MediaStream>((res, rej) => { resolve = res; reject = rej; });
    const play: Play = { state: ZegoPlayerState.NoPlay, resolve, reject, settled: false, muted: { audio: false, video: false } };
    this.plays.set(streamID, play);
    this.setState(streamID, play, ZegoPlayerState.PlayRequesting, 0);
    try {
      const response = await this.room.request('play', { streamID });
      if (response.state === 'PLAYING') this.setState(streamID, play, ZegoPlayerState.Playing, 0);
    } catch (e) {
      const error = e as ZegoError;
      this.plays.delete(streamID);
      this.setState(streamID, play, ZegoPlayerState.NoPlay, error.errorCode, error.extendedData);
      throw error;
    }
    if (!this.env) {
      // No WebRTC here (node): the play exists in the room; there is no media to hand back.
      this.settle(play, undefined, zegoError(ErrorCode.MEDIA_FAILED, 'this runtime has no WebRTC'));
    }
    return promise;
  }

  stop(streamID: string): void {
    const play = this.plays.get(streamID);
    if (!play) return;
    this.plays.delete(streamID);
    play.quality?.stop();
    this.settle(play, undefined, zegoError(ErrorCode.PLAY_FAILED, 'stopPlayingStream was called'));
    this.setState(streamID, play, ZegoPlayerState.NoPlay, 0);
    void this.room.request('stopPlay', { streamID }).catch(() => undefined);
  }

  mute(streamID: string, kind: 'audio' | 'video', mute: boolean): void {
    const play = this.plays.get(streamID);
    if (!play) return;
    play.muted[kind] = mute;
    play.stream?.getTracks().filter((t) => t.kind === kind).forEach((t) => { t.enabled = !mute; });
  }

  /** The server's events of the media stage: player states and subscriber offers. */
  onEvent(e: Record<string, unknown>): void {
    if (e.event === 'playerStateUpdate') {
      const streamID = String(e.streamID);
      const play = this.plays.get(streamID);
      if (!play) return;
      // Back to waiting means the stream ended: for the app the play stopped (NO_PLAY) until the
      // stream returns, when the server starts it again (PLAYING).
      this.setState(streamID, play, e.state === 'PLAYING' ? ZegoPlayerState.Playing : ZegoPlayerState.NoPlay, Number(e.errorCode ?? 0));
    } else if (e.event === 'subscriberOffer' && this.env) {
      const sdp = String(e.sdp);
      const version = Number(e.version);
      // A failed negotiation leaves the plays without media; the next offer tries again.
      this.queue = this.queue.then(() => this.answer(sdp, version)).catch((err) => {
        console.warn('parley: subscriber offer', version, 'failed:', err?.message ?? err);
      });
    }
  }

  /** The session ended: every play stops and the subscriber transport closes. */
  close(errorCode: number): void {
    for (const [streamID, play] of this.plays) {
      play.quality?.stop();
      this.settle(play, undefined, zegoError(errorCode || ErrorCode.PLAY_FAILED, 'the room session ended'));
      this.setState(streamID, play, ZegoPlayerState.NoPlay, errorCode);
    }
    this.plays.clear();
    this.pc?.close();
    this.pc = undefined;
  }

  /** Applies one server offer and sends the answer; a new ontrack settles the plays it carries. */
  private async answer(sdp: string, version: number): Promise<void> {
    if (!this.pc) {
      const pc = this.env!.createPeerConnection(PEER_CONFIG);
      pc.ontrack = (ev) => this.onTrack(ev);
      this.pc = pc;
    }
    const pc = this.pc;
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    await this.room.request('subscriberAnswer', { sdp: pc.localDescription?.sdp ?? '', version });
  }

  private onTrack(ev: RTCTrackEvent): void {
    for (const stream of ev.streams) {
      const play = this.plays.get(stream.id);
      if (!play) continue;
      play.stream = stream;
      ev.track.enabled = !play.muted[ev.track.kind === 'audio' ? 'audio' : 'video'];
      if (!play.quality) this.watchQuality(stream.id, play);
      this.settle(play, stream);
    }
  }

  /** playerQualityUpdate every 3 s from the subscriber connection's stats of this play's tracks. */
  private watchQuality(streamID: string, play: Play): void {
    let totals = { audio: 0, video: 0, received: 0, lost: 0 };
    play.quality = new Every(this.clock, async () => {
      const pc = this.pc;
      if (!pc || !play.stream) return;
      const report = await pc.getStats();
      const ids = new Set(play.stream.getTracks().map((t) => t.id));
      const sample = playQuality(statsList(report), ids, totals, QUALITY_INTERVAL_MS);
      totals = sample.totals;
      this.emitter.emit('playerQualityUpdate', streamID, sample.quality);
    });
  }

  private settle(play: Play, stream?: MediaStream, error?: ZegoError): void {
    if (play.settled) return;
    play.settled = true;
    if (stream) play.resolve(stream);
    else play.reject(error ?? zegoError(ErrorCode.PLAY_FAILED, 'play failed'));
  }

  private setState(streamID: string, play: Play, state: ZegoPlayerState, errorCode: number, extendedData = '{}'): void {
    if (play.state === state && errorCode === 0) return;
    play.state = state;
    this.emitter.emit('playerStateUpdate', streamID, state, errorCode, extendedData);
  }
}
