// Agent-perceived speed on the demo shop: from the agent's last keystroke to the results painted on screen,
// as the page itself measures it (performance marks kb:keystroke, kb:pause, kb:painted; see agent.js).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { newPage, ROOT, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
/** The project's own buyer messages (quality/buyer-messages.tsv): short questions, typos, long pasted turns. */
const MESSAGES = readFileSync(path.join(ROOT, 'quality', 'buyer-messages.tsv'), 'utf8')
  .split('\n').slice(1).map((line) => line.split('\t')[0].trim()).filter(Boolean);
const WARM_UP = 5;
const TARGET_P95_MS = 100;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const describe = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
};
const ms = (value) => `${value.toFixed(1)} ms`;

test(`keystroke pause to results painted: p95 ≤ ${TARGET_P95_MS} ms over the demo shop's buyer messages`, async (t) => {
  const page = await newPage(env.browser, env.server.base);
  await page.addInitScript(() => {
    window.kbPaints = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.kbPaints.push({ name: entry.name, query: entry.detail?.query, ms: entry.duration });
    }).observe({ type: 'measure' });
  });
  await page.goto(env.server.base);
  // The server answers each message three times first: agents meet a server that has run all day, and a JIT-cold
  // one (just started by this test) took 25 ms a reply at the median, against 15 ms warm.
  await page.evaluate(async (messages) => {
    for (let round = 0; round < 3; round++) {
      for (const q of messages) await (await fetch(`/api/search?${new URLSearchParams({ q, limit: '12' })}`)).json();
    }
  }, MESSAGES);
  const keystroke = [];
  const pause = [];
  for (const [i, message] of MESSAGES.entries()) {
    await page.keyboard.press('Escape');
    await page.keyboard.type(message, { delay: 15 });
    await page.waitForFunction((q) => window.kbPaints.some((m) => m.query === q && m.name === 'kb:keystroke-to-paint'), message);
    if (i < WARM_UP) continue;
    const paints = await page.evaluate((q) => window.kbPaints.filter((m) => m.query === q), message);
    keystroke.push(paints.findLast((m) => m.name === 'kb:keystroke-to-paint').ms);
    pause.push(paints.findLast((m) => m.name === 'kb:pause-to-paint').ms);
  }
  const fromKey = describe(keystroke);
  const fromPause = describe(pause);
  const line = `keystroke → painted over ${keystroke.length} messages: p50 ${ms(fromKey.p50)}, p95 ${ms(fromKey.p95)}, max ${ms(fromKey.max)}; `
    + `of which after the pause (request, render, paint): p50 ${ms(fromPause.p50)}, p95 ${ms(fromPause.p95)}, max ${ms(fromPause.max)}`;
  t.diagnostic(line);
  assert.ok(fromKey.p95 <= TARGET_P95_MS, line);
});
