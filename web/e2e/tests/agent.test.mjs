// The agent's search page, in a real browser against the real server.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { tabTo } from './checks.mjs';
import { newPage, SCREENSHOTS, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('the search box has focus on load and results update as the agent types', async () => {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('包邮吗', { delay: 40 });
  await page.locator('.group').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('.group h2').first().textContent(), '标准答案');
  assert.match(await page.locator('.result .title').first().textContent(), /包邮/);
  assert.ok(await page.locator('.result mark').count() > 0, 'matched words are highlighted');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'agent.png') });
});

test('copying a phrasing fills the placeholders from the agent settings', async () => {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  await page.locator('.settings summary').click();
  await page.fill('#nick', '小园');
  await page.fill('#shop', '七匹狼专卖店');
  await page.fill('#q', '亲在吗');
  const phrasing = page.locator('.result.phrasing').first();
  await phrasing.waitFor();
  await phrasing.locator('button.copy').click();
  await page.locator('.result.copied').waitFor();
  const copied = await clipboard(page);
  assert.match(copied, /小园|七匹狼专卖店/);
  assert.doesNotMatch(copied, /\{客服昵称\}|\{店铺名\}/);
});

test('keyboard: arrow down selects a result and Enter copies it', async () => {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  await page.fill('#q', '发什么快递');
  await page.locator('.result').first().waitFor();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('.result.selected').count(), 1);
  const expected = await page.locator('.result.selected .copytext').textContent();
  await page.keyboard.press('Enter');
  await page.locator('.result.copied').waitFor();
  assert.equal(await clipboard(page), expected);
  await page.keyboard.press('Alt+2');
  const second = await page.locator('.result.copyable').nth(1).locator('.copytext').textContent();
  await page.waitForFunction((text) => navigator.clipboard.readText().then((t) => t === text), second);
});

test('a shortcut code finds its phrasing first', async () => {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  await page.fill('#q', '/wl');
  await page.locator('.result').first().waitFor();
  assert.equal(await page.locator('.result').first().getAttribute('data-id'), 'phr.shipping.checking');
});

test('chit-chat shows the no-confident-answer state, and Esc clears', async () => {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  await page.fill('#q', '今天天气不错');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('没有把握'));
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#q'), '');
  assert.equal(await page.locator('.result').count(), 0);
});

test('stale answers are ignored: only the last message typed is shown', async () => {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  await page.fill('#q', '能便宜点吗');
  await page.fill('#q', '退货');
  // The last message's answer first (a fixed wait failed on a slow run: it had not come yet), then time for the first
  // message's answer to land after it, as a stale answer would.
  await page.waitForFunction(() => /退/.test(document.querySelector('.result .title')?.textContent ?? ''));
  await page.waitForTimeout(600);
  assert.match(await page.locator('.result .title').first().textContent(), /退/);
});

test('typing a bad draft shows the finding, and one click applies the suggestion', async () => {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  await page.fill('#q', '在吗');
  await page.click('#draft');
  await page.keyboard.type('你好,有什么事', { delay: 30 });
  const finding = page.locator('.finding-item[data-rule="address-ni"]');
  await finding.waitFor();
  assert.equal(await page.locator('mark.finding').first().textContent(), '你');
  await finding.locator('button.apply').click();
  await page.waitForFunction(() => document.getElementById('draft').value === '您好,有什么事');
  await page.locator('.finding-ok').waitFor();
  await page.fill('#q', '质量太差了我要退款');
  await page.fill('#draft', '请提供订单号');
  await page.locator('.finding-item[data-rule="missing-apology"]').waitFor();
  await page.locator('.finding-item[data-rule="missing-apology"] button.apply').click();
  await page.waitForFunction(() => document.getElementById('draft').value.startsWith('亲,非常抱歉'));
});

test('every action works from the keyboard alone', async () => {
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  await page.keyboard.type('能发顺丰吗', { delay: 30 });
  await page.locator('.result.copyable').first().waitFor();
  await page.waitForLoadState('networkidle'); // a pause while typing may have searched a part of the message
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.result.copied').waitFor();
  assert.equal(await clipboard(page), await page.locator('.result.selected .copytext').textContent());

  await tabTo(page, '.result button.helpful');
  await page.keyboard.press('Enter');
  await page.locator('.result .rated').filter({ hasText: '已标记有帮助' }).waitFor();

  await tabTo(page, '.settings summary');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'nick');
  await page.keyboard.type('小园');

  await tabTo(page, 'input[name=type][value=faq]');
  const search = page.waitForResponse((r) => r.url().includes('/api/search') && r.url().includes('type='));
  await page.keyboard.press('Space');
  await search;
  await page.waitForFunction(() => !document.querySelector('.result.faq') && document.querySelector('.result'));

  await tabTo(page, '#draft');
  await page.keyboard.type('晕,好的', { delay: 20 });
  await page.locator('.finding-item[data-rule="filler-tic"]').waitFor();
  await tabTo(page, '.finding-item button.apply');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('draft').value === '好的');

  await tabTo(page, '#q', { backwards: true });
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#q'), '');
  assert.equal(await page.locator('.result').count(), 0);
});
