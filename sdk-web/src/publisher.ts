import { Emitter } from './emitter.js';
import { ErrorCode, ZegoError, zegoError } from './constants.js';
import { RoomSession } from './room.js';
import { LocalMedia, MediaEnv, PEER_CONFIG } from './media.js';
import type { Clock } from './clock.js';
import { statsList, Every, publishQuality, QUALITY_INTERVAL_MS, Totals } from './quality.js';

export enum ZegoPublisherState {
  NoPublish = 0,
  PublishRequesting = 1,
  Publishing = 2,
}

/**
 * One published stream of the engine: the streamID reserved in the room, and, where the page has
 * WebRTC, the publisher transport: a sendonly peer connection whose offer goes in `publish` as
 * `sdp` and whose answer comes back in the response (docs/protocol.md). Without WebRTC (node)
 * it publishes without SDP: the signaling half only.
 */
export class Publisher {
  private state = ZegoPublisherState.NoPublish;
  private pc?: RTCPeerConnection;
  private captured = false;
  private quality?: Every;

  constructor(private readonly room: RoomSession, private readonly emitter: Emitter, readonly streamID: string,
    private readonly media?: { env: MediaEnv; local: LocalMedia; clock: Clock }) {}

  /** The published capture's tracks, for mute. */
  tracks(kind: 'audio' | 'video'): MediaStreamTrack[] {
    const stream = this.media?.local.current();
    return stream ? stream.getTracks().filter((t) => t.kind === kind) : [];
  }

  get active(): boolean {
    return this.state !== ZegoPublisherState.NoPublish;
  }

  async start(extraInfo: string): Promise<void> {
    this.setState(ZegoPublisherState.PublishRequesting, 0);
    try {
      const sdp = await this.offer();
      const response = await this.room.request('publish', sdp ? { streamID: this.streamID, extraInfo, sdp } : { streamID: this.streamID, extraInfo });
      if (this.pc && typeof response.sdp === 'string') {
        await this.pc.setRemoteDescription({ type: 'answer', sdp: response.sdp });
        this.watchQuality(this.pc, this.media!.clock);
      }
    } catch (e) {
      this.closeMedia();
      const error = (e as ZegoError).errorCode !== undefined ? (e as ZegoError)
        : zegoError(ErrorCode.MEDIA_FAILED, 'publishing failed: ' + String((e as Error)?.message ?? e));
      this.setState(ZegoPublisherState.NoPublish, error.errorCode, error.extendedData);
      throw error;
    }
    if (this.state === ZegoPublisherState.PublishRequesting) this.setState(ZegoPublisherState.Publishing, 0);
  }

  async stop(): Promise<void> {
    if (!this.active) return;
    this.setState(ZegoPublisherState.NoPublish, 0);
    this.closeMedia();
    await this.room.request('unpublish', { streamID: this.streamID });
  }

  /** Captures (or reuses the preview), adds sendonly transceivers and returns the offer; undefined without WebRTC. */
  private async offer(): Promise<string | undefined> {
    if (!this.media) return undefined;
    const stream = await this.media.local.acquire();
    this.captured = true;
    const pc = this.media.env.createPeerConnection(PEER_CONFIG);
    this.pc = pc;
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    await pc.setLocalDescription(await pc.createOffer());
    return pc.localDescription?.sdp;
  }

  /** publisherQualityUpdate every 3 s from the peer connection's getStats. */
  private watchQuality(pc: RTCPeerConnection, clock: Clock): void {
    let totals: Totals = { audio: 0, video: 0 };
    this.quality = new Every(clock, async () => {
      const report = await pc.getStats();
      const sample = publishQuality(statsList(report), totals, QUALITY_INTERVAL_MS);
      totals = sample.totals;
      this.emitter.emit('publisherQualityUpdate', this.streamID, sample.quality);
    });
  }

  /** Closes the publisher transport and lets go of the capture (the preview may still hold it). */
  private closeMedia(): void {
    this.quality?.stop();
    this.quality = undefined;
    this.pc?.close();
    this.pc = undefined;
    if (this.captured) this.media?.local.release();
    this.captured = false;
  }

  async setExtraInfo(extraInfo: string): Promise<void> {
    await this.room.request('setStreamExtraInfo', { streamID: this.streamID, extraInfo });
  }

  /** The room's connection was lost: the server keeps the stream while the session can be resumed. */
  onReconnecting(): void {
    if (this.state === ZegoPublisherState.Publishing) this.setState(ZegoPublisherState.PublishRequesting, ErrorCode.CONNECTION_INTERRUPTED);
  }

  onResumed(): void {
    if (this.state === ZegoPublisherState.PublishRequesting) this.setState(ZegoPublisherState.Publishing, 0);
  }

  /** The session ended (logout, kick-out, resume failed): the server has stopped the stream. */
  onRoomEnded(errorCode: number): void {
    this.closeMedia();
    if (this.active) this.setState(ZegoPublisherState.NoPublish, errorCode);
  }

  private setState(state: ZegoPublisherState, errorCode: number, extendedData = '{}'): void {
    this.state = state;
    this.emitter.emit('publisherStateUpdate', this.streamID, state, errorCode, extendedData);
  }
}
