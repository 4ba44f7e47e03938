import { Clock } from './clock.js';
import { ErrorCode, ZegoError, zegoError } from './constants.js';

/** The part of a WebSocket this SDK uses: the browser's WebSocket, the `ws` package, or a test double. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code?: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

/** A server response whose code was 0, with its fields (docs/protocol.md). */
export type Response = Record<string, unknown> & { code: number; message: string };

/** A server event: `event` names it, the other fields are its arguments. */
export type ServerEvent = Record<string, unknown> & { event: string };

const PROTOCOL_VERSION = 1;
const OPEN = 1;

interface Pending {
  resolve: (r: Response) => void;
  reject: (e: ZegoError) => void;
  timer: unknown;
}

/**
 * One signaling WebSocket (docs/protocol.md): requests with ids and one response each, pushed
 * events, heartbeats both ways. It reports the loss of the socket once, through `onLost`; it
 * never reconnects itself (RoomSession does). Events are held until a handler is set, so that a
 * login's response is handled before the events that follow it, whatever the socket's batching.
 */
export class SignalingConnection {
  onLost: (reason: string) => void = () => {};
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private heldEvents: ServerEvent[] | null = [];
  private eventHandler: (e: ServerEvent) => void = () => {};
  private heartbeatTimer: unknown;
  private silenceTimer: unknown;
  private silenceMs = 30_000;
  private closed = false;

  private constructor(private readonly socket: WebSocketLike, private readonly clock: Clock) {}

  /** Opens a socket; rejects with 1002030 when it cannot connect within timeoutMs. */
  static open(factory: WebSocketFactory, url: string, clock: Clock, timeoutMs: number): Promise<SignalingConnection> {
    return new Promise((resolve, reject) => {
      let socket: WebSocketLike;
      try {
        socket = factory(url);
      } catch (e) {
        reject(zegoError(ErrorCode.LOGIN_NETWORK, 'cannot open a WebSocket to ' + url + ': ' + String(e)));
        return;
      }
      const conn = new SignalingConnection(socket, clock);
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        clock.clearTimeout(timer);
        socket.onopen = socket.onclose = socket.onerror = socket.onmessage = null;
        try {
          socket.close();
        } catch {
          // already closing
        }
        reject(zegoError(ErrorCode.LOGIN_NETWORK, why));
      };
      const timer = clock.setTimeout(() => fail('connecting to ' + url + ' timed out'), timeoutMs);
      socket.onerror = () => fail('cannot connect to ' + url);
      socket.onclose = () => fail('cannot connect to ' + url);
      socket.onopen = () => {
        if (settled) return;
        settled = true;
        clock.clearTimeout(timer);
        conn.attach();
        resolve(conn);
      };
    });
  }

  private attach(): void {
    this.socket.onmessage = (ev) => this.receive(ev.data);
    this.socket.onclose = (ev) => this.lose('socket closed' + (ev && ev.code ? ' (' + ev.code + ')' : ''));
    this.socket.onerror = () => this.lose('socket error');
    this.resetSilence();
  }

  /** Sends a request; resolves with the response when its code is 0, else rejects with the code. */
  request(type: string, fields: Record<string, unknown> = {}, timeoutMs = 10_000, timeoutCode: number = ErrorCode.CONNECTION_INTERRUPTED): Promise<Response> {
    if (this.closed || this.socket.readyState !== OPEN) {
      return Promise.reject(zegoError(ErrorCode.CONNECTION_INTERRUPTED, 'the signaling connection is closed'));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.pending.delete(id);
        reject(zegoError(timeoutCode, `no response to '${type}' in ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.socket.send(JSON.stringify({ ...fields, v: PROTOCOL_VERSION, id, type }));
    });
  }

  /** Sets where events go, and hands over the ones that came before. */
  setEventHandler(handler: (e: ServerEvent) => void): void {
    this.eventHandler = handler;
    const held = this.heldEvents ?? [];
    this.heldEvents = null;
    for (const e of held) handler(e);
  }

  /** Sends a heartbeat every intervalSeconds; a silence of three intervals (30 s by default) counts as a lost socket. */
  startHeartbeat(intervalSeconds: number): void {
    this.silenceMs = intervalSeconds * 3000;
    this.resetSilence();
    const beat = () => {
      if (this.closed) return;
      this.request('heartbeat', {}, this.silenceMs).catch(() => {
        // a missing answer shows as silence
      });
      this.heartbeatTimer = this.clock.setTimeout(beat, intervalSeconds * 1000);
    };
    this.clock.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = this.clock.setTimeout(beat, intervalSeconds * 1000);
  }

  /** Closes the socket without reporting it lost; pending requests fail with 1002051. */
  close(): void {
    if (this.closed) return;
    this.shutDown('closed by the client');
    this.socket.onopen = this.socket.onclose = this.socket.onerror = this.socket.onmessage = null;
    try {
      this.socket.close(1000, 'bye');
    } catch {
      // already closing
    }
  }

  private receive(data: unknown): void {
    if (this.closed) return;
    this.resetSilence();
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(String(data));
    } catch {
      console.warn('[parley] a frame that is not JSON was ignored');
      return;
    }
    if (msg.type === 'response') {
      const p = this.pending.get(msg.id as number);
      if (!p) return;
      this.pending.delete(msg.id as number);
      this.clock.clearTimeout(p.timer);
      if (msg.code === 0) {
        p.resolve(msg as Response);
      } else {
        p.reject(zegoError(Number(msg.code), String(msg.message ?? '')));
      }
    } else if (msg.type === 'event' && typeof msg.event === 'string') {
      if (msg.event === 'heartbeat') return;
      if (this.heldEvents) this.heldEvents.push(msg as ServerEvent);
      else this.eventHandler(msg as ServerEvent);
    }
  }

  private resetSilence(): void {
    if (this.closed) return;
    this.clock.clearTimeout(this.silenceTimer);
    this.silenceTimer = this.clock.setTimeout(() => {
      this.lose(`nothing heard for ${this.silenceMs} ms`);
      try {
        this.socket.close(4000, 'heartbeat timeout');
      } catch {
        // already closing
      }
    }, this.silenceMs);
  }

  private lose(reason: string): void {
    if (this.closed) return;
    this.shutDown(reason);
    this.onLost(reason);
  }

  private shutDown(reason: string): void {
    this.closed = true;
    this.clock.clearTimeout(this.heartbeatTimer);
    this.clock.clearTimeout(this.silenceTimer);
    for (const p of this.pending.values()) {
      this.clock.clearTimeout(p.timer);
      p.reject(zegoError(ErrorCode.CONNECTION_INTERRUPTED, reason));
    }
    this.pending.clear();
  }
}
