// The editors' page, in a real browser against the real server.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { assertKeyboardReachesEveryControl, assertPageIsRight, axeTally, tabTo, typeTokenIn } from './checks.mjs';
import { newPage, SCREENSHOTS, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
/** A spreadsheet export with one good row and one with an unknown intent: the dry run must report both. */
const IMPORT_CSV = '标准问题,相似问法,答案,分类,意图\n能发极兔吗,极兔能发吗,"亲,可以发极兔快递哦",物流,shipping.carriers\n坏的一行,,,物流,no.such\n';

async function editorPage(token = env.server.token, viewport = undefined) {
  const page = await newPage(env.browser, env.server.base, viewport);
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`${env.server.base}/editor.html`);
  if (token) {
    await page.fill('#token', token);
    await page.click('#token-use');
    await page.waitForFunction(() => document.getElementById('who').textContent.includes('编辑'));
  }
  return page;
}

/** Clicks 保存 and waits for the server's answer (a notice from an earlier save may still be on screen). */
async function save(page) {
  const reply = page.waitForResponse((r) => r.url().includes('/api/entries') && ['PUT', 'POST'].includes(r.request().method()));
  await page.click('#save');
  return reply;
}

/** Opens an entry from the list and waits until the form is drawn anew for it (it may show that entry already). */
async function openEntry(page, id) {
  await page.fill('#f-text', id);
  await page.evaluate(() => document.querySelector('#form > *')?.setAttribute('data-stale', ''));
  await page.locator(`#entries button[data-id="${id}"]`).click();
  await page.waitForFunction((wanted) => document.getElementById('form-title').textContent === wanted
    && document.querySelector('#form > *') && !document.querySelector('#form [data-stale]'), id);
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
  assert.match(await page.locator('#history li').first().textContent(), /admin · 修改/);
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
  const changed = await second.locator('table.changes tbody tr').allInnerTexts();
  assert.equal(changed.length, 1, 'only the answer differs');
  assert.match(changed[0], /答案[\s\S]*今天拍今天发[\s\S]*下午3点截单/);
  const stored = await (await fetch(`${env.server.base}/api/entries/faq.order.cutoff-time`)).json();
  assert.match(stored.answer, /下午3点截单/);
});

test('an import shows its dry-run report before anything is applied', async () => {
  const page = await editorPage();
  await page.setInputFiles('#import-file', { name: 'faq.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) });
  await page.click('#dry-run');
  await page.locator('table.report').waitFor();
  assert.match(await page.locator('#import-report .notice').textContent(), /新建 1.*拒绝 1/);
  assert.equal(await page.locator('#apply-import').isDisabled(), true, 'a report with rejected rows cannot be applied');
  const before = await (await fetch(`${env.server.base}/api/search?q=${encodeURIComponent('能发极兔吗')}&type=faq`)).json();
  assert.ok(!before.results.some((r) => r.title === '能发极兔吗'));
});

for (const viewport of [{ width: 1366, height: 768 }, { width: 360, height: 740 }]) {
  const at = `${viewport.width}px`;

  test(`the editor's views at ${at}: list, edit, history, conflict and import report`, async () => {
    const page = await editorPage(env.server.token, viewport);
    await page.locator('#entries li').first().waitFor();
    assert.match(await page.locator('#count').innerText(), /^\d+ 条$/);
    await assertPageIsRight(page, `editor, list, ${at}`);

    for (const id of ['faq.shipping.sf-express', 'phr.details.answer', 'policy.shipping', 'product.1712-102']) {
      await openEntry(page, id);
      const stored = await (await fetch(`${env.server.base}/api/entries/${id}`)).json();
      const shown = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#form [name]')].map((f) => [f.name, f.value])));
      assert.equal(shown.id, stored.id);
      for (const [field, value] of Object.entries(stored)) {
        if (typeof value === 'string' && field in shown) assert.equal(shown[field], value, `${id}: ${field}`);
      }
      if (stored.attributes) assert.deepEqual(shown.attributes.split('\n'), Object.entries(stored.attributes).map(([k, v]) => `${k}: ${v}`));
      if (stored.similar) assert.deepEqual(shown.similar.split('\n'), stored.similar);
      if (stored.sections) assert.match(shown.sections, new RegExp(`## ${stored.sections[0].heading}`));
      await assertPageIsRight(page, `editor, edit ${id}, ${at}`);
    }

    await openEntry(page, 'faq.shipping.sf-express');
    await page.fill('#field-note', `特殊情况可以和买家协商分担运费(${at})。`);
    assert.equal((await save(page)).status(), 200);
    await page.locator('#history-box summary').click();
    await page.locator('#history li button').first().waitFor();
    await assertPageIsRight(page, `editor, history, ${at}`);

    const other = await editorPage(env.server.token, viewport);
    await openEntry(other, 'faq.shipping.sf-express');
    await openEntry(page, 'faq.shipping.sf-express');
    await page.fill('#field-note', `只在买家急用时说明到付(${at})。`);
    assert.equal((await save(page)).status(), 200);
    await other.fill('#field-answer', '亲,顺丰到付哦。');
    assert.equal((await save(other)).status(), 412);
    await other.locator('table.changes').waitFor();
    await other.locator('#conflict summary').click();
    await assertPageIsRight(other, `editor, conflict, ${at}`);
    if (viewport.width === 1366) await other.screenshot({ path: path.join(SCREENSHOTS, 'editor-conflict.png'), fullPage: true });

    await page.setInputFiles('#import-file', { name: 'faq.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) });
    await page.click('#dry-run');
    await page.locator('table.report').waitFor();
    await assertPageIsRight(page, `editor, import report, ${at}`);
    await assertKeyboardReachesEveryControl(page, `editor, ${at}`);
  });
}

test('an editor works from the keyboard alone: token, find, edit, save, restore', async () => {
  const page = await newPage(env.browser, env.server.base);
  await typeTokenIn(page, `${env.server.base}/editor.html`, env.server.token);
  await page.waitForFunction(() => document.getElementById('who').textContent.includes('编辑'));
  await tabTo(page, '#f-text');
  await page.keyboard.type('faq.shipping.carriers');
  await page.locator('#count').filter({ hasText: /^1 条$/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await tabTo(page, '#entries button[data-id="faq.shipping.carriers"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('form-title').textContent === 'faq.shipping.carriers');
  await tabTo(page, '#field-answer');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('亲,我们默认发申通、圆通、E邮宝哦!');
  await tabTo(page, '#save');
  await page.keyboard.press('Enter');
  await page.locator('.notice.ok').waitFor();
  await tabTo(page, '#history-box summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#history li button');
  await page.keyboard.press('Enter');
  await page.locator('.notice.ok').filter({ hasText: '已恢复' }).waitFor();
});

test('save warnings from the server show beside their fields, with a way to the entry they name', async (t) => {
  const page = await editorPage();
  await openEntry(page, 'faq.shipping.carriers');
  // The standard question of faq.shipping.sf-express, in other words: a near duplicate when search ranks by meaning.
  await page.fill('#field-similar', `${await page.inputValue('#field-similar')}\n可以发顺丰吗,顺丰包邮吗`);
  const body = await (await save(page)).json();
  await page.locator('.notice.ok').waitFor();
  const warnings = body.warnings ?? [];
  t.diagnostic(`${warnings.length} warnings in the save response (none unless the server ranks by meaning)`);
  const fieldOf = (warning) => warning.field.split(/[.[]/)[0];
  assert.equal(await page.locator('.field-warning:not(:empty)').count(), new Set(warnings.map(fieldOf)).size);
  for (const warning of warnings) {
    assert.ok((await page.locator(`#field-${fieldOf(warning)}-warning`).innerText()).includes(warning.problem));
  }
  const named = warnings.find((w) => w.entryId);
  if (!named) return;
  await assertPageIsRight(page, 'editor, save warnings, 1366px');
  await page.locator('.field-warning:not(:empty)').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'editor-warning.png') });
  await page.locator(`#field-${fieldOf(named)}-warning`).getByRole('button', { name: named.entryId }).click();
  await page.waitForFunction((id) => document.getElementById('form-title').textContent === id, named.entryId);
});

axeTally();
