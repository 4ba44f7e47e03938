/**
 * Two engines against the real server jar (server/target/parley-server-*-all.jar, or
 * $PARLEY_SERVER_JAR): skipped when the jar has not been built. Each engine is its own copy of
 * the built bundle (dist/parley-express.js, imported under two URLs), as two browser tabs would be.
 */
import assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import type { ExpressEngine } from '../src/index.js';

const APP_ID = 1234567890;
const APP_SIGN = 'a1'.repeat(32);
const SERVER_SECRET = 'abcdefghijklmnopqrstuvwxyz012345';
const ROOM = 'room1';

function findJar(): string | undefined {
  if (process.env.PARLEY_SERVER_JAR) return process.env.PARLEY_SERVER_JAR;
  const dir = fileURLToPath(new URL('../../../server/target/', import.meta.url));
  if (!existsSync(dir)) return undefined;
  const jar = readdirSync(dir).find((f) => /^parley-server-.*-all\.jar$/.test(f));
  return jar && join(dir, jar);
}

const jar = findJar();
let server: ChildProcess | undefined;
let url = '';
let config = '';
let tmp = '';

before(async () => {
  if (!jar) return;
  tmp = mkdtempSync(join(tmpdir(), 'parley-sdk-web-'));
  config = join(tmp, 'parley.yaml');
  writeFileSync(config, [
    'http: { host: 127.0.0.1, port: 0 }',
    'media: { host: 127.0.0.1, port: 0 }',
    'apps:',
    `  - appID: ${APP_ID}`,
    `    appSign: "${APP_SIGN}"`,
    `    serverSecret: "${SERVER_SECRET}"`,
    '',
  ].join('\n'));
  const proc = spawn('java', ['-jar', jar, 'serve', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  server = proc;
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start in 60 s:\n' + out)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/signaling (ws:\/\/[^\s),]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout!.on('data', read);
    proc.stderr!.on('data', read);
    proc.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${out}`)));
  });
});

after(() => {
  server?.kill();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function loadEngineClass(copy: string): Promise<typeof ExpressEngine> {
  const module = await import(new URL(`../parley-express.js?${copy}`, import.meta.url).href);
  return module.default as typeof ExpressEngine;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = any[];

function waitFor(engine: ExpressEngine, event: string, match: (...args: Args) => boolean): Promise<Args> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching ' + event)), 10_000);
    const listener = (...args: unknown[]) => {
      if (match(...args)) {
        clearTimeout(timer);
        engine.off(event, listener);
        resolve(args);
      }
    };
    engine.on(event, listener);
  });
}

test('two engines in one room on the real server see each other, their streams and messages', { skip: !jar && 'no server jar (mvn -pl server -am package -DskipTests)' }, async () => {
  const A = await loadEngineClass('a');
  const B = await loadEngineClass('b');
  assert.notEqual(A, B);
  void A.createEngineWithProfile({ appID: APP_ID, appSign: APP_SIGN, scenario: 0, server: url }, { webSocket: WebSocket as never });
  void B.createEngineWithProfile({ appID: APP_ID, scenario: 0, server: url }, { webSocket: WebSocket as never });
  const a = A.instance();
  const b = B.instance();
  const token = execFileSync('java', ['-jar', jar!, 'token', '--config', config, '--app-id', String(APP_ID), '--user-id', 'id2', '--room', ROOM]).toString().trim();
  try {
    // A logs in with the AppSign proof, B with a Token04 from the server's own CLI
    const aLogin = await a.loginRoom(ROOM, { userID: 'id1', userName: 'user1' }, { isUserStatusNotify: true });
    assert.match(String(aLogin.extendedData), /"room_session_id":"\d+"/);
    const aSeesB = waitFor(a, 'roomUserUpdate', (_r: string, type: number) => type === 0);
    const bSeesA = waitFor(b, 'roomUserUpdate', (_r: string, type: number) => type === 0);
    await b.loginRoom(ROOM, { userID: 'id2', userName: 'user2' }, { isUserStatusNotify: true, token });
    assert.deepEqual(await aSeesB, [ROOM, 0, [{ userID: 'id2', userName: 'user2' }]]);
    assert.deepEqual(await bSeesA, [ROOM, 0, [{ userID: 'id1', userName: 'user1' }]]);

    const streamAdded = waitFor(a, 'roomStreamUpdate', (_r: string, type: number) => type === 0);
    await b.startPublishingStream('s2');
    const [, , streams] = await streamAdded;
    assert.deepEqual(streams, [{ streamID: 's2', user: { userID: 'id2', userName: 'user2' }, extraInfo: '' }]);

    const message = waitFor(b, 'IMRecvBroadcastMessage', () => true);
    const sent = await a.sendBroadcastMessage(ROOM, 'hello');
    const [, messages] = await message;
    assert.equal(messages[0].message, 'hello');
    assert.equal(messages[0].messageID, sent.messageID);
    assert.deepEqual(messages[0].fromUser, { userID: 'id1', userName: 'user1' });

    const userGone = waitFor(a, 'roomUserUpdate', (_r: string, type: number) => type === 1);
    const streamGone = waitFor(a, 'roomStreamUpdate', (_r: string, type: number) => type === 1);
    await b.logoutRoom(ROOM);
    assert.deepEqual(await userGone, [ROOM, 1, [{ userID: 'id2', userName: 'user2' }]]);
    const [, , , extendedData] = await streamGone;
    assert.deepEqual(JSON.parse(extendedData), { stream_delete_reason: [{ streamID: 's2', code: 1 }] });
  } finally {
    await A.destroyEngine();
    await B.destroyEngine();
  }
});

test('a socket lost on the real server: the session resumes and the other user sees no one leave', { skip: !jar && 'no server jar' }, async () => {
  const A = await loadEngineClass('c');
  const B = await loadEngineClass('d');
  const bSockets: WebSocket[] = [];
  const track = (u: string) => {
    const socket = new WebSocket(u);
    bSockets.push(socket);
    return socket;
  };
  void A.createEngineWithProfile({ appID: APP_ID, appSign: APP_SIGN, scenario: 0, server: url }, { webSocket: WebSocket as never });
  void B.createEngineWithProfile({ appID: APP_ID, appSign: APP_SIGN, scenario: 0, server: url }, { webSocket: track as never });
  const a = A.instance();
  const b = B.instance();
  try {
    await a.loginRoom('room2', { userID: 'id3', userName: 'user3' }, { isUserStatusNotify: true });
    const aSeesB = waitFor(a, 'roomUserUpdate', (_r, type) => type === 0);
    await b.loginRoom('room2', { userID: 'id4', userName: 'user4' }, { isUserStatusNotify: true });
    await aSeesB;
    const aUserEvents: Args[] = [];
    a.on('roomUserUpdate', (...args: Args) => aUserEvents.push(args));
    const states: Args[] = [];
    b.on('roomStateChanged', (...args: Args) => states.push(args));
    const resumed = waitFor(b, 'roomStateChanged', (_r, reason) => reason === 4);
    bSockets[0].terminate();
    await resumed;
    assert.deepEqual(states.map((s) => [s[1], s[2]]), [[3, 1002051], [4, 0]]);
    assert.equal(bSockets.length, 2);
    // the resumed session works: a message from B reaches A
    const message = waitFor(a, 'IMRecvBroadcastMessage', () => true);
    await b.sendBroadcastMessage('room2', 'back');
    assert.equal((await message)[1][0].message, 'back');
    assert.deepEqual(aUserEvents, []);
  } finally {
    await A.destroyEngine();
    await B.destroyEngine();
  }
});
