/** A small event emitter: listeners run in order; one that throws does not stop the others or the SDK. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Listener = (...args: any[]) => void;

export class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }

  /** Removes one listener, or every listener of the event when none is given. */
  off(event: string, listener?: Listener): void {
    if (listener === undefined) {
      this.listeners.delete(event);
      return;
    }
    const list = this.listeners.get(event);
    if (!list) return;
    const i = list.indexOf(listener);
    if (i >= 0) list.splice(i, 1);
  }

  emit(event: string, ...args: unknown[]): void {
    const list = this.listeners.get(event);
    if (!list) return;
    for (const listener of [...list]) {
      try {
        listener(...args);
      } catch (e) {
        console.error(`[parley] a '${event}' listener threw`, e);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
