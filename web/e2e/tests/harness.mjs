// Starts the real server (its own JVM, a temporary copy of the demo content) and Debian's Chromium.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The server on a free port over a throw-away copy of faq-content; resolves once it prints its ready line. */
export async function startServer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'shopkb-e2e-'));
  const content = path.join(dir, 'content');
  cpSync(path.join(ROOT, 'faq-content'), content, { recursive: true });
  const lib = path.join(ROOT, 'server', 'target', 'lib');
  const jar = readdirSync(path.join(ROOT, 'server', 'target')).find((f) => /^shopkb-server-.*\.jar$/.test(f));
  if (!jar) throw new Error('server/target has no jar: run the Maven build first (./kb test does)');
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const child = spawn(java, ['--enable-native-access=ALL-UNNAMED', '-cp',
    `${path.join(ROOT, 'server', 'target', jar)}${path.delimiter}${lib}/*`, 'shopkb.server.Main', 'serve',
    '--port', '0', '--content', content, '--data', path.join(dir, 'data'), '--web', path.join(ROOT, 'web', 'public'),
    '--platform', path.join(ROOT, 'platform')],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  let token = null;
  const base = await new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const tokenMatch = line.match(/admin token for 'admin'.*: (kb_\S+)/);
      if (tokenMatch) token = tokenMatch[1];
      const ready = line.match(/ready at (http:\/\/localhost:\d+)/);
      if (ready) { clearTimeout(timeout); resolve(ready[1]); }
    });
  });
  return {
    base, token, content,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => { child.once('exit', resolve); setTimeout(resolve, 5000); });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium as installed by Debian; the flags keep it off the (closed) network. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** What the pages' Content-Security-Policy blocked, over the whole test file: must stay empty. */
const cspViolations = [];

export async function newPage(browser, base, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

/** Registers a server and a browser for the test file; the returned object holds them once started. */
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
    if (cspViolations.length > 0) throw new Error(`the Content-Security-Policy blocked:\n${cspViolations.join('\n')}`);
  });
  return env;
}
