import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ExpressEngine } from '../src/index.js';
import { flush, record } from './fakes.js';
import { loggedIn, rig, ROOM, USER } from './helpers.js';

afterEach(() => ExpressEngine.destroyEngine());

const U2 = { userID: 'id2', userName: 'user2' };
const S2 = { streamID: 's2', user: U2, extraInfo: '' };

test('room events reach the app with ZEGO argument lists and numeric values', async () => {
  const { server, engine } = await loggedIn();
  const calls = record(engine, 'roomUserUpdate', 'roomStreamUpdate', 'roomStreamExtraInfoUpdate', 'roomExtraInfoUpdate',
    'roomOnlineUserCountUpdate', 'roomTokenWillExpire', 'IMRecvBroadcastMessage', 'IMRecvBarrageMessage', 'IMRecvCustomCommand');
  const s = server.last;
  const message = { message: 'hi', messageID: 3, sendTime: 1795000000000, fromUser: U2 };
  s.event('roomUserUpdate', { roomID: ROOM, updateType: 'ADD', userList: [U2] });
  s.event('roomUserUpdate', { roomID: ROOM, updateType: 'DELETE', userList: [U2] });
  s.event('roomStreamUpdate', { roomID: ROOM, updateType: 'ADD', streamList: [S2] });
  s.event('roomStreamUpdate', { roomID: ROOM, updateType: 'DELETE', streamList: [S2], extendedData: { stream_delete_reason: [{ streamID: 's2', code: 2 }] } });
  s.event('roomStreamExtraInfoUpdate', { roomID: ROOM, streamList: [{ ...S2, extraInfo: 'x' }] });
  s.event('roomExtraInfoUpdate', { roomID: ROOM, roomExtraInfoList: [{ key: 'topic', value: 'cats', updateUser: U2, updateTime: 1795000000000 }] });
  s.event('roomOnlineUserCountUpdate', { roomID: ROOM, count: 2 });
  s.event('roomTokenWillExpire', { roomID: ROOM, remainTimeInSecond: 30 });
  s.event('IMRecvBroadcastMessage', { roomID: ROOM, messageList: [message] });
  s.event('IMRecvBarrageMessage', { roomID: ROOM, messageList: [{ ...message, messageID: 4 }] });
  s.event('IMRecvCustomCommand', { roomID: ROOM, fromUser: U2, command: 'mute' });
  s.event('heartbeat', { serverTime: 1795000000000 });
  await flush();
  assert.deepEqual(calls, [
    ['roomUserUpdate', ROOM, 0, [U2]],
    ['roomUserUpdate', ROOM, 1, [U2]],
    ['roomStreamUpdate', ROOM, 0, [S2], '{}'],
    ['roomStreamUpdate', ROOM, 1, [S2], '{"stream_delete_reason":[{"streamID":"s2","code":2}]}'],
    ['roomStreamExtraInfoUpdate', ROOM, [{ ...S2, extraInfo: 'x' }]],
    ['roomExtraInfoUpdate', ROOM, [{ key: 'topic', value: 'cats', updateUser: U2, updateTime: 1795000000000 }]],
    ['roomOnlineUserCountUpdate', ROOM, 2],
    ['roomTokenWillExpire', ROOM, 30],
    ['IMRecvBroadcastMessage', ROOM, [message]],
    ['IMRecvBarrageMessage', ROOM, [{ ...message, messageID: '4' }]],
    ['IMRecvCustomCommand', ROOM, U2, 'mute'],
  ]);
});

test('the ADD events right behind the login response come after CONNECTED', async () => {
  const { server, engine } = rig();
  server.handlers.login = (socket, msg) => {
    socket.respond(msg, { roomSessionID: 'r', sessionToken: 't', resumed: false });
    socket.event('roomUserUpdate', { roomID: ROOM, updateType: 'ADD', userList: [U2] });
    socket.event('roomStreamUpdate', { roomID: ROOM, updateType: 'ADD', streamList: [S2] });
    return true;
  };
  const calls = record(engine, 'roomStateUpdate', 'roomUserUpdate', 'roomStreamUpdate');
  await engine.loginRoom(ROOM, USER, { isUserStatusNotify: true });
  await flush();
  assert.deepEqual(calls.map((c) => c[0] + (c[0] === 'roomStateUpdate' ? ':' + c[2] : '')),
    ['roomStateUpdate:1', 'roomStateUpdate:2', 'roomUserUpdate', 'roomStreamUpdate']);
});

test('off(event, cb) removes one listener; off(event) removes all; a throwing listener does not stop the others', async () => {
  const { server, engine } = await loggedIn();
  const seen: string[] = [];
  const a = () => seen.push('a');
  const b = () => {
    seen.push('b');
    throw new Error('app bug');
  };
  const c = () => seen.push('c');
  engine.on('roomOnlineUserCountUpdate', a);
  engine.on('roomOnlineUserCountUpdate', b);
  engine.on('roomOnlineUserCountUpdate', c);
  const error = console.error;
  console.error = () => {};
  try {
    server.last.event('roomOnlineUserCountUpdate', { roomID: ROOM, count: 1 });
    await flush();
    engine.off('roomOnlineUserCountUpdate', a);
    server.last.event('roomOnlineUserCountUpdate', { roomID: ROOM, count: 1 });
    await flush();
    engine.off('roomOnlineUserCountUpdate');
    server.last.event('roomOnlineUserCountUpdate', { roomID: ROOM, count: 1 });
    await flush();
  } finally {
    console.error = error;
  }
  assert.deepEqual(seen, ['a', 'b', 'c', 'b', 'c']);
});

for (const code of [1002050, 1002056, 1100022, 1100023]) {
  test(`kicked out with ${code}: DISCONNECTED and KICKOUT, no reconnect`, async () => {
    const { server, clock, engine } = await loggedIn();
    const calls = record(engine, 'roomStateUpdate', 'roomStateChanged');
    server.last.event('kickedOut', { roomID: ROOM, errorCode: code, reason: 'why' });
    server.last.drop(1000);
    await clock.advance(60_000);
    assert.deepEqual(calls, [
      ['roomStateUpdate', ROOM, 0, code, '{"reason":"why"}'],
      ['roomStateChanged', ROOM, 6, code, '{"reason":"why"}'],
    ]);
    assert.equal(server.sockets.length, 1);
    await assert.rejects(engine.sendBroadcastMessage(ROOM, 'hi'), { errorCode: 1000002 });
  });
}

test('messages, commands, room extra info and token renewal send the protocol requests and resolve', async () => {
  const { server, engine } = await loggedIn();
  assert.deepEqual(await engine.sendBroadcastMessage(ROOM, 'hello'), { errorCode: 0, messageID: 12 });
  assert.deepEqual(await engine.sendBarrageMessage(ROOM, 'wow'), { errorCode: 0, messageID: '13' });
  assert.deepEqual(await engine.sendCustomCommand(ROOM, 'mute', ['id2', { userID: 'id3', userName: 'c' }]), { errorCode: 0 });
  assert.deepEqual(await engine.setRoomExtraInfo(ROOM, 'topic', 'cats'), { errorCode: 0 });
  assert.deepEqual(await engine.renewToken(ROOM, '04new'), { errorCode: 0 });
  const strip = (type: string) => {
    const { v: _v, id: _id, ...rest } = server.ofType(type)[0];
    return rest;
  };
  assert.deepEqual(strip('broadcast'), { type: 'broadcast', message: 'hello' });
  assert.deepEqual(strip('barrage'), { type: 'barrage', message: 'wow' });
  assert.deepEqual(strip('customCommand'), { type: 'customCommand', command: 'mute', toUserIDs: ['id2', 'id3'] });
  assert.deepEqual(strip('setRoomExtraInfo'), { type: 'setRoomExtraInfo', key: 'topic', value: 'cats' });
  assert.deepEqual(strip('renewToken'), { type: 'renewToken', token: '04new' });
});

test('a refused request rejects with the server code and the session goes on', async () => {
  const { server, engine } = await loggedIn();
  server.handlers.broadcast = (socket, msg) => {
    socket.respond(msg, {}, 1009015);
    return true;
  };
  await assert.rejects(engine.sendBroadcastMessage(ROOM, 'hi'), { errorCode: 1009015 });
  assert.deepEqual(await engine.sendBarrageMessage(ROOM, 'still here'), { errorCode: 0, messageID: '13' });
});

test('requests for a room the engine is not in: 1000002, nothing sent', async () => {
  const { server, engine } = await loggedIn();
  const before = server.requests.length;
  await assert.rejects(engine.sendBroadcastMessage('other', 'hi'), { errorCode: 1000002 });
  await assert.rejects(engine.setRoomExtraInfo('other', 'k', 'v'), { errorCode: 1000002 });
  await engine.logoutRoom();
  await assert.rejects(engine.sendCustomCommand(ROOM, 'x', []), { errorCode: 1000002 });
  assert.equal(server.requests.length, before + 1);
});
