import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ExpressEngine } from '../src/index.js';
import { loggedIn, rig, ROOM, USER } from './helpers.js';

afterEach(() => ExpressEngine.destroyEngine());

const LONG = (n: number) => 'a'.repeat(n);

test('loginRoom checks its arguments before anything is sent', async () => {
  const { server, engine } = rig();
  const cases: Array<[() => Promise<unknown>, number]> = [
    [() => engine.loginRoom('', USER, {}), 1100010],
    [() => engine.loginRoom(LONG(128), USER, {}), 1100010],
    [() => engine.loginRoom('room 1', USER, {}), 1100010],
    [() => engine.loginRoom('房间', USER, {}), 1100010],
    [() => engine.loginRoom(ROOM, { userID: '', userName: 'x' }, {}), 1100011],
    [() => engine.loginRoom(ROOM, { userID: LONG(64), userName: 'x' }, {}), 1100011],
    [() => engine.loginRoom(ROOM, { userID: 'a\nb', userName: 'x' }, {}), 1100011],
    [() => engine.loginRoom(ROOM, { userID: 'id1', userName: 'é'.repeat(128) }, {}), 1100012],
    [() => engine.loginRoom(ROOM, { userID: 'id1', userName: 'a\u0007' }, {}), 1100012],
    [() => engine.loginRoom(ROOM, USER, { token: LONG(4097) }), 1100003],
  ];
  for (const [call, code] of cases) await assert.rejects(call(), { errorCode: code }, String(call));
  assert.equal(server.sockets.length, 0);
  // the limits themselves are allowed
  await engine.loginRoom(LONG(127), { userID: LONG(63), userName: '名字'.repeat(42) }, {});
});

test('neither a token nor an AppSign: 1002067 before connecting', async () => {
  const { server, engine } = rig({ appSign: undefined });
  await assert.rejects(engine.loginRoom(ROOM, USER, {}), { errorCode: 1002067 });
  await assert.rejects(engine.loginRoom(ROOM, USER, { token: '' }), { errorCode: 1002067 });
  assert.equal(server.sockets.length, 0);
  await engine.loginRoom(ROOM, USER, { token: '04t' });
});

test('room calls check their arguments before anything is sent', async () => {
  const { server, engine } = await loggedIn();
  const before = server.requests.length;
  const cases: Array<[() => Promise<unknown>, number]> = [
    [() => engine.sendBroadcastMessage(ROOM, ''), 1009002],
    [() => engine.sendBroadcastMessage(ROOM, LONG(1025)), 1009002],
    [() => engine.sendBarrageMessage(ROOM, '字'.repeat(342)), 1009002],
    [() => engine.sendCustomCommand(ROOM, LONG(1025), []), 1009002],
    [() => engine.sendCustomCommand(ROOM, 'x', Array.from({ length: 257 }, (_, i) => 'u' + i)), 1100003],
    [() => engine.sendCustomCommand(ROOM, 'x', ['bad id']), 1100011],
    [() => engine.setRoomExtraInfo(ROOM, '', 'v'), 1003051],
    [() => engine.setRoomExtraInfo(ROOM, LONG(11), 'v'), 1003051],
    [() => engine.setRoomExtraInfo(ROOM, 'k', LONG(129)), 1003051],
    [() => engine.setStreamExtraInfo(LONG(1025)), 1003051],
    [() => engine.renewToken(ROOM, LONG(4097)), 1100003],
    [() => engine.sendBroadcastMessage('', 'x'), 1100010],
    [() => engine.startPublishingStream(''), 1000015],
    [() => engine.startPublishingStream(LONG(256)), 1000014],
    [() => engine.startPublishingStream('s.1'), 1000016],
  ];
  for (const [call, code] of cases) await assert.rejects(call(), { errorCode: code }, String(call));
  assert.equal(server.requests.length, before);
  await engine.sendBroadcastMessage(ROOM, LONG(1024));
  await engine.setRoomExtraInfo(ROOM, LONG(10), LONG(128));
});
