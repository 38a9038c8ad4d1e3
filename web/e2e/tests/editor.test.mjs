// The editors' page, in a real browser against the real server.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { newPage, SCREENSHOTS, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();

async function editorPage(token = env.server.token) {
  const page = await newPage(env.browser, env.server.base);
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`${env.server.base}/editor.html`);
  if (token) {
    await page.fill('#token', token);
    await page.click('#token-use');
    await page.waitForFunction(() => document.getElementById('who').textContent.includes('编辑'));
  }
  return page;
}

async function openEntry(page, id) {
  await page.fill('#f-text', id);
  await page.locator(`#entries button[data-id="${id}"]`).click();
  await page.waitForFunction((wanted) => document.getElementById('form-title').textContent === wanted, id);
}

test('visitors without an editor token see no edit controls', async () => {
  const page = await editorPage(null);
  await page.locator('#entries li').first().waitFor();
  await openEntry(page, 'faq.shipping.carriers');
  assert.equal(await page.locator('#save').isVisible(), false);
  assert.equal(await page.locator('#new').isVisible(), false);
  assert.equal(await page.locator('#field-answer').getAttribute('readonly'), '');
});

test('an editor edits and saves an entry, and search finds the change at once', async () => {
  const page = await editorPage();
  await openEntry(page, 'faq.shipping.carriers');
  await page.fill('#field-answer', '亲,我们默认发申通、圆通、E邮宝,也可以发极兔快递哦!');
  await page.click('#save');
  await page.locator('.notice.ok').waitFor();
  const search = await (await fetch(`${env.server.base}/api/search?q=${encodeURIComponent('极兔')}`)).json();
  assert.equal(search.results[0].id, 'faq.shipping.carriers');
  await page.locator('#history-box summary').click();
  assert.match(await page.locator('#history li').first().textContent(), /admin · update/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'editor.png'), fullPage: true });
});

test('validation problems appear next to their fields', async () => {
  const page = await editorPage();
  await openEntry(page, 'faq.stock.availability');
  await page.fill('#field-question', '');
  await page.click('#save');
  await page.waitForFunction(() => document.getElementById('field-question-error').textContent.length > 0);
  assert.match(await page.locator('#field-question-error').textContent(), /required/);
});

test('a stale edit is explained as a conflict with both versions, never saved silently', async () => {
  const first = await editorPage();
  const second = await editorPage();
  await openEntry(first, 'faq.order.cutoff-time');
  await openEntry(second, 'faq.order.cutoff-time');
  await first.fill('#field-answer', '亲,我们每天下午3点截单,3点前付款当天发货哦。');
  await first.click('#save');
  await first.locator('.notice.ok').waitFor();
  await second.fill('#field-answer', '亲,今天拍今天发!');
  await second.click('#save');
  await second.locator('.notice.warn').waitFor();
  assert.match(await second.locator('.notice.warn').textContent(), /已被 admin/);
  assert.equal(await second.locator('.conflict pre').count(), 2);
  const stored = await (await fetch(`${env.server.base}/api/entries/faq.order.cutoff-time`)).json();
  assert.match(stored.answer, /下午3点截单/);
});

test('an import shows its dry-run report before anything is applied', async () => {
  const page = await editorPage();
  const csv = '标准问题,相似问法,答案,分类,意图\n能发极兔吗,极兔能发吗,"亲,可以发极兔快递哦",物流,shipping.carriers\n坏的一行,,,物流,no.such\n';
  await page.setInputFiles('#import-file', { name: 'faq.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.click('#dry-run');
  await page.locator('table.report').waitFor();
  assert.match(await page.locator('#import-report .notice').textContent(), /新建 1.*拒绝 1/);
  assert.equal(await page.locator('#apply-import').isDisabled(), true, 'a report with rejected rows cannot be applied');
  const before = await (await fetch(`${env.server.base}/api/search?q=${encodeURIComponent('能发极兔吗')}&type=faq`)).json();
  assert.ok(!before.results.some((r) => r.title === '能发极兔吗'));
});
