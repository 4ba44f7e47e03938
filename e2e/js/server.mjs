// Starts the packaged Parley server jar for a browser test: a temporary YAML config on 127.0.0.1 with
// http port 0 and media port 0 (the system picks free ports) and two apps whose AppSign and
// ServerSecret the test knows. Resolves once the server logs its ready line; on failure throws with
// everything the server printed.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The two apps of every test server. APPS[0] is the default one. */
export const APPS = Object.freeze([
  Object.freeze({ appID: 1234567890, appSign: 'a1'.repeat(32), serverSecret: 'abcdefghijklmnopqrstuvwxyz012345' }),
  Object.freeze({ appID: 987654321, appSign: '5c'.repeat(32), serverSecret: 'ZYXWVUTSRQPONMLKJIHGFEDCBA987654' }),
]);

/** $PARLEY_SERVER_JAR, else server/target/parley-server-*-all.jar of this checkout. */
export function findJar() {
  if (process.env.PARLEY_SERVER_JAR) return process.env.PARLEY_SERVER_JAR;
  const dir = fileURLToPath(new URL('../../server/target/', import.meta.url));
  const jar = existsSync(dir) && readdirSync(dir).find((f) => /^parley-server-.*-all\.jar$/.test(f));
  return jar ? join(dir, jar) : undefined;
}

/**
 * Starts a server.
 * @param {{reconnectWindowSeconds?: number, timeoutMs?: number}} [options]
 * @returns {Promise<{httpUrl: string, wsUrl: string, appID: number, appSign: string, serverSecret: string,
 *   apps: typeof APPS, config: string, output: () => string,
 *   token: (userID: string, roomID?: string, opts?: {appID?: number, ttl?: number, noPublish?: boolean, streams?: string[]}) => Promise<string>,
 *   stop: () => Promise<void>}>}
 */
export async function startServer({ reconnectWindowSeconds, development = false, timeoutMs = 60_000 } = {}) {
  const jar = findJar();
  if (!jar || !existsSync(jar)) {
    throw new Error(`no server jar (${jar ?? 'PARLEY_SERVER_JAR unset'}): build it with `
      + '`mvn -B -o -q -pl server -am package -DskipTests` or run ./parley test');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const config = join(tmp, 'parley.yaml');
  writeFileSync(config, [
    'http: { host: 127.0.0.1, port: 0 }',
    'media: { host: 127.0.0.1, port: 0 }',
    'apps:',
    ...APPS.flatMap((a) => [`  - appID: ${a.appID}`, `    appSign: "${a.appSign}"`, `    serverSecret: "${a.serverSecret}"`]),
    '',
  ].join('\n'));
  // development: `parley serve` with no config, the only mode that prints a development app and
  // offers /debug/token; its app is read from what the server prints.
  const args = development
    ? ['-jar', jar, 'serve', '--http-port', '0', '--media-port', '0']
    : ['-jar', jar, 'serve', '--config', config];
  if (reconnectWindowSeconds !== undefined) args.push('--reconnect-window', String(reconnectWindowSeconds));
  const proc = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve(signal ?? code)));
  let httpUrl;
  let wsUrl;
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start in ${timeoutMs} ms`)), timeoutMs);
      const read = (chunk) => {
        out += chunk.toString();
        const m = out.match(/Parley ready at (http:\/\/\S+?)\/? \(signaling (ws:\/\/[^\s),]+)/);
        if (m && (!development || /ServerSecret:\s+\S+/.test(out))) {
          clearTimeout(timer);
          httpUrl = m[1];
          wsUrl = m[2];
          resolve();
        }
      };
      proc.stdout.on('data', read);
      proc.stderr.on('data', read);
      proc.on('error', (e) => { clearTimeout(timer); reject(e); });
      exited.then((code) => { clearTimeout(timer); reject(new Error(`the server exited with ${code}`)); });
    });
  } catch (e) {
    proc.kill('SIGKILL');
    await exited;
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`${e.message}; its output:\n${out}`);
  }
  let stopping;
  const apps = development
    ? [{
      appID: Number(out.match(/AppID:\s+(\d+)/)[1]),
      appSign: out.match(/AppSign:\s+([0-9a-f]{64})/)[1],
      serverSecret: out.match(/ServerSecret:\s+(\S+)/)[1],
    }]
    : APPS;
  return {
    httpUrl,
    wsUrl,
    appID: apps[0].appID,
    appSign: apps[0].appSign,
    serverSecret: apps[0].serverSecret,
    apps,
    config,
    /** The java process's id (for /proc/PID/stat in the benchmark). */
    pid: proc.pid,
    output: () => out,
    /** A Token04 from the server's own `token` command. */
    token(userID, roomID = '', { appID = apps[0].appID, ttl, noPublish, streams } = {}) {
      if (development) return Promise.reject(new Error('a development server has no config file: use GET /debug/token'));
      const targs = ['-jar', jar, 'token', '--config', config, '--app-id', String(appID), '--user-id', userID, '--room', roomID];
      if (ttl !== undefined) targs.push('--ttl', String(ttl));
      if (noPublish) targs.push('--no-publish');
      if (streams) targs.push('--streams', streams.join(','));
      return new Promise((resolve, reject) => {
        execFile('java', targs, (err, stdout, stderr) => {
          if (err) reject(new Error(`parley token failed: ${err.message}\n${stderr}`));
          else resolve(stdout.trim());
        });
      });
    },
    /** Stops the server (SIGTERM, SIGKILL after 10 s) and removes its config. Safe to call twice. */
    stop() {
      stopping ??= (async () => {
        if (proc.exitCode === null && proc.signalCode === null) {
          proc.kill('SIGTERM');
          const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        rmSync(tmp, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
