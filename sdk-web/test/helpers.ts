import { ExpressEngine } from '../src/engine.js';
import { FakeClock, FakeServer, flush } from './fakes.js';

export const APP_ID = 1234567890;
export const APP_SIGN = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
export const ROOM = 'room1';
export const USER = { userID: 'id1', userName: 'user1' };

export interface Rig {
  server: FakeServer;
  clock: FakeClock;
  engine: ExpressEngine;
}

/** An engine on a fake server and a fake clock, created the seed's way (not awaited). */
export function rig(profile: { appSign?: string } = { appSign: APP_SIGN }): Rig {
  const server = new FakeServer();
  const clock = new FakeClock();
  void ExpressEngine.createEngineWithProfile(
    { appID: APP_ID, scenario: 0, server: 'ws://parley.test/ws', ...profile },
    { webSocket: server.factory, clock, reconnectTimeoutMs: 60_000, reconnectBackoffMs: { first: 500, max: 4_000 } },
  );
  return { server, clock, engine: ExpressEngine.instance() };
}

/** A rig logged in to room1 with user update notifications on. */
export async function loggedIn(profile?: { appSign?: string }): Promise<Rig> {
  const r = rig(profile);
  await r.engine.loginRoom(ROOM, USER, { isUserStatusNotify: true });
  await flush();
  return r;
}
