// The usual frame of a browser test file: one server, one page server on another origin, one browser,
// started in `before` and all closed in `after` (even after a failure), so no test file repeats it.
import { after, before } from 'node:test';
import { launchBrowser } from './chromium.mjs';
import { openPage, startPageServer } from './pages.mjs';
import { startServer } from './server.mjs';

/**
 * Registers before/after hooks and returns the object they fill in: `{server, pages, browser}`
 * (see server.mjs, pages.mjs, chromium.mjs's launchBrowser), plus `open(path, name)`, which opens
 * pages.url(path) in a fresh browser context (one per user) and resolves `{page, context}`.
 * @param {{reconnectWindowSeconds?: number}} [serverOptions] for startServer
 */
export function useCall(serverOptions = {}) {
  const call = {
    server: undefined,
    pages: undefined,
    browser: undefined,
    async open(path, name = path) {
      const context = await call.browser.newContext();
      return { context, page: await openPage(context, call.pages.url(path), name) };
    },
  };
  before(async () => {
    call.server = await startServer(serverOptions);
    call.pages = await startPageServer({ PARLEY: call.server.httpUrl });
    call.browser = await launchBrowser();
  });
  after(async () => {
    await call.browser?.close();
    await call.pages?.close();
    await call.server?.stop();
  });
  return call;
}
