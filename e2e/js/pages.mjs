// Test pages for the browser tests. A tiny static server on its own origin (127.0.0.1, port 0) serves
// e2e/pages/ (and pages a test adds in memory), so every page imports the SDK cross-origin from the
// Parley server and its CORS is exercised as on a real site. Each opened page forwards what it logs
// with `parleyEvent(name, args)` (see pages/harness.mjs) into an array the test can await.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * Serves e2e/pages/ on http://127.0.0.1:PORT/. In .html, .mjs and .js files every `{{NAME}}` is
 * replaced by vars[NAME] (e.g. `{{PARLEY}}` → the Parley server's http URL), so a page's import line
 * can name the server literally.
 * @param {Record<string, string>} vars
 * @returns {Promise<{origin: string, url: (path: string) => string, add: (path: string, body: string) => void, close: () => Promise<void>}>}
 */
export async function startPageServer(vars = {}) {
  const extra = new Map();
  const fill = (text) => text.replace(/\{\{(\w+)\}\}/g, (whole, name) => (name in vars ? vars[name] : whole));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let body = extra.get(path);
    if (body === undefined) {
      const file = normalize(join(PAGES_DIR, path));
      if (!file.startsWith(PAGES_DIR)) { res.writeHead(403).end(); return; }
      body = await readFile(file, 'utf8').catch(() => undefined);
    }
    if (body === undefined) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'text/plain', 'Cache-Control': 'no-store' });
    res.end(fill(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : '/' + path),
    /** Serves `body` (filled like the files) at `path`, e.g. a page written inside a test. */
    add: (path, body) => { extra.set(path.startsWith('/') ? path : '/' + path, body); },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

// Runs in every page before its own scripts: keeps each RTCPeerConnection so getStats() can read it.
function keepPeerConnections() {
  const Native = window.RTCPeerConnection;
  if (!Native) return;
  window.__parleyPeerConnections = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      window.__parleyPeerConnections.push(this);
    }
  };
}

/**
 * One page under test: what it logged, its console, and helpers to wait on them.
 */
export class TestPage {
  /** @param {import('playwright-core').Page} page @param {string} name */
  constructor(page, name) {
    this.page = page;
    this.name = name;
    /** @type {{name: string, args: any[], seq: number, at: number}[]} every parleyEvent the page logged, in order */
    this.events = [];
    /** @type {string[]} console messages and page errors */
    this.console = [];
    this.waiters = new Set();
  }

  record(name, args) {
    const event = { name, args, seq: this.events.length, at: Date.now() };
    this.events.push(event);
    for (const w of [...this.waiters]) w(event);
  }

  /** The args of every logged event called `name` (all events if no name). */
  eventsNamed(name) {
    return this.events.filter((e) => name === undefined || e.name === name).map((e) => e.args);
  }

  /**
   * Resolves with the args of the first event `name` (logged from index `from` on) for which
   * `match(...args)` is true, whether it came already or comes within `timeout` ms; rejects after
   * that with what the page did log. The default is a safety net for a loaded CI machine, not a
   * figure: an event that comes, comes well within it.
   * @returns {Promise<any[]>}
   */
  waitForEvent(name, match = () => true, { timeout = 20_000, from = 0 } = {}) {
    const test = (e) => e.seq >= from && e.name === name && match(...e.args);
    const found = this.events.find(test);
    if (found) return Promise.resolve(found.args);
    return new Promise((resolve, reject) => {
      const waiter = (e) => {
        if (!test(e)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(e.args);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`page ${this.name}: no ${name} matching ${match} within ${timeout} ms\n${this.describe()}`));
      }, timeout);
      this.waiters.add(waiter);
    });
  }

  /** Waits `ms` and asserts nothing: for "no such event comes" checks, read eventsNamed() after it. */
  sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** What the page logged and printed, for failure messages. */
  describe() {
    const events = this.events.map((e) => `  #${e.seq} ${e.name} ${JSON.stringify(e.args)}`).join('\n');
    const lines = this.console.slice(-30).map((l) => '  ' + l).join('\n');
    return `events of ${this.name}:\n${events || '  (none)'}\nconsole of ${this.name}:\n${lines || '  (none)'}`;
  }

  /** page.evaluate in this page. */
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }

  /**
   * Figures of every RTCPeerConnection the page created (the SDK's included), from getStats():
   * `[{connectionState, inbound: [{kind, ssrc, bytesReceived, packetsReceived, packetsLost,
   * framesDecoded, frameWidth, frameHeight, jitter}], outbound: [{kind, ssrc, bytesSent, packetsSent,
   * framesEncoded, frameWidth, frameHeight}]}]`.
   */
  getStats() {
    return this.page.evaluate(async () => {
      const pick = (r, keys) => Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]]));
      const out = [];
      for (const pc of window.__parleyPeerConnections ?? []) {
        const entry = { connectionState: pc.connectionState, inbound: [], outbound: [] };
        if (pc.connectionState !== 'closed') {
          const report = await pc.getStats();
          report.forEach((r) => {
            if (r.type === 'inbound-rtp') {
              entry.inbound.push(pick(r, ['kind', 'ssrc', 'bytesReceived', 'packetsReceived', 'packetsLost', 'framesDecoded', 'frameWidth', 'frameHeight', 'jitter']));
            } else if (r.type === 'outbound-rtp') {
              entry.outbound.push(pick(r, ['kind', 'ssrc', 'bytesSent', 'packetsSent', 'framesEncoded', 'frameWidth', 'frameHeight']));
            }
          });
        }
        out.push(entry);
      }
      return out;
    });
  }

  /** Polls getStats() every 250 ms until `match(stats)` is true; rejects after `timeout` ms with the last figures. */
  async waitForStats(match, { timeout = 30_000 } = {}) {
    const end = Date.now() + timeout;
    let stats;
    for (;;) {
      stats = await this.getStats();
      if (match(stats)) return stats;
      if (Date.now() > end) throw new Error(`page ${this.name}: stats never matched ${match}: ${JSON.stringify(stats)}\n${this.describe()}`);
      await this.sleep(250);
    }
  }

  /** A <video>'s state: {videoWidth, videoHeight, currentTime, totalVideoFrames, hasSrcObject}. */
  videoState(selector) {
    return this.page.$eval(selector, (v) => ({
      videoWidth: v.videoWidth,
      videoHeight: v.videoHeight,
      currentTime: v.currentTime,
      totalVideoFrames: v.getVideoPlaybackQuality?.().totalVideoFrames ?? 0,
      hasSrcObject: v.srcObject != null,
    }));
  }

  close() {
    return this.page.close().catch(() => {});
  }
}

/**
 * Opens `url` in a new page of `context` (from chromium.mjs's launch() or launchBrowser()) and
 * resolves once it loaded. The page's `window.parleyEvent(name, args)` lands in `events`.
 * @returns {Promise<TestPage>}
 */
export async function openPage(context, url, name = url) {
  const page = await context.newPage();
  const tp = new TestPage(page, name);
  page.on('console', (m) => tp.console.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => tp.console.push(`[pageerror] ${e.message}`));
  await page.exposeFunction('parleyEvent', (eventName, args) => tp.record(eventName, args));
  await page.addInitScript(keepPeerConnections);
  await page.goto(url);
  return tp;
}
