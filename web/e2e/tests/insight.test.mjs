// The usage log seen from the browser: an agent's copy reaches the editors' insight page, and a gap becomes
// a similar question in one click; the charts say what the tables say.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { assertKeyboardReachesEveryControl, assertPageIsRight, axeTally, tabTo, typeTokenIn } from './checks.mjs';
import { newPage, SCREENSHOTS, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

/** A morning of agents' searches through the API (each logged), some answers copied, so the charts have rows. */
async function searchAndCopy() {
  const messages = ['包邮吗', '包邮吗', '包邮吗', '发什么快递', '发什么快递', '能便宜点吗', '质量太差了我要退款',
    '什么时候发货', '几天能到', '几天能到', '能发顺丰吗', '这件有货吗', '怎么洗'];
  for (const [i, q] of messages.entries()) {
    const response = await (await fetch(`${env.server.base}/api/search?q=${encodeURIComponent(q)}`)).json();
    const phrasing = response.results.find((r) => r.type === 'phrasing') ?? response.recommended[0];
    if (phrasing && i % 2 === 0) {
      await fetch(`${env.server.base}/api/feedback`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ queryId: response.queryId, resultId: phrasing.id, action: 'copied' }) });
    }
  }
}
let usage; // the searches above, made once, by the first test that needs them

async function insightPage(viewport) {
  usage ??= searchAndCopy();
  await usage;
  const page = await newPage(env.browser, env.server.base, viewport);
  await page.goto(`${env.server.base}/insight.html`);
  await page.fill('#token', env.server.token);
  await page.click('#token-form button[type=submit]');
  await page.locator('#summary').filter({ hasText: '次搜索' }).waitFor();
  return page;
}

const insight = async (days) => (await fetch(`${env.server.base}/api/insight?days=${days}`,
  { headers: { Authorization: `Bearer ${env.server.token}` } })).json();

test('a copied phrasing and an unanswered message show on the insight page', async () => {
  const agent = await newPage(env.browser, env.server.base);
  await agent.goto(env.server.base);
  await agent.fill('#q', '亲在吗');
  const phrasing = agent.locator('.result.phrasing').first();
  await phrasing.waitFor();
  const copiedId = await phrasing.getAttribute('data-id');
  const feedback = agent.waitForResponse((r) => r.url().endsWith('/api/feedback'));
  await phrasing.locator('button.copy').click();
  assert.equal((await feedback).status(), 202);
  await agent.fill('#q', '你们家衣服能用洗衣液泡一晚上吗');
  await agent.locator('.status').filter({ hasText: '没有把握' }).waitFor();

  const page = await insightPage();
  await page.waitForTimeout(300); // the usage log writes in the background
  await page.selectOption('#days', '7');
  await page.locator('section:has(#rates) summary').click();
  const rate = page.locator('#rates tr', { hasText: copiedId });
  await rate.waitFor();
  assert.match(await rate.textContent(), /1\s*100%|1100%|1\D*100%/);
  const gap = page.locator('#gaps tr', { hasText: '洗衣液泡一晚上' });
  await gap.waitFor();

  await gap.locator('select').selectOption('product.care');
  await gap.getByRole('button', { name: '加为相似问法' }).click();
  await gap.locator('[role=status]').filter({ hasText: '已加入' }).waitFor();
  const response = await agent.evaluate(async () => (await fetch(`/api/search?q=${encodeURIComponent('你们家衣服能用洗衣液泡一晚上吗')}`)).json());
  assert.equal(response.results[0].intent, 'product.care');
  assert.equal(response.confident, true);
});

for (const viewport of [{ width: 1366, height: 768 }, { width: 360, height: 740 }]) {
  const at = `${viewport.width}px`;

  test(`the charts at ${at} say what the tables say, and the page passes the checks`, async () => {
    const page = await insightPage(viewport);
    await page.selectOption('#days', '7');
    // Drawn for the 30 days selected at first, then again for 7: one bar per day of the period.
    await page.waitForFunction(() => document.querySelector('#volume-chart svg')?.querySelectorAll('rect.bar').length === 7);
    const data = await insight(7);

    const totals = new Map();
    for (const v of data.intentVolume) totals.set(v.intent, (totals.get(v.intent) ?? 0) + v.searches);
    const busiest = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 10);
    const rows = await page.locator('#volume-chart .chart-row:not(.chart-axis)').allInnerTexts();
    assert.equal(rows.length, busiest.length);
    for (const [intent, total] of busiest) {
      assert.ok(rows.some((row) => row.includes(intent) && row.includes(`${total} 次`)), `${intent}: ${total} 次 not in\n${rows.join('\n')}`);
    }
    const today = await page.locator('#volume-chart svg').first().locator('rect.bar').last().textContent();
    assert.match(today, new RegExp(`^${new Date().toISOString().slice(0, 10)}:${busiest[0][1]} 次$`), 'the last bar is today');

    const rateRows = await page.locator('#rates-chart .chart-row').allInnerTexts();
    assert.equal(rateRows.length, Math.min(10, data.phrasingCopyRates.length));
    for (const p of [...data.phrasingCopyRates].sort((a, b) => b.shown - a.shown).slice(0, 3)) {
      assert.ok(rateRows.some((row) => row.includes(p.id) && row.includes(`${Math.round(p.copyRate * 100)}% · 复制 ${p.copied}/展示 ${p.shown}`)),
        `${p.id} not charted as in the table:\n${rateRows.join('\n')}`);
    }

    await assertPageIsRight(page, `insight, charts, ${at}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, viewport.width === 1366 ? 'insight.png' : 'insight-360.png'), fullPage: true });
    for (const summary of await page.locator('details summary').all()) await summary.click();
    await assertPageIsRight(page, `insight, tables open, ${at}`);
    await assertKeyboardReachesEveryControl(page, `insight, ${at}`);
  });
}

test('an editor uses the insight page from the keyboard alone', async () => {
  const page = await newPage(env.browser, env.server.base);
  await typeTokenIn(page, `${env.server.base}/insight.html`, env.server.token);
  await page.locator('#summary').filter({ hasText: '次搜索' }).waitFor();
  await tabTo(page, '#days');
  const reload = page.waitForResponse((r) => r.url().includes('/api/insight?days='));
  await page.keyboard.press('ArrowUp');
  await reload;
  await tabTo(page, 'a.csv[data-table="intent-volume"]');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  assert.equal((await download).suggestedFilename(), 'insight-intent-volume.csv');
  await tabTo(page, 'section:has(#volume) summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('section:has(#volume) details').getAttribute('open'), '');
});

axeTally();
