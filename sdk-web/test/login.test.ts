import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, test } from 'node:test';
import { signalingURLFor } from '../src/engine.js';
import DefaultExport, { ExpressEngine, ZegoExpressEngine } from '../src/index.js';
import { flush, NONCE, record } from './fakes.js';
import { APP_ID, APP_SIGN, loggedIn, rig, ROOM, USER } from './helpers.js';

afterEach(() => ExpressEngine.destroyEngine());

test('instance() works right after the un-awaited create, and the promise resolves to the same engine', async () => {
  assert.equal(DefaultExport, ExpressEngine);
  assert.equal(ZegoExpressEngine, ExpressEngine);
  const created = ZegoExpressEngine.createEngineWithProfile({ appID: APP_ID, appSign: APP_SIGN, scenario: 0 });
  const now = ZegoExpressEngine.instance();
  assert.ok(now instanceof ExpressEngine);
  assert.equal(await created, now);
});

test('instance() before any create throws; a bad appID or appSign rejects the create', async () => {
  assert.throws(() => ExpressEngine.instance());
  await assert.rejects(ExpressEngine.createEngineWithProfile({ appID: -1, scenario: 0 }), { errorCode: 1001004 });
  await assert.rejects(ExpressEngine.createEngineWithProfile({ appID: 1, appSign: 'xyz', scenario: 0 }), { errorCode: 1001005 });
  assert.throws(() => ExpressEngine.instance());
});

test('login with a token: CONNECTING then CONNECTED with room_session_id, and the token on the wire', async () => {
  const { server, engine } = rig();
  const calls = record(engine, 'roomStateUpdate', 'roomStateChanged');
  const result = await engine.loginRoom(ROOM, USER, { isUserStatusNotify: true, token: '04token' });
  assert.deepEqual(result, { errorCode: 0, extendedData: '{"room_session_id":"rs-1"}' });
  assert.deepEqual(calls, [
    ['roomStateUpdate', ROOM, 1, 0, '{}'],
    ['roomStateChanged', ROOM, 0, 0, '{}'],
    ['roomStateUpdate', ROOM, 2, 0, '{"room_session_id":"rs-1"}'],
    ['roomStateChanged', ROOM, 1, 0, '{"room_session_id":"rs-1"}'],
  ]);
  const login = server.ofType('login')[0];
  assert.deepEqual({ ...login, id: 0 }, {
    v: 1, id: 0, type: 'login', appID: APP_ID, roomID: ROOM, user: USER,
    config: { isUserStatusNotify: true, maxMemberCount: 0 }, token: '04token',
  });
});

test('login with the AppSign sends an HMAC proof over the nonce, never the AppSign', async () => {
  const { server } = await loggedIn();
  const canonical = `parley-appsign-v1\n${APP_ID}\n${USER.userID}\n${ROOM}\n${NONCE}`;
  const expected = createHmac('sha256', Buffer.from(APP_SIGN, 'hex')).update(canonical, 'utf8').digest('hex');
  const login = server.ofType('login')[0];
  assert.equal(login.appSignProof, expected);
  assert.equal(login.token, undefined);
  assert.ok(!JSON.stringify(server.requests).includes(APP_SIGN));
});

test('userName defaults to the userID', async () => {
  const { server, engine } = rig();
  await engine.loginRoom(ROOM, { userID: 'u9' } as never, {});
  assert.deepEqual(server.ofType('login')[0].user, { userID: 'u9', userName: 'u9' });
});

for (const code of [1001004, 1001005, 1002001, 1002033, 1002034, 1002067, 1002075, 1002076, 1002077, 1002078, 1002079, 1100005]) {
  test(`login refused with ${code}: rejects with it, DISCONNECTED and LOGIN_FAILED`, async () => {
    const { server, engine } = rig();
    server.handlers.login = (socket, msg) => {
      socket.respond(msg, {}, code);
      return true;
    };
    const calls = record(engine, 'roomStateUpdate', 'roomStateChanged');
    await assert.rejects(engine.loginRoom(ROOM, USER, { token: '04t' }), (e: { errorCode: number; extendedData: string }) => {
      assert.equal(e.errorCode, code);
      assert.equal(typeof e.extendedData, 'string');
      return true;
    });
    assert.deepEqual(calls.slice(2).map((c) => c.slice(0, 4)), [
      ['roomStateUpdate', ROOM, 0, code],
      ['roomStateChanged', ROOM, 2, code],
    ]);
    assert.ok(server.last.closedByClient);
    // the engine may log in again after a failure
    server.handlers.login = () => false;
    await engine.loginRoom(ROOM, USER, { token: '04t' });
  });
}

test('login when the server cannot be reached: 1002030', async () => {
  const { server, engine } = rig();
  server.acceptConnections = false;
  await assert.rejects(engine.loginRoom(ROOM, USER, {}), { errorCode: 1002030 });
});

test('login without an answer: 1002031 after the request timeout', async () => {
  const { server, clock, engine } = rig();
  server.handlers.login = () => true;
  const calls = record(engine, 'roomStateChanged');
  const login = engine.loginRoom(ROOM, USER, {});
  const outcome = login.catch((e) => e);
  await clock.advance(10_000);
  assert.equal((await outcome).errorCode, 1002031);
  assert.deepEqual(calls.map((c) => c[2]), [0, 2]);
});

test('the socket lost during login: 1002030', async () => {
  const { server, engine } = rig();
  server.handlers.login = (socket) => {
    socket.drop();
    return true;
  };
  await assert.rejects(engine.loginRoom(ROOM, USER, {}), { errorCode: 1002030 });
});

test('a second room while in one: 1002001, nothing sent', async () => {
  const { server, engine } = await loggedIn();
  const before = server.requests.length;
  await assert.rejects(engine.loginRoom('room2', USER, {}), { errorCode: 1002001 });
  assert.equal(server.requests.length, before);
});

test('logoutRoom sends logout, closes the socket and reports DISCONNECTED with LOGOUT', async () => {
  const { server, engine } = await loggedIn();
  const calls = record(engine, 'roomStateUpdate', 'roomStateChanged');
  assert.deepEqual(await engine.logoutRoom(ROOM), { errorCode: 0, extendedData: '{}' });
  assert.equal(server.ofType('logout').length, 1);
  assert.ok(server.last.closedByClient);
  assert.deepEqual(calls, [['roomStateUpdate', ROOM, 0, 0, '{}'], ['roomStateChanged', ROOM, 7, 0, '{}']]);
  // and logs in again on a new connection
  await engine.loginRoom(ROOM, USER, {});
  assert.equal(server.sockets.length, 2);
});

test('logoutRoom() with no roomID leaves the one room', async () => {
  const { server, engine } = await loggedIn();
  await engine.logoutRoom();
  assert.equal(server.ofType('logout').length, 1);
});

test('destroyEngine logs out, closes, forgets the engine; a new create makes a new one', async () => {
  const { server, engine } = await loggedIn();
  await ExpressEngine.destroyEngine();
  assert.equal(server.ofType('logout').length, 1);
  assert.ok(server.last.closedByClient);
  assert.throws(() => ExpressEngine.instance());
  const again = await ExpressEngine.createEngineWithProfile({ appID: APP_ID, appSign: APP_SIGN, scenario: 0 });
  assert.notEqual(again, engine);
  await ExpressEngine.destroyEngine();
  await ExpressEngine.destroyEngine();
  await flush();
});

test('the server address defaults to /ws on the origin that served the SDK', async () => {
  assert.equal(signalingURLFor('http://parley.test:8080/sdk/parley-express.js'), 'ws://parley.test:8080/ws');
  assert.equal(signalingURLFor('https://parley.test/sdk/parley-express.js?v=1'), 'wss://parley.test/ws');
  assert.throws(() => signalingURLFor('file:///tmp/parley-express.js'), { errorCode: 1002030 });
  // without a `server`, a module loaded from a file has no origin: the login says so
  await ExpressEngine.createEngineWithProfile({ appID: APP_ID, appSign: APP_SIGN, scenario: 0 });
  await assert.rejects(ExpressEngine.instance().loginRoom(ROOM, USER, {}), { errorCode: 1002030 });
});

test('without WebCrypto (a page that is not a secure context) an AppSign login fails with 1002033 and says why', async () => {
  const { engine } = rig();
  const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
  try {
    await assert.rejects(engine.loginRoom(ROOM, USER, {}), (e: { errorCode: number; extendedData: string }) =>
      e.errorCode === 1002033 && e.extendedData.includes('secure context'));
  } finally {
    Object.defineProperty(globalThis, 'crypto', crypto);
  }
});
