// The debug page (the seed's "Web 端调试示例"): log in to a room, publish, see and play the others'
// streams, and log every event the SDK fires and every call the page makes, with its result.
// Plain ES module, no build step; it uses only the SDK's public calls.
import ZegoExpressEngine from '/sdk/parley-express.js';

const $ = (id) => document.getElementById(id);

// Every event of API.md, uni-app names. Events the SDK fires that are not listed here are logged too (see logUnlisted).
const EVENTS = [
  'roomStateUpdate', 'roomStateChanged', 'roomUserUpdate', 'roomOnlineUserCountUpdate', 'roomStreamUpdate',
  'roomStreamExtraInfoUpdate', 'roomExtraInfoUpdate', 'roomTokenWillExpire',
  'publisherStateUpdate', 'playerStateUpdate', 'publisherQualityUpdate', 'playerQualityUpdate',
  'IMRecvBroadcastMessage', 'IMRecvBarrageMessage', 'IMRecvCustomCommand',
  'remoteSoundLevelUpdate', 'capturedSoundLevelUpdate', 'remoteCameraStateUpdate', 'remoteMicStateUpdate',
];

// ZEGO's numeric values, named for the log and the tiles.
const ROOM_STATE = ['DISCONNECTED', 'CONNECTING', 'CONNECTED'];
const ROOM_REASON = ['LOGINING', 'LOGINED', 'LOGIN_FAILED', 'RECONNECTING', 'RECONNECTED', 'RECONNECT_FAILED',
  'KICKOUT', 'LOGOUT', 'LOGOUT_FAILED'];
const UPDATE_TYPE = ['ADD', 'DELETE'];
const PUBLISH_STATE = ['NO_PUBLISH', 'PUBLISH_REQUESTING', 'PUBLISHING'];
const PLAY_STATE = ['NO_PLAY', 'PLAY_REQUESTING', 'PLAYING'];
const QUALITY_LEVEL = ['EXCELLENT', 'GOOD', 'MEDIUM', 'BAD', 'DIE'];

/** A short reading of an event's arguments, shown beside its name. */
const HINTS = {
  roomStateUpdate: (roomID, state, errorCode) => `${ROOM_STATE[state] ?? state}${errorCode ? ' ' + errorCode : ''}`,
  roomStateChanged: (roomID, reason, errorCode) => `${ROOM_REASON[reason] ?? reason}${errorCode ? ' ' + errorCode : ''}`,
  roomUserUpdate: (roomID, type, users) => `${UPDATE_TYPE[type] ?? type} ${users.map((u) => u.userID).join(', ')}`,
  roomStreamUpdate: (roomID, type, streams) => `${UPDATE_TYPE[type] ?? type} ${streams.map((s) => s.streamID).join(', ')}`,
  publisherStateUpdate: (streamID, state, errorCode) => `${PUBLISH_STATE[state] ?? state}${errorCode ? ' ' + errorCode : ''}`,
  playerStateUpdate: (streamID, state, errorCode) => `${PLAY_STATE[state] ?? state}${errorCode ? ' ' + errorCode : ''}`,
};

const state = {
  engine: null,
  engineKey: '',
  development: false,
  roomID: '',          // the room logged in to (or logging in to)
  publishing: '',      // the streamID being published
  previewing: false,
  busy: false,
};
const users = new Map();     // userID -> user
const tiles = new Map();     // streamID -> { el, video, screen, button, state, quality, playing }

// ---------------------------------------------------------------- the log

const MAX_LOG = 2000;
const logList = $('log');

function clock() {
  const d = new Date();
  return d.toLocaleTimeString('en-GB', { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
}

/** JSON of a value, with what JSON cannot say (media streams, elements, errors) named instead. */
function json(value) {
  try {
    return JSON.stringify(value, (key, v) => {
      if (typeof MediaStream !== 'undefined' && v instanceof MediaStream) return `[MediaStream ${v.id}]`;
      if (typeof Element !== 'undefined' && v instanceof Element) return `[<${v.tagName.toLowerCase()}>]`;
      if (v instanceof Error) return `[${v.name}: ${v.message}]`;
      if (typeof v === 'bigint') return String(v);
      if (v === undefined && key === '') return 'undefined';
      return v;
    });
  } catch (e) {
    return String(value);
  }
}

/** Adds a line: kind is event, call, ok or error; args is shown as JSON. */
function log(kind, name, args, hint = '') {
  const li = document.createElement('li');
  li.dataset.kind = kind;
  li.dataset.name = name;
  const time = document.createElement('time');
  time.textContent = clock();
  const head = document.createElement('span');
  const label = document.createElement('span');
  label.className = 'name';
  label.textContent = { call: '▶ ', ok: '✓ ', error: '✗ ', event: '' }[kind] + name;
  head.append(label);
  if (hint) {
    const h = document.createElement('span');
    h.className = 'hint';
    h.textContent = hint;
    head.append(h);
  }
  li.append(time, head);
  if (args !== undefined) {
    const a = document.createElement('span');
    a.className = 'args';
    a.textContent = json(args);
    li.append(a);
  }
  logList.append(li);
  while (logList.childElementCount > MAX_LOG) logList.firstElementChild.remove();
  if ($('follow').checked) logList.scrollTop = logList.scrollHeight;
}

function logEvent(name, args) {
  let hint = '';
  try {
    hint = HINTS[name]?.(...args) ?? '';
  } catch (e) {
    // a hint is a nicety; the arguments are logged as they came
  }
  log('event', name, args, hint);
}

const FAILED = Symbol('failed');

/** The error code and details of whatever a call threw: ZEGO's {errorCode, extendedData}, or an Error. */
function describeError(e) {
  if (e && typeof e.errorCode === 'number') return { errorCode: e.errorCode, extendedData: e.extendedData };
  return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

/**
 * Runs one user action: logs the call, then its result (through shown, e.g. to shorten a token) or
 * its error code. Answers the result, or FAILED.
 */
async function act(name, shownArgs, run, shown = (result) => result) {
  log('call', name, shownArgs);
  try {
    const result = await run();
    log('ok', name, result === undefined ? undefined : shown(result));
    return result;
  } catch (e) {
    const d = describeError(e);
    log('error', name, d, d.errorCode !== undefined ? String(d.errorCode) : '');
    return FAILED;
  }
}

/** A token shortened for the log: enough to tell two apart, not enough to use. */
const short = (token) => (token ? token.slice(0, 10) + '…' : token);

// ---------------------------------------------------------------- engine and features

/** Whether the SDK build has a call: the engine's, or before one exists the class's. */
function hasCall(name) {
  const target = state.engine ?? ZegoExpressEngine.prototype;
  return typeof target?.[name] === 'function';
}

const media = () => hasCall('startPlayingStream');

async function ensureEngine() {
  const appID = Number($('appID').value.trim());
  const appSign = $('appSign').value.trim();
  const key = `${appID}/${appSign}`;
  if (state.engine && state.engineKey === key) return state.engine;
  if (state.engine) {
    // Another AppID or AppSign: an engine has one profile for its life.
    await act('destroyEngine', [], () => ZegoExpressEngine.destroyEngine());
    state.engine = null;
  }
  const profile = { appID, scenario: 0 };
  if (appSign) profile.appSign = appSign;
  const engine = await act('createEngineWithProfile', [{ ...profile, appSign: appSign ? '(given)' : undefined }],
    () => ZegoExpressEngine.createEngineWithProfile(profile).then(() => 'engine created'));
  if (engine === FAILED) return null;
  state.engine = ZegoExpressEngine.instance();
  state.engineKey = key;
  for (const name of EVENTS) {
    state.engine.on(name, (...args) => {
      logEvent(name, args);
      HANDLERS[name]?.(...args);
    });
  }
  logUnlisted(state.engine);
  return state.engine;
}

/**
 * Logs events the SDK fires that EVENTS does not name, so the log misses nothing a newer SDK adds.
 * This reaches into the SDK's emitter; when an SDK build has none, only the listed events are logged.
 */
function logUnlisted(engine) {
  const emitter = engine.emitter;
  if (!emitter || typeof emitter.emit !== 'function') return;
  const emit = emitter.emit;
  emitter.emit = function (event, ...args) {
    if (!EVENTS.includes(event)) logEvent(event, args);
    return emit.call(this, event, ...args);
  };
}

// ---------------------------------------------------------------- what the events change on the page

const HANDLERS = {
  roomStateUpdate(roomID, roomState) {
    setRoomState(roomState);
    if (roomState === 0 && roomID === state.roomID) leftRoom();
    render();
  },
  roomUserUpdate(roomID, type, userList) {
    for (const u of userList) {
      if (type === 0) users.set(u.userID, u);
      else users.delete(u.userID);
    }
    renderUsers();
  },
  roomStreamUpdate(roomID, type, streamList) {
    for (const s of streamList) {
      if (type === 0) addTile(s);
      else removeTile(s.streamID);
    }
  },
  roomStreamExtraInfoUpdate(roomID, streamList) {
    for (const s of streamList) {
      const t = tiles.get(s.streamID);
      if (t) t.extra.textContent = s.extraInfo ? 'extraInfo: ' + s.extraInfo : '';
    }
  },
  publisherStateUpdate(streamID, publishState) {
    const el = $('publish-state');
    el.textContent = `${PUBLISH_STATE[publishState] ?? publishState} ${streamID}`;
    el.dataset.state = publishState;
    if (publishState === 0 && state.publishing === streamID) {
      state.publishing = '';
      render();
    }
  },
  playerStateUpdate(streamID, playState) {
    const t = tiles.get(streamID);
    if (!t) return;
    t.state.textContent = PLAY_STATE[playState] ?? String(playState);
    t.state.dataset.state = playState;
  },
  publisherQualityUpdate(streamID, quality) {
    showQuality($('publish-quality'), quality);
  },
  playerQualityUpdate(streamID, quality) {
    const t = tiles.get(streamID);
    if (t) showQuality(t.quality, quality);
  },
};

function setRoomState(roomState) {
  const badge = $('room-state');
  badge.dataset.state = roomState;
  badge.textContent = (ROOM_STATE[roomState] ?? roomState) + (state.roomID ? ' · ' + state.roomID : '');
}

/** The room is gone (logout, kick-out, reconnect given up): so are its streams and users. */
function leftRoom() {
  for (const streamID of [...tiles.keys()]) removeTile(streamID, false);
  users.clear();
  renderUsers();
  state.publishing = '';
  state.roomID = '';
  setRoomState(0);
  const el = $('publish-state');
  el.textContent = 'NO_PUBLISH';
  el.dataset.state = 0;
  $('publish-quality').replaceChildren();
}

/** The quality figures ZEGO reports (fps, kbps, loss, rtt, level): every number the SDK gives, level by name. */
function showQuality(el, quality) {
  el.replaceChildren();
  if (!quality || typeof quality !== 'object') return;
  for (const [key, value] of Object.entries(quality)) {
    if (typeof value !== 'number') continue;
    const span = document.createElement('span');
    const shown = key === 'level' ? QUALITY_LEVEL[value] ?? value : Number.isInteger(value) ? value : value.toFixed(2);
    span.textContent = `${key} ${shown}`;
    el.append(span);
  }
}

function renderUsers() {
  const list = $('users');
  list.replaceChildren(...[...users.values()].map((u) => {
    const li = document.createElement('li');
    li.textContent = u.userName && u.userName !== u.userID ? `${u.userName} (${u.userID})` : u.userID;
    return li;
  }));
}

// ---------------------------------------------------------------- remote tiles

function addTile(stream) {
  if (tiles.has(stream.streamID)) return;
  const el = document.createElement('article');
  el.className = 'tile';
  el.dataset.streamId = stream.streamID;
  const screen = document.createElement('div');
  screen.className = 'screen';
  const video = document.createElement('video');
  video.autoplay = true;
  video.playsInline = true;
  const placeholder = document.createElement('span');
  placeholder.className = 'placeholder';
  placeholder.textContent = media() ? 'not playing' : 'media not available in this SDK build';
  screen.append(video, placeholder);
  const info = document.createElement('div');
  info.className = 'tile-info';
  const name = document.createElement('strong');
  name.textContent = stream.streamID;
  const who = document.createElement('span');
  who.className = 'muted';
  const u = stream.user ?? {};
  who.textContent = 'from ' + (u.userName && u.userName !== u.userID ? `${u.userName} (${u.userID})` : u.userID);
  const st = document.createElement('span');
  st.className = 'state';
  st.textContent = 'NO_PLAY';
  info.append(name, who, st);
  const extra = document.createElement('div');
  extra.className = 'extra';
  extra.textContent = stream.extraInfo ? 'extraInfo: ' + stream.extraInfo : '';
  const quality = document.createElement('div');
  quality.className = 'quality';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Play';
  button.disabled = !media();
  button.title = media() ? '' : 'media not available in this SDK build';
  const tile = { el, video, screen, button, state: st, quality, extra, playing: false };
  button.addEventListener('click', () => (tile.playing ? stopPlaying(stream.streamID) : play(stream.streamID)));
  el.append(screen, info, extra, quality, button);
  tiles.set(stream.streamID, tile);
  $('remotes').append(el);
  $('remote-count').textContent = tiles.size;
}

/** Removes a stream's tile; stops playing it first when asked (a DELETE: ZEGO says to stop at once). */
function removeTile(streamID, stop = true) {
  const t = tiles.get(streamID);
  if (!t) return;
  if (stop && t.playing) stopPlaying(streamID);
  t.video.srcObject = null;
  t.el.remove();
  tiles.delete(streamID);
  $('remote-count').textContent = tiles.size;
}

async function play(streamID) {
  const t = tiles.get(streamID);
  if (!t || !state.engine) return;
  t.button.disabled = true;
  const result = await act('startPlayingStream', [streamID], () => state.engine.startPlayingStream(streamID));
  t.button.disabled = false;
  if (result === FAILED || !tiles.has(streamID)) return;
  t.playing = true;
  t.button.textContent = 'Stop';
  if (typeof MediaStream !== 'undefined' && result instanceof MediaStream) {
    t.video.srcObject = result;
    t.screen.classList.add('live');
  } else {
    log('error', 'startPlayingStream', { streamID, note: 'resolved without a MediaStream: nothing to show' });
  }
}

async function stopPlaying(streamID) {
  const t = tiles.get(streamID);
  if (!state.engine) return;
  await act('stopPlayingStream', [streamID], () => state.engine.stopPlayingStream(streamID));
  if (!t) return;
  t.playing = false;
  t.button.textContent = 'Play';
  t.video.srcObject = null;
  t.screen.classList.remove('live');
  t.quality.replaceChildren();
}

// ---------------------------------------------------------------- user actions

async function fetchDevToken() {
  const userID = $('userID').value.trim();
  const roomID = $('roomID').value.trim();
  const query = new URLSearchParams({ userID, roomID });
  const result = await act('GET /debug/token', { userID, roomID }, async () => {
    const res = await fetch('/debug/token?' + query);
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`HTTP ${res.status} ${body.error ?? ''}`.trim());
    return body;
  }, (body) => ({ ...body, token: short(body.token) }));
  if (result === FAILED) return '';
  $('token').value = result.token;
  if (!$('appID').value.trim()) $('appID').value = result.appID;
  return result.token;
}

async function login() {
  const roomID = $('roomID').value.trim();
  const userID = $('userID').value.trim();
  const userName = $('userName').value.trim() || userID;
  let token = $('token').value.trim();
  if (!token && !$('appSign').value.trim() && state.development) {
    token = await fetchDevToken();   // development mode: no credentials typed, mint one
  }
  const engine = await ensureEngine();
  if (!engine) return;
  state.roomID = roomID;
  const user = { userID, userName };
  const config = { isUserStatusNotify: true, token };
  const result = await act('loginRoom', [roomID, user, { ...config, token: short(token) }],
    () => engine.loginRoom(roomID, user, config));
  if (result === FAILED && state.roomID === roomID) leftRoom();
}

async function logout() {
  if (!state.engine || !state.roomID) return;
  const roomID = state.roomID;
  await act('logoutRoom', [roomID], () => state.engine.logoutRoom(roomID));
  leftRoom();
}

async function startPreview() {
  if (!hasCall('startPreview')) {
    log('error', 'startPreview', { note: 'media not available in this SDK build' });
    return false;
  }
  const video = $('local-video');
  const result = await act('startPreview', [video], () => state.engine.startPreview(video));
  if (result === FAILED) return false;
  // The seed's SDK shows the preview in the element it is given; one that answers a stream instead is shown too.
  if (typeof MediaStream !== 'undefined' && result instanceof MediaStream && !video.srcObject) video.srcObject = result;
  state.previewing = true;
  video.parentElement.classList.add('live');
  return true;
}

async function stopPreview() {
  if (!state.engine || !hasCall('stopPreview')) return;
  await act('stopPreview', [], () => state.engine.stopPreview());
  state.previewing = false;
  $('local-video').parentElement.classList.remove('live');
}

async function publish() {
  const engine = state.engine;
  if (!engine) return;
  let streamID = $('streamID').value.trim();
  if (!streamID) streamID = $('streamID').value = `${$('userID').value.trim()}_main`;
  if (hasCall('startPreview') && !state.previewing) await startPreview();
  const result = await act('startPublishingStream', [streamID], () => engine.startPublishingStream(streamID));
  if (result !== FAILED) state.publishing = streamID;
}

async function stopPublishing() {
  if (!state.engine) return;
  await act('stopPublishingStream', [], () => state.engine.stopPublishingStream());
  state.publishing = '';
}

/** The seed's end button: stop playing, publishing and preview, log out, destroy the engine. */
async function end() {
  if (!state.engine) {
    log('ok', 'End', { note: 'no engine: nothing to end' });
    return;
  }
  for (const [streamID, t] of tiles) if (t.playing) await stopPlaying(streamID);
  if (state.publishing) await stopPublishing();
  if (state.previewing) await stopPreview();
  if (state.roomID) await logout();
  await act('destroyEngine', [], () => ZegoExpressEngine.destroyEngine());
  state.engine = null;
  state.engineKey = '';
  leftRoom();
}

/** Runs one action at a time, the buttons disabled meanwhile, then redraws them. */
function action(run) {
  return async (event) => {
    event?.preventDefault();
    if (state.busy) return;
    state.busy = true;
    render();
    try {
      await run();
    } catch (e) {
      log('error', 'page', describeError(e));
    } finally {
      state.busy = false;
      render();
    }
  };
}

/** Enables what makes sense now. */
function render() {
  const inRoom = Boolean(state.engine && state.roomID);
  const set = (id, enabled) => { $(id).disabled = state.busy || !enabled; };
  set('login', !inRoom);
  set('get-token', state.development);
  set('logout', inRoom);
  set('publish', inRoom && !state.publishing);
  set('stop-publish', inRoom && Boolean(state.publishing));
  set('preview', Boolean(state.engine) && hasCall('startPreview') && !state.previewing);
  set('stop-preview', Boolean(state.engine) && hasCall('stopPreview') && state.previewing);
  set('end', true);
  $('media-note').hidden = media();
}

// ---------------------------------------------------------------- start

async function start() {
  const params = new URLSearchParams(location.search);
  const random = String(Math.floor(1000 + Math.random() * 9000));
  const prefill = { appID: '', roomID: 'room1', userID: 'user' + random, userName: '', streamID: '', token: '', appSign: '' };
  for (const key of Object.keys(prefill)) {
    const el = $(key);
    el.value = params.get(key) ?? prefill[key];
  }
  if (!$('userName').value) $('userName').value = $('userID').value;
  if (!$('streamID').value) $('streamID').value = $('userID').value + '_main';

  if (!media()) document.querySelector('.local .placeholder').textContent = 'media not available in this SDK build';
  $('sdk-version').textContent = typeof ZegoExpressEngine.getVersion === 'function' ? ZegoExpressEngine.getVersion() : '';
  try {
    const res = await fetch('/debug/config');
    const config = res.ok ? await res.json() : {};
    state.development = config.development === true;
    if (state.development && !$('appID').value) $('appID').value = config.appID;
  } catch (e) {
    state.development = false;   // not served by a Parley server: no dev tokens
  }
  const mode = $('mode');
  mode.textContent = state.development ? 'development app' : 'configured apps';
  mode.classList.toggle('dev', state.development);
  $('get-token').hidden = !state.development;

  $('controls').addEventListener('submit', action(login));
  $('get-token').addEventListener('click', action(fetchDevToken));
  $('logout').addEventListener('click', action(logout));
  $('publish').addEventListener('click', action(publish));
  $('stop-publish').addEventListener('click', action(stopPublishing));
  $('preview').addEventListener('click', action(startPreview));
  $('stop-preview').addEventListener('click', action(stopPreview));
  $('end').addEventListener('click', action(end));
  $('clear-log').addEventListener('click', () => logList.replaceChildren());
  window.addEventListener('unhandledrejection', (e) => log('error', 'unhandled rejection', describeError(e.reason)));
  window.addEventListener('error', (e) => log('error', 'page error', { message: e.message }));

  log('ok', 'page ready', { sdk: $('sdk-version').textContent, development: state.development, media: media() });
  render();
}

start();
