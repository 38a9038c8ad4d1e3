// The usage log seen from the browser: an agent's copy reaches the editors' insight page, and a gap becomes
// a similar question in one click.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { newPage, SCREENSHOTS, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

async function insightPage() {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(`${env.server.base}/insight.html`);
  await page.fill('#token', env.server.token);
  await page.click('#token-form button[type=submit]');
  await page.locator('#summary').filter({ hasText: '次搜索' }).waitFor();
  return page;
}

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
  const rate = page.locator('#rates tr', { hasText: copiedId });
  await rate.waitFor();
  assert.match(await rate.textContent(), /1\s*100%|1100%|1\D*100%/);
  const gap = page.locator('#gaps tr', { hasText: '洗衣液泡一晚上' });
  await gap.waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'insight.png') });

  await gap.locator('select').selectOption('product.care');
  await gap.getByRole('button', { name: '加为相似问法' }).click();
  await gap.locator('[role=status]').filter({ hasText: '已加入' }).waitFor();
  const response = await agent.evaluate(async () => (await fetch(`/api/search?q=${encodeURIComponent('你们家衣服能用洗衣液泡一晚上吗')}`)).json());
  assert.equal(response.results[0].intent, 'product.care');
  assert.equal(response.confident, true);
});
