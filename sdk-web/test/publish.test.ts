import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ExpressEngine } from '../src/index.js';
import { record } from './fakes.js';
import { loggedIn, rig, ROOM } from './helpers.js';

afterEach(() => ExpressEngine.destroyEngine());

test('startPublishingStream: PUBLISH_REQUESTING then PUBLISHING; stopPublishingStream() with no argument: NO_PUBLISH', async () => {
  const { server, engine } = await loggedIn();
  const calls = record(engine, 'publisherStateUpdate');
  await engine.setStreamExtraInfo('before');
  await engine.startPublishingStream('s1');
  const publish = server.ofType('publish')[0];
  assert.equal(publish.streamID, 's1');
  assert.equal(publish.extraInfo, 'before');
  await engine.setStreamExtraInfo('after');
  assert.deepEqual(server.ofType('setStreamExtraInfo').map((m) => [m.streamID, m.extraInfo]), [['s1', 'after']]);
  await engine.stopPublishingStream();
  assert.deepEqual(server.ofType('unpublish').map((m) => m.streamID), ['s1']);
  assert.deepEqual(calls, [
    ['publisherStateUpdate', 's1', 1, 0, '{}'],
    ['publisherStateUpdate', 's1', 2, 0, '{}'],
    ['publisherStateUpdate', 's1', 0, 0, '{}'],
  ]);
  await engine.stopPublishingStream(); // nothing published: nothing sent
  assert.equal(server.ofType('unpublish').length, 1);
});

test('a streamID another user publishes: rejects with 1003028, NO_PUBLISH with the code', async () => {
  const { server, engine } = await loggedIn();
  server.handlers.publish = (socket, msg) => {
    socket.respond(msg, {}, 1003028);
    return true;
  };
  const calls = record(engine, 'publisherStateUpdate');
  await assert.rejects(engine.startPublishingStream('s1'), { errorCode: 1003028 });
  assert.deepEqual(calls.map((c) => c.slice(0, 4)), [['publisherStateUpdate', 's1', 1, 0], ['publisherStateUpdate', 's1', 0, 1003028]]);
  server.handlers.publish = () => false;
  await engine.startPublishingStream('s2');
});

test('publishing twice: 1003023; before login: 1000002', async () => {
  const { engine } = await loggedIn();
  await engine.startPublishingStream('s1');
  await assert.rejects(engine.startPublishingStream('s2'), { errorCode: 1003023 });
  await engine.logoutRoom();
  await assert.rejects(engine.startPublishingStream('s1'), { errorCode: 1000002 });
  await ExpressEngine.destroyEngine();
  await assert.rejects(rig().engine.startPublishingStream('s1'), { errorCode: 1000002 });
});

test('the publisher follows the room: REQUESTING while reconnecting, PUBLISHING when resumed, NO_PUBLISH on logout', async () => {
  const { server, clock, engine } = await loggedIn();
  await engine.startPublishingStream('s1');
  const calls = record(engine, 'publisherStateUpdate');
  server.last.drop();
  await clock.advance(0);
  await engine.logoutRoom(ROOM);
  assert.deepEqual(calls.map((c) => c.slice(1, 4)), [['s1', 1, 1002051], ['s1', 2, 0], ['s1', 0, 0]]);
});

test('kicked out while publishing: NO_PUBLISH with the kick-out code', async () => {
  const { server, clock, engine } = await loggedIn();
  await engine.startPublishingStream('s1');
  const calls = record(engine, 'publisherStateUpdate');
  server.last.event('kickedOut', { roomID: ROOM, errorCode: 1002050, reason: 'duplicate login' });
  await clock.advance(0);
  assert.deepEqual(calls.map((c) => c.slice(1, 4)), [['s1', 0, 1002050]]);
});
