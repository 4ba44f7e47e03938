import { Emitter } from './emitter.js';
import { ErrorCode, ZegoError } from './constants.js';
import { RoomSession } from './room.js';

export enum ZegoPublisherState {
  NoPublish = 0,
  PublishRequesting = 1,
  Publishing = 2,
}

/**
 * One published stream of the engine. This stage holds its signaling half: the streamID reserved
 * in the room (`publish` without SDP), its extra info and its state events. The SFU's publisher
 * transport (the offer sent as `sdp`) joins it here.
 */
export class Publisher {
  private state = ZegoPublisherState.NoPublish;

  constructor(private readonly room: RoomSession, private readonly emitter: Emitter, readonly streamID: string) {}

  get active(): boolean {
    return this.state !== ZegoPublisherState.NoPublish;
  }

  async start(extraInfo: string): Promise<void> {
    this.setState(ZegoPublisherState.PublishRequesting, 0);
    try {
      await this.room.request('publish', { streamID: this.streamID, extraInfo });
    } catch (e) {
      const error = e as ZegoError;
      this.setState(ZegoPublisherState.NoPublish, error.errorCode, error.extendedData);
      throw error;
    }
    if (this.state === ZegoPublisherState.PublishRequesting) this.setState(ZegoPublisherState.Publishing, 0);
  }

  async stop(): Promise<void> {
    if (!this.active) return;
    this.setState(ZegoPublisherState.NoPublish, 0);
    await this.room.request('unpublish', { streamID: this.streamID });
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
    if (this.active) this.setState(ZegoPublisherState.NoPublish, errorCode);
  }

  private setState(state: ZegoPublisherState, errorCode: number, extendedData = '{}'): void {
    this.state = state;
    this.emitter.emit('publisherStateUpdate', this.streamID, state, errorCode, extendedData);
  }
}
