// Many shops in the browser: the shop switcher on the agent, editor and insight pages; a token of one shop refused
// in another, said plainly; an agent's own phrasings from saving to an editor accepting one for the team.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { assertKeyboardReachesEveryControl, assertPageIsRight, axeTally, tabTo } from './checks.mjs';
import { newPage, SCREENSHOTS, useServerAndBrowser } from './harness.mjs';

const env = useServerAndBrowser();
const NARROW = { width: 360, height: 740 };

/** An admin's call to the API (shops and tokens are made this way, as an admin would). */
async function asAdmin(method, apiPath, body) {
  const response = await fetch(`${env.server.base}${apiPath}`, {
    method, headers: { Authorization: `Bearer ${env.server.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${apiPath}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const tokens = {};
let secondShop;
/**
 * A second shop, 「第二家店」, with one phrasing of its own (it only ships 极兔), and tokens: agents and editors of
 * the default shop, an editor of the second. Made once, by the first test that needs them.
 */
function withSecondShop() {
  secondShop ??= (async () => {
    await asAdmin('POST', '/api/shops', { name: 'second', title: '第二家店' });
    await asAdmin('POST', '/api/shops/second/entries', {
      type: 'phrasing', id: 'phr.second.carrier', scenario: '物流', title: '快递说明', text: '亲,本店只发极兔快递哦', shortcut: '/jt',
    });
    for (const [name, role, shops] of [['xiaomei', 'agent', ['default']], ['lead', 'editor', ['default']], ['second-lead', 'editor', ['second']]]) {
      tokens[name] = (await asAdmin('POST', '/api/tokens', { name, role, shops })).token;
    }
  })();
  return secondShop;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());
const shopInUrl = (page) => new URL(page.url()).searchParams.get('shop');
const firstResultId = (page) => page.locator('.result').first().getAttribute('data-id');

/** Types a buyer message into a fresh search box and waits until the results for it are on screen. */
async function searchFor(page, text) {
  const answered = page.waitForResponse((r) => r.url().includes('/search?') && new URL(r.url()).searchParams.get('q') === text);
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await page.fill('#q', text);
  await answered;
  await page.waitForFunction(() => document.getElementById('status').textContent !== '');
}

/** The agent page with the agent's token given as a person does: open 我的话术, Tab to the field, type, Enter. */
async function agentWithToken(token, { viewport, url = env.server.base } = {}) {
  const page = await newPage(env.browser, env.server.base, viewport);
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(url);
  await tabTo(page, '.mine summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#token');
  await page.keyboard.type(token);
  const listed = page.waitForResponse((r) => r.url().endsWith('/api/shops')); // the shops this token may use
  await page.keyboard.press('Enter');
  await listed;
  await page.locator('#who').filter({ hasText: /客服|管理员/ }).waitFor();
  return page;
}

async function editorWithToken(token, { viewport, url = `${env.server.base}/editor.html` } = {}) {
  const page = await newPage(env.browser, env.server.base, viewport);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.fill('#token', token);
  const listed = page.waitForResponse((r) => r.url().includes('/entries?')); // the list as the token sees it
  await page.click('#token-use');
  await listed;
  await page.locator('#who').filter({ hasText: /\S/ }).waitFor();
  return page;
}

test('with one shop the switcher stays out of the way, and the address stays as it was', async () => {
  for (const url of [env.server.base, `${env.server.base}/editor.html`, `${env.server.base}/insight.html`]) {
    const page = await newPage(env.browser, env.server.base);
    const listed = page.waitForResponse((r) => r.url().endsWith('/api/shops'));
    await page.goto(url);
    await listed;
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.shop-switch').isVisible(), false, `${url}: no switcher for one shop`);
    assert.equal(shopInUrl(page), null, `${url}: no shop in the address`);
    await page.close();
  }
});

test('the agent switches shop from the keyboard: the search runs again there, and the address and the browser keep it', async () => {
  await withSecondShop();
  const page = await newPage(env.browser, env.server.base);
  await page.goto(env.server.base);
  await searchFor(page, '发什么快递');
  assert.equal(await firstResultId(page), 'faq.shipping.carriers');

  await tabTo(page, '#shop-select', { backwards: true });
  const again = page.waitForResponse((r) => r.url().includes('/api/shops/second/search?'));
  await page.keyboard.press('ArrowDown'); // the next shop in the list: 第二家店
  await again;
  await page.waitForFunction(() => document.querySelector('.result')?.dataset.id === 'phr.second.carrier');
  assert.equal(await page.locator('.result').count(), 1, 'only the second shop\'s phrasing: none of the default shop\'s answers');
  assert.equal(shopInUrl(page), 'second');
  assert.match(await page.locator('header nav a').first().getAttribute('href'), /[?&]shop=second/, 'links to the other pages keep the shop');
  assert.equal(await page.locator('#shop-select option:checked').textContent(), '第二家店(second)');
  await assertPageIsRight(page, 'agent, second shop chosen');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'agent-shops-1366.png') });

  // The short code of the second shop's phrasing works there, and the default shop's /wl does not.
  await searchFor(page, '/jt');
  assert.equal(await firstResultId(page), 'phr.second.carrier');

  // Opened again without the shop in the address: this browser remembers it.
  await page.goto(env.server.base);
  await searchFor(page, '发什么快递');
  assert.equal(await firstResultId(page), 'phr.second.carrier');
  assert.equal(shopInUrl(page), 'second');

  // A link with the shop opens that shop in another browser.
  const other = await newPage(env.browser, env.server.base, NARROW);
  await other.goto(`${env.server.base}/?shop=second`);
  await searchFor(other, '发什么快递');
  assert.equal(await firstResultId(other), 'phr.second.carrier');
  await assertPageIsRight(other, 'agent, second shop chosen, 360 px');
  await other.screenshot({ path: path.join(SCREENSHOTS, 'agent-shops-360.png') });

  // And back: the default shop's answers again, and its own 店铺名 for {店铺名}.
  await page.locator('.settings summary').click();
  await page.fill('#shop', '第二家店旗舰店');
  await tabTo(page, '#shop-select', { backwards: true });
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('.result')?.dataset.id === 'faq.shipping.carriers');
  assert.equal(shopInUrl(page), 'default');
  assert.equal(await page.inputValue('#shop'), '', 'the second shop\'s name is not the default shop\'s');

  // A shop that does not exist is said to be missing.
  const missing = await newPage(env.browser, env.server.base);
  await missing.goto(`${env.server.base}/?shop=nosuch`);
  await searchFor(missing, '发什么快递');
  assert.match(await missing.locator('#status').textContent(), /没有名为「nosuch」的店铺/);
  assert.equal(await missing.locator('#shop-select option:checked').textContent(), 'nosuch(不在可用店铺中)');
});

test('the editor page switches shop: the list, the filters and the export are the chosen shop\'s', async () => {
  await withSecondShop();
  const page = await editorWithToken(env.server.token);
  await page.locator('#entries li').nth(10).waitFor();
  await page.selectOption('#shop-select', 'second');
  await page.waitForFunction(() => document.getElementById('count').textContent === '1 条');
  assert.equal(await page.locator('#entries button').first().getAttribute('data-id'), 'phr.second.carrier');
  assert.equal(shopInUrl(page), 'second');
  assert.equal(await page.locator('#f-intent option').count(), 1, 'the second shop declares no intents: only 全部');
  assert.equal(await page.locator('#export a').first().getAttribute('href'), '/api/shops/second/export?format=xlsx');
  await page.locator('#entries button').first().click();
  await page.waitForFunction(() => document.getElementById('field-title')?.value === '快递说明');
  await assertPageIsRight(page, 'editor, second shop');
});

test('a token of one shop gets a plain refusal in another, never an empty list', async () => {
  await withSecondShop();
  // The agent of the default shop, sent a link to the second shop.
  const agent = await agentWithToken(tokens.xiaomei, { url: `${env.server.base}/?shop=second` });
  await agent.locator('#mine-status').filter({ hasText: '不能使用店铺「second」' }).waitFor();
  await searchFor(agent, '发什么快递');
  assert.match(await agent.locator('#status').textContent(), /令牌「xiaomei」不能使用店铺「second」/);
  assert.equal(await agent.locator('.result').count(), 0);
  await assertPageIsRight(agent, 'agent, token of another shop');

  // The editor of the default shop on the second shop's editor page: the list says why it is empty.
  const editor = await editorWithToken(tokens.lead, { url: `${env.server.base}/editor.html?shop=second` });
  await editor.locator('#count').filter({ hasText: '不能使用店铺「second」' }).waitFor();
  assert.equal(await editor.locator('#entries li').count(), 0);
  assert.match(await editor.locator('#who').textContent(), /lead:不能使用这家店/);
  assert.equal(await editor.locator('#new').isVisible(), false, 'no edit controls in a shop the token may not change');
  await assertPageIsRight(editor, 'editor, token of another shop');
  await editor.screenshot({ path: path.join(SCREENSHOTS, 'editor-other-shop.png') });
  // Its own shop is the one the switcher offers; choosing it brings the list and the edit controls.
  assert.deepEqual(await editor.locator('#shop-select option').evaluateAll((options) => options.map((o) => o.value)), ['default', 'second']);
  await editor.selectOption('#shop-select', 'default');
  await editor.locator('#entries li').nth(10).waitFor();
  assert.match(await editor.locator('#who').textContent(), /lead\(编辑\)/);
  assert.equal(await editor.locator('#new').isVisible(), true);

  // The second shop's editor on the default shop's insight page.
  const insight = await newPage(env.browser, env.server.base);
  await insight.goto(`${env.server.base}/insight.html?shop=default`);
  await insight.fill('#token', tokens['second-lead']);
  await insight.click('#token-form button[type=submit]');
  await insight.locator('#summary').filter({ hasText: '令牌「second-lead」不能使用店铺「default」' }).waitFor();
  await insight.selectOption('#shop-select', 'second');
  await insight.locator('#summary').filter({ hasText: '次搜索' }).waitFor();
  assert.equal(shopInUrl(insight), 'second');
});

test('an agent\'s own phrasing: saved, found by search and short code marked 我的, copied, changed, suggested, accepted by an editor', async () => {
  await withSecondShop();
  const page = await agentWithToken(tokens.xiaomei);
  await page.locator('#mine-status').filter({ hasText: '还没有自己的话术' }).waitFor();
  // Her token may use one shop of the two: no switcher for her.
  await page.locator('.shop-switch').waitFor({ state: 'hidden' });
  await page.locator('.settings summary').click();
  await page.fill('#nick', '小美');

  // Two phrasings of her own, written from the keyboard.
  for (const [title, text, shortcut] of [['闪电发货说明', '亲,我是{客服昵称},今天下单今天就给您安排闪电发货哦', '/sd'],
    ['晚安问候', '亲,夜深了,{客服昵称}明早第一时间回复您', '']]) {
    await tabTo(page, '#mine-new');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'mine-title');
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await page.keyboard.type(shortcut);
    await page.keyboard.press('Enter');
    await page.locator('#mine-status').filter({ hasText: `已保存「${title}」` }).waitFor();
  }
  assert.equal(await page.locator('.mine-item').count(), 2);

  // A refused save says why, next to the field.
  await page.click('#mine-new');
  await page.fill('#mine-text', '只有内容没有标题');
  await page.click('#mine-save');
  await page.waitForFunction(() => document.getElementById('mine-title-error').textContent.trim() !== '');
  await page.click('#mine-cancel');

  // Found by search, in its own group, marked 我的, copied in one key with the placeholder filled.
  await page.locator('#q').focus();
  await searchFor(page, '今天能闪电发货吗');
  const own = page.locator('.result').filter({ has: page.locator('.tag.own') });
  await own.first().waitFor();
  assert.equal(await own.count(), 1);
  assert.equal(await own.locator('.title').textContent(), '闪电发货说明');
  assert.equal(await own.locator('.tag.own').textContent(), '我的');
  assert.equal(await own.locator('xpath=ancestor::section[contains(@class,"group")]/h2').textContent(), '我的话术');
  assert.equal(await own.locator('button.helpful').count(), 0, 'own phrasings are not rated: their use is never logged');
  assert.equal(await own.locator('.number').textContent(), '1', 'the agent\'s own come first: Alt+1');
  await page.keyboard.press('Alt+1');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes('我是小美')));
  assert.doesNotMatch(await clipboard(page), /\{客服昵称\}/);
  await assertPageIsRight(page, 'agent, own phrasing among the results');
  await page.locator('.settings summary').click(); // folded again: the panel of her own phrasings and the results
  await page.screenshot({ path: path.join(SCREENSHOTS, 'agent-own-1366.png'), fullPage: true, clip: { x: 0, y: 0, width: 1366, height: 1000 } });

  // Its short code brings it first.
  await searchFor(page, '/sd');
  assert.match(await firstResultId(page), /^own\./);
  assert.equal(await page.locator('.result').first().locator('.tag.own').count(), 1);

  // Changed: the search shows the new text.
  await page.locator('.mine-item').first().locator('button.edit').click();
  await page.fill('#mine-text', '亲,我是{客服昵称},下午3点前下单今天就给您闪电发货哦');
  await page.keyboard.press('Control+Enter');
  await page.locator('#mine-status').filter({ hasText: '已保存「闪电发货说明」' }).waitFor();
  await searchFor(page, '/sd');
  assert.match(await page.locator('.result').first().locator('.copytext').textContent(), /下午3点前下单/);

  // Suggested to the team, both of them.
  for (const title of ['闪电发货说明', '晚安问候']) {
    await page.locator('.mine-item').filter({ hasText: title }).locator('button.suggest').click();
    await page.locator('#mine-status').filter({ hasText: `已把「${title}」建议给团队` }).waitFor();
  }
  assert.equal(await page.locator('.mine-item').filter({ hasText: '已建议给团队' }).count(), 2);

  const narrow = await agentWithToken(tokens.xiaomei, { viewport: NARROW });
  await narrow.locator('.mine-item').nth(1).waitFor();
  await narrow.locator('#q').focus();
  await searchFor(narrow, '今天能闪电发货吗');
  await narrow.locator('.tag.own').first().waitFor();
  await assertPageIsRight(narrow, 'agent, own phrasings, 360 px');
  await narrow.locator('.mine summary').click(); // folded: what the agent sees while answering
  await narrow.screenshot({ path: path.join(SCREENSHOTS, 'agent-own-360.png') });

  // The default shop's editor sees both suggestions; the second shop's editor sees none of them.
  const editor = await editorWithToken(tokens.lead);
  await editor.locator('.suggestion-item').nth(1).waitFor();
  assert.match(await editor.locator('.suggestion-item').first().textContent(), /来自 xiaomei/);
  await assertPageIsRight(editor, 'editor, suggestions');
  await editor.screenshot({ path: path.join(SCREENSHOTS, 'editor-suggestions-1366.png') });
  const narrowEditor = await editorWithToken(tokens.lead, { viewport: NARROW });
  await narrowEditor.locator('.suggestion-item').nth(1).waitFor();
  await assertPageIsRight(narrowEditor, 'editor, suggestions, 360 px');
  await narrowEditor.screenshot({ path: path.join(SCREENSHOTS, 'editor-suggestions-360.png'), fullPage: true });
  const elsewhere = await editorWithToken(tokens['second-lead'], { url: `${env.server.base}/editor.html?shop=second` });
  await elsewhere.locator('#suggestions-status').filter({ hasText: '暂无' }).waitFor();

  // Accepted from the keyboard with an intent (which brings its scenario), dismissed with one click.
  const first = editor.locator('.suggestion-item').filter({ hasText: '闪电发货说明' });
  await first.locator('select[id^=intent-]').selectOption('order.cutoff-time');
  assert.equal(await first.locator('select[id^=scenario-]').inputValue(), await editor.evaluate(async () => {
    const intents = await (await fetch('/api/intents')).json();
    return intents.find((i) => i.id === 'order.cutoff-time').scenario;
  }));
  await first.locator('button.accept').focus();
  await editor.keyboard.press('Enter');
  await first.locator('.outcome').filter({ hasText: '已采纳为团队话术' }).waitFor();
  const teamId = (await first.locator('.outcome button').textContent()).replace('打开 ', '');
  await editor.locator('.suggestion-item').filter({ hasText: '晚安问候' }).locator('button.dismiss').click();
  await editor.locator('.suggestion-item .outcome').filter({ hasText: '已不采纳' }).waitFor();

  // The team phrasing is searchable at once, for everyone, with the agent's short code; nothing is left open.
  const team = await (await fetch(`${env.server.base}/api/search?q=${encodeURIComponent('/sd')}`)).json();
  assert.equal(team.results[0].id, teamId);
  assert.equal(team.results[0].intent, 'order.cutoff-time');
  assert.match(team.results[0].text, /下午3点前下单/);
  const open = await (await fetch(`${env.server.base}/api/suggestions`, { headers: { Authorization: `Bearer ${tokens.lead}` } })).json();
  assert.deepEqual(open, []);
  await first.locator('.outcome button').click();
  await editor.waitForFunction((id) => document.getElementById('form-title').textContent === id, teamId);

  // Deleted from her own list; the team's copy stays.
  await page.locator('.mine-item').filter({ hasText: '晚安问候' }).locator('button.delete').click();
  await page.locator('#mine-status').filter({ hasText: '已删除「晚安问候」' }).waitFor();
  assert.equal(await page.locator('.mine-item').count(), 1);
});

test('the keyboard reaches the switcher, the own-phrasing panel and the suggestions', async () => {
  await withSecondShop();
  const agent = await agentWithToken(env.server.token); // an admin's token: both shops to choose from
  await agent.locator('#mine-new').waitFor();
  await agent.locator('#shop-select').waitFor();
  await assertKeyboardReachesEveryControl(agent, 'agent, own phrasings open, two shops');
  await assertPageIsRight(agent, 'agent, own-phrasing panel open');
  const editor = await editorWithToken(env.server.token);
  await editor.locator('#suggestions-status').filter({ hasText: /\S/ }).waitFor();
  await assertKeyboardReachesEveryControl(editor, 'editor, two shops');
});

axeTally();
