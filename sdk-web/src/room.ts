import { appSignProof } from './appsign.js';
import { Clock } from './clock.js';
import { Emitter } from './emitter.js';
import { ErrorCode, ZegoError, ZegoRoomState, ZegoRoomStateChangedReason as Reason, ZegoUpdateType, isZegoError, zegoError } from './constants.js';
import { Response, ServerEvent, SignalingConnection, WebSocketFactory } from './signaling.js';

export interface ZegoUser {
  userID: string;
  userName: string;
}

export interface ZegoRoomConfig {
  isUserStatusNotify?: boolean;
  token?: string;
  maxMemberCount?: number;
}

/** What a RoomSession needs from its engine. */
export interface EngineContext {
  appID: number;
  appSign?: string;
  serverURL(): string;
  webSocket: WebSocketFactory;
  clock: Clock;
  emitter: Emitter;
  requestTimeoutMs: number;
  /** How long to keep trying to resume a lost session before giving up (1002053). */
  reconnectTimeoutMs: number;
  reconnectBackoffMs: { first: number; max: number };
  /** The events of the media stage (playerStateUpdate, subscriberOffer), for the engine's players. */
  mediaEvent?: (e: ServerEvent) => void;
}

/** What the engine's publishers (and later players) hear of the session's connection. */
export interface SessionListener {
  onReconnecting(): void;
  onResumed(): void;
  onEnded(errorCode: number): void;
}

type State = 'LOGGING_IN' | 'LOGGED_IN' | 'RECONNECTING' | 'ENDED';

/** Transport failures, after which a resume is worth another try; any other code is the server's refusal. */
const TRANSPORT_CODES: ReadonlySet<number> = new Set([ErrorCode.LOGIN_NETWORK, ErrorCode.LOGIN_TIMEOUT, ErrorCode.CONNECTION_INTERRUPTED]);

/**
 * One user's session in one room over one signaling connection: login (token or AppSign proof),
 * the server's events mapped to ZEGO's callbacks, and resuming the session after a lost socket
 * (docs/protocol.md, "Reconnect"). Publishers and players of the session will hang off it.
 */
export class RoomSession {
  private state: State = 'LOGGING_IN';
  private conn?: SignalingConnection;
  private sessionToken = '';
  private heartbeatIntervalSeconds = 10;
  private reconnectStartedAt = 0;
  private reconnectAttempt = 0;
  private reconnectTimer: unknown;
  /** The users and streams the app has been told of, stated on resume so that lost events are replayed. */
  private readonly knownUserIDs = new Set<string>();
  private readonly knownStreamIDs = new Set<string>();
  listener: SessionListener = { onReconnecting() {}, onResumed() {}, onEnded() {} };

  constructor(
    private readonly ctx: EngineContext,
    readonly roomID: string,
    readonly user: ZegoUser,
    private readonly config: ZegoRoomConfig,
  ) {}

  get loggedIn(): boolean {
    return this.state === 'LOGGED_IN';
  }

  get ended(): boolean {
    return this.state === 'ENDED';
  }

  /** Logs in; resolves with ZEGO's `{errorCode: 0, extendedData}` or rejects with the failure's code. */
  async login(): Promise<ZegoError> {
    this.emitState(ZegoRoomState.Connecting, Reason.Logining, 0, '{}');
    let conn: SignalingConnection | undefined;
    try {
      conn = await SignalingConnection.open(this.ctx.webSocket, this.ctx.serverURL(), this.ctx.clock, this.ctx.requestTimeoutMs);
      this.conn = conn;
      if (this.state !== 'LOGGING_IN') throw zegoError(ErrorCode.LOGIN_NETWORK, 'logged out while logging in');
      // A socket lost now fails the pending request with 1002051; the catch below reports it as 1002030.
      const hello = await conn.request('hello', {}, this.ctx.requestTimeoutMs, ErrorCode.LOGIN_TIMEOUT);
      const credentials: Record<string, unknown> = {};
      if (this.config.token) {
        credentials.token = this.config.token;
      } else if (this.ctx.appSign) {
        credentials.appSignProof = await appSignProof(this.ctx.appSign, this.ctx.appID, this.user.userID, this.roomID, String(hello.nonce));
      }
      const response = await conn.request('login', { ...this.loginFields(), ...credentials }, this.ctx.requestTimeoutMs, ErrorCode.LOGIN_TIMEOUT);
      if (this.state !== 'LOGGING_IN') throw zegoError(ErrorCode.LOGIN_NETWORK, 'logged out while logging in');
      if (typeof hello.heartbeatIntervalSeconds === 'number' && hello.heartbeatIntervalSeconds > 0) {
        this.heartbeatIntervalSeconds = hello.heartbeatIntervalSeconds;
      }
      const extendedData = this.loggedInAs(conn, response);
      this.emitState(ZegoRoomState.Connected, Reason.Logined, 0, extendedData);
      conn.setEventHandler((e) => this.onEvent(e));
      return { errorCode: 0, extendedData };
    } catch (e) {
      conn?.close();
      let error = isZegoError(e) ? e : zegoError(ErrorCode.LOGIN_NETWORK, String(e));
      if (error.errorCode === ErrorCode.CONNECTION_INTERRUPTED) error = { ...error, errorCode: ErrorCode.LOGIN_NETWORK };
      if (this.state === 'LOGGING_IN') {
        this.state = 'ENDED';
        this.emitState(ZegoRoomState.Disconnected, Reason.LoginFailed, error.errorCode, error.extendedData);
      }
      throw error;
    }
  }

  private loginFields(): Record<string, unknown> {
    return {
      appID: this.ctx.appID,
      roomID: this.roomID,
      user: { userID: this.user.userID, userName: this.user.userName },
      config: { isUserStatusNotify: !!this.config.isUserStatusNotify, maxMemberCount: this.config.maxMemberCount ?? 0 },
    };
  }

  /** Takes over a connection whose login or resume succeeded; returns roomStateUpdate's extendedData. */
  private loggedInAs(conn: SignalingConnection, response: Response): string {
    this.state = 'LOGGED_IN';
    this.conn = conn;
    this.sessionToken = String(response.sessionToken ?? this.sessionToken);
    conn.onLost = (why) => this.onLost(why);
    conn.startHeartbeat(this.heartbeatIntervalSeconds);
    return JSON.stringify({ room_session_id: String(response.roomSessionID ?? '') });
  }

  /** Sends a request of a logged-in session. */
  request(type: string, fields: Record<string, unknown> = {}): Promise<Response> {
    if (this.state !== 'LOGGED_IN' || !this.conn) {
      const code = this.state === 'RECONNECTING' ? ErrorCode.CONNECTION_INTERRUPTED : ErrorCode.NOT_LOGGED_IN;
      return Promise.reject(zegoError(code, 'not logged in to room ' + this.roomID));
    }
    return this.conn.request(type, fields, this.ctx.requestTimeoutMs);
  }

  /** Logs out (the server stops the session's streams) and closes the connection. */
  async logout(): Promise<ZegoError> {
    const wasLoggedIn = this.state === 'LOGGED_IN';
    const conn = this.conn;
    this.end();
    if (wasLoggedIn && conn) {
      try {
        await conn.request('logout', {}, this.ctx.requestTimeoutMs);
      } catch {
        // the server ends the session when the socket goes anyway
      }
    }
    conn?.close();
    this.emitState(ZegoRoomState.Disconnected, Reason.Logout, 0, '{}');
    return { errorCode: 0, extendedData: '{}' };
  }

  /** Ends the session at once, without a word to the server or the app (destroyEngine). */
  close(): void {
    const conn = this.conn;
    this.end();
    conn?.close();
  }

  private end(errorCode = 0): void {
    if (this.state === 'ENDED') return;
    this.state = 'ENDED';
    this.listener.onEnded(errorCode);
    this.ctx.clock.clearTimeout(this.reconnectTimer);
    this.conn = undefined;
  }

  private onLost(why: string): void {
    if (this.state !== 'LOGGED_IN') return;
    this.state = 'RECONNECTING';
    this.conn = undefined;
    this.reconnectStartedAt = this.ctx.clock.now();
    this.reconnectAttempt = 0;
    this.emitState(ZegoRoomState.Connecting, Reason.Reconnecting, ErrorCode.CONNECTION_INTERRUPTED, JSON.stringify({ message: why }));
    this.listener.onReconnecting();
    this.tryResume();
  }

  private async tryResume(): Promise<void> {
    if (this.state !== 'RECONNECTING') return;
    let conn: SignalingConnection | undefined;
    try {
      conn = await SignalingConnection.open(this.ctx.webSocket, this.ctx.serverURL(), this.ctx.clock, this.ctx.requestTimeoutMs);
      if (this.state !== 'RECONNECTING') {
        conn.close();
        return;
      }
      const response = await conn.request('login', { ...this.loginFields(), sessionToken: this.sessionToken, ...this.known() }, this.ctx.requestTimeoutMs, ErrorCode.LOGIN_TIMEOUT);
      if (this.state !== 'RECONNECTING') {
        conn.close();
        return;
      }
      const extendedData = this.loggedInAs(conn, response);
      this.emitState(ZegoRoomState.Connected, Reason.Reconnected, 0, extendedData);
      this.listener.onResumed();
      conn.setEventHandler((e) => this.onEvent(e));
    } catch (e) {
      conn?.close();
      if (this.state !== 'RECONNECTING') return;
      const error = e as ZegoError;
      const elapsed = this.ctx.clock.now() - this.reconnectStartedAt;
      if (!TRANSPORT_CODES.has(error.errorCode) || elapsed >= this.ctx.reconnectTimeoutMs) {
        this.end(ErrorCode.RECONNECT_FAILED);
        this.emitState(ZegoRoomState.Disconnected, Reason.ReconnectFailed, ErrorCode.RECONNECT_FAILED,
          JSON.stringify({ message: 'the session could not be resumed', cause: error.errorCode }));
        return;
      }
      const { first, max } = this.ctx.reconnectBackoffMs;
      // the last attempt falls on the deadline itself
      const delay = Math.min(max, first * 2 ** this.reconnectAttempt++, this.ctx.reconnectTimeoutMs - elapsed);
      this.reconnectTimer = this.ctx.clock.setTimeout(() => void this.tryResume(), delay);
    }
  }

  /** knownUserIDs / knownStreamIDs for a resume (docs/protocol.md, "Reconnect"); over 500, left to the server's own diff. */
  private known(): Record<string, string[]> {
    const fields: Record<string, string[]> = {};
    if (this.config.isUserStatusNotify && this.knownUserIDs.size <= MAX_KNOWN_IDS) fields.knownUserIDs = [...this.knownUserIDs];
    if (this.knownStreamIDs.size <= MAX_KNOWN_IDS) fields.knownStreamIDs = [...this.knownStreamIDs];
    return fields;
  }

  private emitState(state: ZegoRoomState, reason: Reason, errorCode: number, extendedData: string): void {
    this.ctx.emitter.emit('roomStateUpdate', this.roomID, state, errorCode, extendedData);
    this.ctx.emitter.emit('roomStateChanged', this.roomID, reason, errorCode, extendedData);
  }

  /** The server's events as ZEGO's callbacks, with ZEGO's argument lists and numeric values. */
  private onEvent(e: ServerEvent): void {
    if (this.state !== 'LOGGED_IN') return;
    const emit = (name: string, ...args: unknown[]) => this.ctx.emitter.emit(name, ...args);
    const roomID = String(e.roomID ?? this.roomID);
    switch (e.event) {
      case 'roomUserUpdate':
        track(this.knownUserIDs, e.updateType, users(e.userList).map((u) => u.userID));
        emit('roomUserUpdate', roomID, updateType(e.updateType), users(e.userList));
        break;
      case 'roomStreamUpdate':
        track(this.knownStreamIDs, e.updateType, streams(e.streamList).map((st) => st.streamID));
        emit('roomStreamUpdate', roomID, updateType(e.updateType), streams(e.streamList), JSON.stringify(e.extendedData ?? {}));
        break;
      case 'roomStreamExtraInfoUpdate':
        emit('roomStreamExtraInfoUpdate', roomID, streams(e.streamList));
        break;
      case 'roomExtraInfoUpdate':
        emit('roomExtraInfoUpdate', roomID, list(e.roomExtraInfoList).map((i) => ({
          key: String(i.key), value: String(i.value), updateUser: user(i.updateUser), updateTime: Number(i.updateTime),
        })));
        break;
      case 'IMRecvBroadcastMessage':
      case 'IMRecvBarrageMessage':
        emit(e.event, roomID, list(e.messageList).map((m) => ({
          message: String(m.message), messageID: e.event === 'IMRecvBarrageMessage' ? String(m.messageID) : Number(m.messageID),
          sendTime: Number(m.sendTime), fromUser: user(m.fromUser),
        })));
        break;
      case 'IMRecvCustomCommand':
        emit('IMRecvCustomCommand', roomID, user(e.fromUser), String(e.command));
        break;
      case 'roomOnlineUserCountUpdate':
        emit('roomOnlineUserCountUpdate', roomID, Number(e.count));
        break;
      case 'roomTokenWillExpire':
        emit('roomTokenWillExpire', roomID, Number(e.remainTimeInSecond));
        break;
      case 'kickedOut': {
        const conn = this.conn;
        this.end(Number(e.errorCode));
        conn?.close();
        this.emitState(ZegoRoomState.Disconnected, Reason.KickOut, Number(e.errorCode),
          JSON.stringify({ reason: String(e.reason ?? '') }));
        break;
      }
      default:
        // playerStateUpdate, subscriberOffer and future events go to the players that use them
        this.ctx.mediaEvent?.(e);
        break;
    }
  }
}

type Json = Record<string, unknown>;

const MAX_KNOWN_IDS = 500;

function track(known: Set<string>, type: unknown, ids: string[]): void {
  for (const id of ids) {
    if (type === 'DELETE') known.delete(id);
    else known.add(id);
  }
}

function list(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : [];
}

function updateType(v: unknown): ZegoUpdateType {
  return v === 'DELETE' ? ZegoUpdateType.Delete : ZegoUpdateType.Add;
}

function user(v: unknown): ZegoUser {
  const u = (v ?? {}) as Json;
  return { userID: String(u.userID ?? ''), userName: String(u.userName ?? u.userID ?? '') };
}

function users(v: unknown): ZegoUser[] {
  return list(v).map(user);
}

export interface ZegoStream {
  streamID: string;
  user: ZegoUser;
  extraInfo: string;
}

function streams(v: unknown): ZegoStream[] {
  return list(v).map((s) => ({ streamID: String(s.streamID), user: user(s.user), extraInfo: String(s.extraInfo ?? '') }));
}
