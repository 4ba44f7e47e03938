import type { MediaEnv } from '../src/media.js';

/** A track as the SDK uses one: kind, enabled, stop. */
export class FakeTrack {
  enabled = true;
  stopped = false;
  constructor(readonly kind: 'audio' | 'video', readonly id = kind + '-track') {}
  stop(): void {
    this.stopped = true;
  }
}

export class FakeStream {
  constructor(readonly id: string, readonly tracks: FakeTrack[]) {}
  getTracks(): FakeTrack[] {
    return this.tracks;
  }
}

/** An RTCPeerConnection that records what the SDK asks of it (mediasoup-client's FakeHandler, in miniature). */
export class FakePeerConnection {
  readonly transceivers: Array<{ track: FakeTrack; direction: string }> = [];
  readonly remote: Array<{ type: string; sdp: string }> = [];
  localDescription: { type: string; sdp: string } | null = null;
  ontrack: ((ev: unknown) => void) | null = null;
  /** What getStats reports next. */
  stats: Array<Record<string, unknown>> = [];
  closed = false;
  private offers = 0;

  addTransceiver(track: FakeTrack, init: { direction: string }): void {
    this.transceivers.push({ track, direction: init.direction });
  }

  async createOffer(): Promise<{ type: string; sdp: string }> {
    return { type: 'offer', sdp: `fake-offer-${++this.offers}` };
  }

  async createAnswer(): Promise<{ type: string; sdp: string }> {
    return { type: 'answer', sdp: `fake-answer-to-${this.remote[this.remote.length - 1]?.sdp}` };
  }

  async setLocalDescription(d: { type: string; sdp: string }): Promise<void> {
    this.localDescription = d;
  }

  async setRemoteDescription(d: { type: string; sdp: string }): Promise<void> {
    this.remote.push(d);
  }

  /** What the browser does when a remote track of a stream arrives. */
  fireTrack(track: FakeTrack, stream: FakeStream): void {
    this.ontrack?.({ track, streams: [stream] });
  }

  async getStats(): Promise<Map<string, Record<string, unknown>>> {
    return new Map(this.stats.map((s, i) => [String(i), s]));
  }

  close(): void {
    this.closed = true;
  }
}

export class FakeMedia {
  readonly pcs: FakePeerConnection[] = [];
  readonly captures: FakeStream[] = [];

  readonly env: MediaEnv = {
    createPeerConnection: () => {
      const pc = new FakePeerConnection();
      this.pcs.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
    getUserMedia: async () => {
      const s = new FakeStream('local-' + this.captures.length, [new FakeTrack('audio'), new FakeTrack('video')]);
      this.captures.push(s);
      return s as unknown as MediaStream;
    },
  };
}
