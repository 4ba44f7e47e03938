import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ExpressEngine } from '../src/index.js';
import { record } from './fakes.js';
import { loggedIn, ROOM, USER } from './helpers.js';

afterEach(() => ExpressEngine.destroyEngine());

const U2 = { userID: 'id2', userName: 'user2' };

test('a lost socket inside the window: CONNECTING (RECONNECTING), resume with the session token, CONNECTED (RECONNECTED)', async () => {
  const { server, clock, engine } = await loggedIn();
  const calls = record(engine, 'roomStateUpdate', 'roomStateChanged', 'roomUserUpdate');
  server.last.drop();
  await clock.advance(0);
  assert.deepEqual(calls.map((c) => c.slice(0, 4)), [
    ['roomStateUpdate', ROOM, 1, 1002051],
    ['roomStateChanged', ROOM, 3, 1002051],
    ['roomStateUpdate', ROOM, 2, 0],
    ['roomStateChanged', ROOM, 4, 0],
  ]);
  assert.equal(calls[2][4], '{"room_session_id":"rs-1"}');
  assert.equal(server.sockets.length, 2);
  const resume = server.ofType('login')[1];
  assert.equal(resume.sessionToken, 'st-1');
  assert.deepEqual(resume.user, USER);
  assert.equal(resume.appSignProof, undefined);
  assert.deepEqual(resume.knownUserIDs, []);
  assert.deepEqual(resume.knownStreamIDs, []);
  assert.equal(server.sockets[1].received.some((m) => m.type === 'hello'), false);
  // the session goes on over the new socket, events included
  server.last.event('roomUserUpdate', { roomID: ROOM, updateType: 'ADD', userList: [U2] });
  await engine.sendBroadcastMessage(ROOM, 'back');
  assert.deepEqual(calls[4], ['roomUserUpdate', ROOM, 0, [U2]]);
  assert.equal(server.last.received.at(-1)?.type, 'broadcast');
});

test('a resume states the users and streams the app knows', async () => {
  const { server, clock } = await loggedIn();
  const s = server.last;
  const stream = (id: string) => ({ streamID: id, user: U2, extraInfo: '' });
  s.event('roomUserUpdate', { roomID: ROOM, updateType: 'ADD', userList: [U2, { userID: 'id3', userName: 'c' }] });
  s.event('roomUserUpdate', { roomID: ROOM, updateType: 'DELETE', userList: [{ userID: 'id3', userName: 'c' }] });
  s.event('roomStreamUpdate', { roomID: ROOM, updateType: 'ADD', streamList: [stream('s2'), stream('s3')] });
  s.event('roomStreamUpdate', { roomID: ROOM, updateType: 'DELETE', streamList: [stream('s2')] });
  s.drop();
  await clock.advance(0);
  const resume = server.ofType('login')[1];
  assert.deepEqual(resume.knownUserIDs, ['id2']);
  assert.deepEqual(resume.knownStreamIDs, ['s3']);
});

test('the server cannot be reached: retries with bounded exponential backoff, then resumes', async () => {
  const { server, clock, engine } = await loggedIn();
  const calls = record(engine, 'roomStateChanged');
  server.acceptConnections = false;
  server.last.drop();
  await clock.advance(0);
  const attemptsAt = (ms: number) => clock.advance(ms).then(() => server.sockets.length);
  assert.equal(server.sockets.length, 2); // at once
  assert.equal(await attemptsAt(499), 2);
  assert.equal(await attemptsAt(1), 3); // +500
  assert.equal(await attemptsAt(1000), 4); // +1000
  assert.equal(await attemptsAt(2000), 5); // +2000
  assert.equal(await attemptsAt(4000), 6); // +4000
  assert.equal(await attemptsAt(4000), 7); // +4000, the bound
  await assert.rejects(engine.sendBroadcastMessage(ROOM, 'hi'), { errorCode: 1002051 });
  server.acceptConnections = true;
  await clock.advance(4000);
  assert.deepEqual(calls.map((c) => c[2]), [3, 4]);
  assert.equal(server.ofType('login').at(-1)?.sessionToken, 'st-1');
});

test('past the window the server refuses the resume (1100021): DISCONNECTED with RECONNECT_FAILED and 1002053', async () => {
  const { server, clock, engine } = await loggedIn();
  server.handlers.login = (socket, msg) => {
    socket.respond(msg, {}, 1100021);
    return true;
  };
  const calls = record(engine, 'roomStateUpdate', 'roomStateChanged');
  server.last.drop();
  await clock.advance(60_000);
  assert.deepEqual(calls.map((c) => c.slice(0, 4)), [
    ['roomStateUpdate', ROOM, 1, 1002051],
    ['roomStateChanged', ROOM, 3, 1002051],
    ['roomStateUpdate', ROOM, 0, 1002053],
    ['roomStateChanged', ROOM, 5, 1002053],
  ]);
  assert.equal(server.sockets.length, 2);
  assert.ok(server.last.closedByClient);
  // the engine can log in afresh
  server.handlers.login = () => false;
  await engine.loginRoom(ROOM, USER, {});
});

test('unreachable for longer than the reconnect timeout: DISCONNECTED with 1002053, then no more attempts', async () => {
  const { server, clock, engine } = await loggedIn();
  const calls = record(engine, 'roomStateChanged');
  server.acceptConnections = false;
  server.last.drop();
  await clock.advance(61_000);
  assert.deepEqual(calls.map((c) => [c[2], c[3]]), [[3, 1002051], [5, 1002053]]);
  const attempts = server.sockets.length;
  await clock.advance(60_000);
  assert.equal(server.sockets.length, attempts);
});

test('logoutRoom while reconnecting stops the attempts', async () => {
  const { server, clock, engine } = await loggedIn();
  server.acceptConnections = false;
  server.last.drop();
  await clock.advance(1000);
  const calls = record(engine, 'roomStateChanged');
  await engine.logoutRoom(ROOM);
  const attempts = server.sockets.length;
  await clock.advance(60_000);
  assert.equal(server.sockets.length, attempts);
  assert.deepEqual(calls.map((c) => c[2]), [7]);
});

test('heartbeats every heartbeatIntervalSeconds; 30 s of silence counts as a lost socket', async () => {
  const { server, clock, engine } = await loggedIn();
  const calls = record(engine, 'roomStateChanged');
  const first = server.last;
  await clock.advance(10_000);
  assert.equal(first.received.filter((m) => m.type === 'heartbeat').length, 1);
  await clock.advance(20_000);
  assert.equal(first.received.filter((m) => m.type === 'heartbeat').length, 3);
  assert.deepEqual(calls, []); // the answers keep the connection alive
  server.handlers.heartbeat = () => true; // the server goes silent
  await clock.advance(29_999);
  assert.deepEqual(calls, []);
  await clock.advance(1);
  assert.deepEqual(calls.map((c) => c[2]), [3, 4]);
  assert.ok(first.closedByClient);
  assert.equal(server.ofType('login').at(-1)?.sessionToken, 'st-1');
});

test('a server heartbeat event keeps a quiet connection alive', async () => {
  const { server, clock, engine } = await loggedIn();
  server.handlers.heartbeat = () => true;
  const calls = record(engine, 'roomStateChanged');
  for (let i = 0; i < 6; i++) {
    await clock.advance(10_000);
    server.last.event('heartbeat', { serverTime: clock.now() });
  }
  assert.deepEqual(calls, []);
});
