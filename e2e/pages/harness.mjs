// Imported by test pages: forwards what the page sees to the test (e2e/js/pages.mjs).

/** Every event of the Web SDK's engine (ZEGO's names). */
export const SDK_EVENTS = [
  'roomStateUpdate', 'roomStateChanged', 'roomUserUpdate', 'roomStreamUpdate', 'roomStreamExtraInfoUpdate',
  'roomExtraInfoUpdate', 'roomTokenWillExpire', 'roomOnlineUserCountUpdate', 'IMRecvBroadcastMessage',
  'IMRecvBarrageMessage', 'IMRecvCustomCommand', 'publisherStateUpdate', 'playerStateUpdate',
];

/** Tells the test: `name` happened with `args` (JSON-able values; anything else is described). */
export function log(name, ...args) {
  const safe = args.map((a) => {
    if (a instanceof Error) return { error: a.message };
    if (a instanceof MediaStream) return { mediaStream: a.id, tracks: a.getTracks().map((t) => t.kind) };
    return a;
  });
  window.parleyEvent(name, JSON.parse(JSON.stringify(safe, (k, v) => (v === undefined ? null : v))));
}

/** Registers a listener on `engine` for each of `names` that logs the event as `prefix + name`, with all its arguments. */
export function recordEvents(engine, names = SDK_EVENTS, prefix = '') {
  for (const name of names) engine.on(name, (...args) => log(prefix + name, ...args));
}

/** Logs the outcome of a promise as `${name}:resolved` or `${name}:rejected` and returns it unchanged. */
export function logOutcome(name, promise) {
  promise.then((v) => log(name + ':resolved', v), (e) => log(name + ':rejected', e));
  return promise;
}
