/**
 * What the SDK needs of the browser's media: peer connections and the camera and microphone.
 * Taken from the page's globals by default; a test passes fakes (test/fake-media.ts), and a
 * runtime without WebRTC (node) gets none, in which case publishing reserves the streamID only.
 */
export interface MediaEnv {
  createPeerConnection(config: RTCConfiguration): RTCPeerConnection;
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

/** The page's WebRTC, or undefined where there is none. */
export function browserMedia(): MediaEnv | undefined {
  const g = globalThis as { RTCPeerConnection?: new (c: RTCConfiguration) => RTCPeerConnection; navigator?: Navigator };
  const PC = g.RTCPeerConnection;
  const devices = g.navigator?.mediaDevices;
  if (!PC || !devices) return undefined;
  return {
    createPeerConnection: (config) => new PC(config),
    getUserMedia: (constraints) => devices.getUserMedia(constraints),
  };
}

/** One bundled transport per direction, as the server expects (ICE-lite, BUNDLE, rtcp-mux). */
export const PEER_CONFIG: RTCConfiguration = { bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require', iceServers: [] };

/** The camera and microphone, captured once and shared by the preview and the publisher. */
export class LocalMedia {
  private stream?: MediaStream;
  private element?: HTMLMediaElement;
  private users = 0;

  constructor(private readonly env: MediaEnv) {}

  /** Captures (once) and counts a user of the capture: the preview or the publisher. */
  async acquire(): Promise<MediaStream> {
    if (!this.stream) this.stream = await this.env.getUserMedia({ audio: true, video: true });
    this.users++;
    return this.stream;
  }

  /** Shows the capture in a video element (muted, so the user does not hear themself). */
  show(element: HTMLMediaElement | undefined): void {
    if (!element || !this.stream) return;
    this.element = element;
    element.muted = true;
    element.srcObject = this.stream;
    void element.play?.()?.catch?.(() => undefined);
  }

  hide(): void {
    if (this.element) this.element.srcObject = null;
    this.element = undefined;
  }

  /** One user is done; the last one stops the camera and microphone. */
  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users === 0) this.stopAll();
  }

  current(): MediaStream | undefined {
    return this.stream;
  }

  /** Stops every captured track (destroyEngine frees the devices). */
  stopAll(): void {
    this.hide();
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = undefined;
    this.users = 0;
  }
}
