import { Clock, realClock } from './clock.js';
import { ErrorCode, ZegoError, ZegoScenario, zegoError } from './constants.js';
import { Emitter, Listener } from './emitter.js';
import type { ZegoEvents } from './events.js';
import { Publisher } from './publisher.js';
import { Players } from './player.js';
import { browserMedia, LocalMedia, MediaEnv } from './media.js';
import { EngineContext, RoomSession, ZegoRoomConfig, ZegoUser } from './room.js';
import { WebSocketFactory, WebSocketLike } from './signaling.js';
import * as check from './validate.js';

export interface ZegoEngineProfile {
  appID: number;
  /** 64 hex characters; proves the app without ever being sent. A token in the room config wins over it. */
  appSign?: string;
  scenario?: ZegoScenario | number;
  /** The signaling URL (`wss://host/ws`); by default the origin that served this module. */
  server?: string;
}

/** Options beyond ZEGO's profile, for runtimes without a global WebSocket (node) and for tests. */
export interface EngineOptions {
  /** A WebSocket constructor (e.g. the `ws` package's) or a factory of WebSocket-like objects. */
  webSocket?: WebSocketFactory | (new (url: string) => WebSocketLike);
  clock?: Clock;
  requestTimeoutMs?: number;
  reconnectTimeoutMs?: number;
  reconnectBackoffMs?: { first: number; max: number };
  /** Peer connections and capture; by default the page's WebRTC (none in node: signaling only). */
  media?: MediaEnv | null;
}

export interface ZegoResult {
  errorCode: number;
  extendedData?: string;
}

/** The signaling URL of the origin that served a module at moduleURL: `/ws` over ws: or wss:. */
export function signalingURLFor(moduleURL: string): string {
  const url = new URL('/ws', moduleURL);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else throw zegoError(ErrorCode.LOGIN_NETWORK, 'no server address: set the profile\'s `server` (the SDK was not loaded over http)');
  return url.toString();
}

function webSocketFactory(given: EngineOptions['webSocket']): WebSocketFactory {
  return (url) => {
    const ctor = given ?? (globalThis as { WebSocket?: new (url: string) => WebSocketLike }).WebSocket;
    if (!ctor) throw new Error('this runtime has no WebSocket: pass one in createEngineWithProfile\'s options');
    // A class is called with new; a plain factory function is called as is.
    return /^class[\s{]/.test(Function.prototype.toString.call(ctor)) || ctor === (globalThis as { WebSocket?: unknown }).WebSocket
      ? new (ctor as new (url: string) => WebSocketLike)(url)
      : (ctor as WebSocketFactory)(url);
  };
}

function reject(error: ZegoError | undefined): Promise<never> | undefined {
  return error ? Promise.reject(error) : undefined;
}

/**
 * The engine, in the shape of ZEGO Express's uni-app SDK: one instance per page, created with
 * `createEngineWithProfile` and reached with `instance()`; events through `on`/`off`.
 */
export class ExpressEngine {
  private static current?: ExpressEngine;

  private readonly emitter = new Emitter();
  private readonly ctx: EngineContext;
  private room?: RoomSession;
  private publisher?: Publisher;
  private players?: Players;
  private streamExtraInfo = '';
  private readonly media?: MediaEnv;
  private readonly local?: LocalMedia;
  private previewing = false;

  private constructor(profile: ZegoEngineProfile, options: EngineOptions) {
    this.ctx = {
      appID: profile.appID,
      appSign: profile.appSign,
      serverURL: () => profile.server ?? signalingURLFor(import.meta.url),
      webSocket: webSocketFactory(options.webSocket),
      clock: options.clock ?? realClock,
      emitter: this.emitter,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      reconnectTimeoutMs: options.reconnectTimeoutMs ?? 120_000,
      reconnectBackoffMs: options.reconnectBackoffMs ?? { first: 500, max: 8_000 },
      mediaEvent: (e) => this.players?.onEvent(e),
    };
    this.media = options.media === null ? undefined : options.media ?? browserMedia();
    this.local = this.media ? new LocalMedia(this.media) : undefined;
  }

  /**
   * Creates the engine. The engine exists as soon as this returns, so `instance()` works at once,
   * without awaiting; the promise resolves to the same engine. A second call returns the first engine.
   */
  static createEngineWithProfile(profile: ZegoEngineProfile, options: EngineOptions = {}): Promise<ExpressEngine> {
    const bad = check.firstError(
      check.checkAppID(profile?.appID),
      profile?.appSign === undefined ? undefined : check.checkAppSign(profile.appSign),
    );
    if (bad) return Promise.reject(bad);
    if (!ExpressEngine.current) ExpressEngine.current = new ExpressEngine(profile, options);
    return Promise.resolve(ExpressEngine.current);
  }

  /** The engine made by createEngineWithProfile; throws when there is none. */
  static instance(): ExpressEngine {
    if (!ExpressEngine.current) throw new Error('ZegoExpressEngine: call createEngineWithProfile first');
    return ExpressEngine.current;
  }

  /** Logs out, closes the connection and forgets the engine and its listeners. */
  static async destroyEngine(): Promise<void> {
    const engine = ExpressEngine.current;
    ExpressEngine.current = undefined;
    if (!engine) return;
    const room = engine.room;
    engine.room = undefined;
    if (room && room.loggedIn) await room.logout();
    else room?.close();
    engine.players?.close(0);
    engine.local?.stopAll();
    engine.emitter.clear();
  }

  static getVersion(): string {
    return 'parley-express-0.1.0';
  }

  /** Adds a listener; the events and their arguments are ZegoEvents'. */
  on<K extends keyof ZegoEvents>(event: K, listener: ZegoEvents[K]): void;
  on(event: string, listener: Listener): void;
  on(event: string, listener: Listener): void {
    this.emitter.on(event, listener);
  }

  /** Removes one listener, or all of the event's when none is given. */
  off<K extends keyof ZegoEvents>(event: K, listener?: ZegoEvents[K]): void;
  off(event: string, listener?: Listener): void;
  off(event: string, listener?: Listener): void {
    this.emitter.off(event, listener);
  }

  /** Logs in with `config.token`, else with the profile's AppSign (a proof, never the AppSign itself). */
  loginRoom(roomID: string, user: ZegoUser, config: ZegoRoomConfig = {}): Promise<ZegoResult> {
    const userName = user?.userName ?? user?.userID;
    const bad = check.firstError(
      check.checkRoomID(roomID),
      check.checkUserID(user?.userID),
      check.checkUserName(userName),
      check.checkCredential('token', config?.token || undefined),
      config?.token || this.ctx.appSign ? undefined : zegoError(ErrorCode.NO_CREDENTIALS, 'neither a token nor an AppSign was given'),
    );
    if (bad) return Promise.reject(bad);
    if (this.room && !this.room.ended) {
      return Promise.reject(zegoError(ErrorCode.TOO_MANY_ROOMS, 'already in room ' + this.room.roomID + ': log out first'));
    }
    const room = new RoomSession(this.ctx, roomID, { userID: user.userID, userName }, { ...config });
    room.listener = {
      onReconnecting: () => this.publisher?.onReconnecting(),
      onResumed: () => this.publisher?.onResumed(),
      onEnded: (errorCode) => {
        this.publisher?.onRoomEnded(errorCode);
        this.publisher = undefined;
        this.players?.close(errorCode);
        this.players = undefined;
      },
    };
    this.room = room;
    this.players = new Players(room, this.emitter, this.ctx.clock, this.media);
    return room.login();
  }

  /** Logs out of the room (of the one room, when no roomID is given). */
  logoutRoom(roomID?: string): Promise<ZegoResult> {
    const room = this.room;
    if (!room || room.ended || (roomID !== undefined && roomID !== room.roomID)) {
      return Promise.resolve({ errorCode: 0, extendedData: '{}' });
    }
    this.room = undefined;
    return room.logout();
  }

  async renewToken(roomID: string, token: string): Promise<ZegoResult> {
    await (reject(check.firstError(check.checkRoomID(roomID), check.checkCredential('token', token))) ?? Promise.resolve());
    await this.roomRequest(roomID, 'renewToken', { token });
    return { errorCode: 0 };
  }

  /**
   * The extra info of the stream this engine publishes. Kept and sent with the next publish when
   * none is being published, as ZEGO does.
   */
  async setStreamExtraInfo(extraInfo: string): Promise<ZegoResult> {
    await (reject(check.checkStreamExtraInfo(extraInfo)) ?? Promise.resolve());
    this.streamExtraInfo = extraInfo;
    if (this.publisher?.active) await this.publisher.setExtraInfo(extraInfo);
    return { errorCode: 0 };
  }

  /**
   * Publishes the streamID in the room with the camera and microphone (the preview's capture, or
   * its own): the others get roomStreamUpdate ADD, this engine publisherStateUpdate
   * PUBLISH_REQUESTING then PUBLISHING. Without WebRTC (node) it reserves the streamID only.
   */
  async startPublishingStream(streamID: string): Promise<void> {
    await (reject(check.checkStreamID(streamID)) ?? Promise.resolve());
    const room = this.room;
    if (!room || !room.loggedIn) throw zegoError(ErrorCode.NOT_LOGGED_IN, 'log in to a room before publishing');
    if (this.publisher?.active) {
      throw zegoError(ErrorCode.ALREADY_PUBLISHING, 'this engine already publishes ' + this.publisher.streamID);
    }
    const publisher = new Publisher(room, this.emitter, streamID, this.media && this.local ? { env: this.media, local: this.local, clock: this.ctx.clock } : undefined);
    this.publisher = publisher;
    try {
      await publisher.start(this.streamExtraInfo);
    } catch (e) {
      if (this.publisher === publisher) this.publisher = undefined;
      throw e;
    }
  }

  /** Stops publishing (the seed calls it with no argument); the others get roomStreamUpdate DELETE with reason 1. */
  async stopPublishingStream(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = undefined;
    if (publisher) await publisher.stop();
  }

  /** Captures the camera and microphone and shows them, muted, in the video element (if given). */
  async startPreview(videoElement?: HTMLMediaElement): Promise<void> {
    if (!this.local) throw zegoError(ErrorCode.MEDIA_FAILED, 'this runtime has no camera or microphone (no WebRTC)');
    if (!this.previewing) {
      try {
        await this.local.acquire();
      } catch (e) {
        throw zegoError(ErrorCode.MEDIA_FAILED, 'getUserMedia failed: ' + String((e as Error)?.message ?? e));
      }
      this.previewing = true;
    }
    this.local.show(videoElement);
  }

  /** Stops showing the preview; the camera stays on while a stream is published from it. */
  stopPreview(): void {
    if (!this.local || !this.previewing) return;
    this.previewing = false;
    this.local.hide();
    this.local.release();
  }

  /**
   * Plays a stream of the room; resolves to its MediaStream once its tracks arrive (at once when
   * it is published, else when it is). playerStateUpdate: PLAY_REQUESTING, then PLAYING.
   */
  async startPlayingStream(streamID: string): Promise<MediaStream> {
    await (reject(check.checkStreamID(streamID)) ?? Promise.resolve());
    const players = this.players;
    if (!players || !this.room?.loggedIn) throw zegoError(ErrorCode.NOT_LOGGED_IN, 'log in to a room before playing');
    return players.start(streamID);
  }

  /** Stops playing a stream: playerStateUpdate NO_PLAY. */
  stopPlayingStream(streamID: string): void {
    this.players?.stop(streamID);
  }

  /** Stops (true) or resumes sending the microphone to the published stream. */
  mutePublishStreamAudio(mute: boolean): void {
    this.publisher?.tracks('audio').forEach((t) => { t.enabled = !mute; });
  }

  /** Stops (true) or resumes sending the camera to the published stream. */
  mutePublishStreamVideo(mute: boolean): void {
    this.publisher?.tracks('video').forEach((t) => { t.enabled = !mute; });
  }

  /** Silences (true) or restores a played stream's audio on this page. */
  mutePlayStreamAudio(streamID: string, mute: boolean): void {
    this.players?.mute(streamID, 'audio', mute);
  }

  /** Blanks (true) or restores a played stream's video on this page. */
  mutePlayStreamVideo(streamID: string, mute: boolean): void {
    this.players?.mute(streamID, 'video', mute);
  }

  async setRoomExtraInfo(roomID: string, key: string, value: string): Promise<ZegoResult> {
    await (reject(check.firstError(check.checkRoomID(roomID), check.checkRoomExtraInfo(key, value))) ?? Promise.resolve());
    await this.roomRequest(roomID, 'setRoomExtraInfo', { key, value });
    return { errorCode: 0 };
  }

  async sendBroadcastMessage(roomID: string, message: string): Promise<{ errorCode: number; messageID: number }> {
    await (reject(check.firstError(check.checkRoomID(roomID), check.checkMessage(message))) ?? Promise.resolve());
    const response = await this.roomRequest(roomID, 'broadcast', { message });
    return { errorCode: 0, messageID: Number(response.messageID ?? 0) };
  }

  async sendBarrageMessage(roomID: string, message: string): Promise<{ errorCode: number; messageID: string }> {
    await (reject(check.firstError(check.checkRoomID(roomID), check.checkMessage(message))) ?? Promise.resolve());
    const response = await this.roomRequest(roomID, 'barrage', { message });
    return { errorCode: 0, messageID: String(response.messageID ?? '') };
  }

  /** Sends a command to the listed users (userIDs or ZegoUser objects), or to all others when the list is empty. */
  async sendCustomCommand(roomID: string, command: string, toUsers: Array<string | ZegoUser> = []): Promise<ZegoResult> {
    const toUserIDs = (toUsers ?? []).map((u) => (typeof u === 'string' ? u : u?.userID));
    await (reject(check.firstError(
      check.checkRoomID(roomID),
      check.checkMessage(command),
      toUserIDs.length > 256 ? zegoError(ErrorCode.FIELD_INVALID, 'at most 256 users per command') : undefined,
      ...toUserIDs.map(check.checkUserID),
    )) ?? Promise.resolve());
    await this.roomRequest(roomID, 'customCommand', { command, toUserIDs });
    return { errorCode: 0 };
  }

  private roomRequest(roomID: string, type: string, fields: Record<string, unknown>) {
    const room = this.room;
    if (!room || room.roomID !== roomID) {
      return Promise.reject(zegoError(ErrorCode.NOT_LOGGED_IN, 'not logged in to room ' + roomID));
    }
    return room.request(type, fields);
  }
}
