import type { Clock } from '../src/clock.js';
import type { WebSocketLike } from '../src/signaling.js';

/** Timers that move only when a test says so. */
export class FakeClock implements Clock {
  private time = 1_795_000_000_000;
  private nextHandle = 1;
  private timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + ms, fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward by ms, running each timer due in order and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await flush();
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

// WebCrypto (the AppSign proof) completes on libuv's thread pool, which on a loaded machine takes
// any number of event-loop turns. Counting its calls in flight lets flush() wait for them, so a test's
// fake clock never runs past a request that was about to be sent.
let cryptoInFlight = 0;
const subtle = globalThis.crypto?.subtle as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> | undefined;
if (subtle) {
  for (const name of ['importKey', 'sign']) {
    const original = subtle[name].bind(subtle);
    subtle[name] = (...args: unknown[]) => {
      cryptoInFlight++;
      return original(...args).finally(() => cryptoInFlight--);
    };
  }
}

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

/** Lets every pending promise, queued delivery and WebCrypto call in flight run (up to 10 s of the last). */
export async function flush(): Promise<void> {
  await turns(5);
  const deadline = Date.now() + 10_000;
  while (cryptoInFlight > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1));
    await turns(5);
  }
}

export type Message = Record<string, unknown> & { id: number; type: string };

/** One client socket of the fake server; frames are delivered asynchronously, as a browser does. */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code?: number; reason?: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  readonly received: Message[] = [];
  closedByClient = false;

  constructor(readonly url: string, private readonly server: FakeServer) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    const msg = JSON.parse(data) as Message;
    this.received.push(msg);
    this.server.requests.push(msg);
    this.server.handle(this, msg);
  }

  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.closedByClient = true;
  }

  /** Server to client: one frame. */
  deliver(msg: Record<string, unknown>): void {
    queueMicrotask(() => {
      if (this.readyState === 1) this.onmessage?.({ data: JSON.stringify({ v: 1, ...msg }) });
    });
  }

  respond(req: Message, fields: Record<string, unknown> = {}, code = 0): void {
    this.deliver({ type: 'response', id: req.id, code, message: code === 0 ? 'ok' : 'refused', ...fields });
  }

  event(event: string, fields: Record<string, unknown>): void {
    this.deliver({ type: 'event', event, ...fields });
  }

  /** The server side closes the connection, after the frames already on their way. */
  drop(code = 1006): void {
    queueMicrotask(() => {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.onclose?.({ code, reason: '' });
    });
  }
}

export const NONCE = '9f'.repeat(32);

/**
 * An in-memory signaling server speaking docs/protocol.md's JSON. By default it accepts every
 * connection and answers every request with success; a test overrides `respond` per type.
 */
export class FakeServer {
  readonly sockets: FakeSocket[] = [];
  readonly requests: Message[] = [];
  acceptConnections = true;
  /** Per request type: answer it yourself (return true) or leave it to the default. */
  handlers: Record<string, (socket: FakeSocket, msg: Message) => boolean | void> = {};
  sessionCounter = 0;

  readonly factory = (url: string): WebSocketLike => {
    const socket = new FakeSocket(url, this);
    this.sockets.push(socket);
    queueMicrotask(() => {
      if (this.acceptConnections) {
        socket.readyState = 1;
        socket.onopen?.({});
      } else {
        socket.readyState = 3;
        socket.onerror?.({});
        socket.onclose?.({ code: 1006 });
      }
    });
    return socket;
  };

  get last(): FakeSocket {
    return this.sockets[this.sockets.length - 1];
  }

  ofType(type: string): Message[] {
    return this.requests.filter((r) => r.type === type);
  }

  handle(socket: FakeSocket, msg: Message): void {
    const custom = this.handlers[msg.type];
    if (custom && custom(socket, msg) === true) return;
    switch (msg.type) {
      case 'hello':
        socket.respond(msg, { nonce: NONCE, heartbeatIntervalSeconds: 10 });
        break;
      case 'login':
        if (msg.sessionToken) {
          socket.respond(msg, { roomSessionID: 'rs-1', sessionToken: msg.sessionToken, resumed: true, userList: [], streamList: [], roomExtraInfoList: [], tokenExpireTime: 0 });
        } else {
          this.sessionCounter++;
          socket.respond(msg, { roomSessionID: 'rs-' + this.sessionCounter, sessionToken: 'st-' + this.sessionCounter, resumed: false, userList: [], streamList: [], roomExtraInfoList: [], tokenExpireTime: 0 });
        }
        break;
      case 'broadcast':
        socket.respond(msg, { messageID: 12 });
        break;
      case 'barrage':
        socket.respond(msg, { messageID: 13 });
        break;
      case 'publish':
        socket.respond(msg, { streamID: msg.streamID });
        break;
      case 'renewToken':
        socket.respond(msg, { tokenExpireTime: 1795007200 });
        break;
      default:
        socket.respond(msg);
    }
  }
}

/** Records every call of the listed events, with its arguments. */
export function record(engine: { on(event: string, cb: (...args: unknown[]) => void): void }, ...events: string[]): Array<[string, ...unknown[]]> {
  const calls: Array<[string, ...unknown[]]> = [];
  for (const e of events) engine.on(e, (...args: unknown[]) => calls.push([e, ...args]));
  return calls;
}
