// The agent's search page: results as the agent types, one-key copy with placeholders filled.
import { api, el, TYPE_LABEL } from '/common.js';

const input = document.getElementById('q');
const list = document.getElementById('results');
const status = document.getElementById('status');
const scenario = document.getElementById('scenario');
const product = document.getElementById('product');
const nick = document.getElementById('nick');
const shop = document.getElementById('shop');
const GROUPS = [['faq', '标准答案'], ['phrasing', '推荐话术'], ['policy', '政策摘录'], ['product', '商品信息']];
let latest = 0;
let timer;
let copyables = [];
let currentQueryId = null; // the usage log's id of the search on screen, for feedback
let selected = -1;

// The agent's name and shop are kept in this browser only.
for (const [field, key] of [[nick, 'kb.nick'], [shop, 'kb.shop']]) {
  field.value = localStorage.getItem(key) ?? '';
  field.addEventListener('input', () => localStorage.setItem(key, field.value.trim()));
}

/** The text an agent pastes: placeholders for the agent's name and shop filled in. */
export function fill(text) {
  const values = { '客服昵称': nick.value.trim(), '店铺名': shop.value.trim() };
  return text.replace(/\{([^{}]+)\}/g, (whole, name) => values[name] || whole);
}

function copyText(result) {
  if (result.type === 'faq') return result.answer;
  if (result.type === 'phrasing') return result.text;
  return null;
}

/** Tells the usage log what the agent did with a result; never holds up the page. */
function feedback(resultId, action) {
  if (!currentQueryId) return;
  fetch('/api/feedback', {
    method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ queryId: currentQueryId, resultId, action }),
  }).catch(() => {});
}

async function copy(index) {
  const item = copyables[index];
  if (!item) return;
  const text = fill(item.text);
  try {
    await navigator.clipboard.writeText(text);
    feedback(item.id, 'copied');
    item.node.classList.add('copied');
    item.button.textContent = '已复制';
    status.textContent = `已复制第 ${index + 1} 条`;
    setTimeout(() => { item.node.classList.remove('copied'); item.button.textContent = '复制'; }, 1500);
  } catch {
    status.textContent = '复制失败:浏览器不允许访问剪贴板';
  }
}

function select(index) {
  if (!copyables.length) return;
  selected = Math.max(0, Math.min(index, copyables.length - 1));
  copyables.forEach((item, i) => item.node.setAttribute('aria-selected', String(i === selected)));
  copyables[selected].node.focus();
}

function resultNode(result) {
  const text = copyText(result);
  const snippet = el('p', { className: 'snippet' });
  snippet.innerHTML = result.snippet; // the server escapes the text and adds only <mark>
  const node = el('article', { className: `result ${result.type}`, tabIndex: -1, dataset: { id: result.id } },
    el('div', { className: 'head' },
      el('span', { className: 'badge' }, TYPE_LABEL[result.type] ?? result.type),
      el('strong', { className: 'title' }, result.title),
      result.shortcut ? el('code', { className: 'shortcut' }, result.shortcut) : null),
    snippet,
    result.type === 'product' && result.attributes
      ? el('dl', { className: 'facts' }, Object.entries(result.attributes).map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]))
      : null);
  if (text) {
    const index = copyables.length;
    const button = el('button', { type: 'button', className: 'copy', onclick: () => copy(index) }, '复制');
    const number = el('span', { className: 'number', title: `Alt+${index + 1}` }, String(index + 1));
    node.append(el('p', { className: 'copytext' }, fill(text)));
    if (result.note) node.append(el('p', { className: 'note' }, `提示:${result.note}`));
    node.append(el('div', { className: 'actions' }, number, button));
    node.setAttribute('role', 'option');
    copyables.push({ node, button, text, id: result.id });
  }
  node.append(el('div', { className: 'rate' },
    el('button', { type: 'button', className: 'helpful', title: '有帮助', 'aria-label': '有帮助', onclick: (e) => rate(e, result.id, 'helpful') }, '👍'),
    el('button', { type: 'button', className: 'not-helpful', title: '没帮助', 'aria-label': '没帮助', onclick: (e) => rate(e, result.id, 'not-helpful') }, '👎')));
  return node;
}

function rate(event, resultId, action) {
  feedback(resultId, action);
  event.currentTarget.parentElement.replaceChildren(el('span', { className: 'rated' }, action === 'helpful' ? '已标记有帮助' : '已标记没帮助'));
}

const phrasingCache = new Map();

/** The top answer's recommended phrasings, as results, fetched once each (they may not match the words). */
async function recommendedPhrasings(response) {
  const top = response.results.find((r) => r.type === 'faq');
  if (!top?.phrasingIds?.length) return [];
  const shown = new Set(response.results.map((r) => r.id));
  const wanted = top.phrasingIds.filter((id) => !shown.has(id)).slice(0, 4);
  const fetched = await Promise.all(wanted.map(async (id) => {
    if (!phrasingCache.has(id)) {
      const { ok, body } = await api(`/api/entries/${encodeURIComponent(id)}`);
      phrasingCache.set(id, ok ? body : null);
    }
    return phrasingCache.get(id);
  }));
  return fetched.filter(Boolean).map((p) => ({
    id: p.id, type: 'phrasing', title: p.title, text: p.text, shortcut: p.shortcut,
    snippet: p.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) + ' · 推荐话术',
  }));
}

function render(response) {
  currentQueryId = response.queryId ?? null;
  list.replaceChildren();
  copyables = [];
  selected = -1;
  if (!response.results.length) {
    status.textContent = '没有找到相关答案';
    return;
  }
  status.textContent = response.confident
    ? `${response.total} 条相关 · ${response.tookMs} ms`
    : '没有把握的答案:以下结果仅供参考,请确认后再发送';
  list.classList.toggle('unsure', !response.confident);
  if (input.value.trim().startsWith('/')) {
    // A short code asks for one phrasing: keep the server's order, the code's phrasing first.
    list.append(el('section', { className: 'group' }, el('h2', {}, '快捷短语'),
      el('div', { role: 'listbox', 'aria-label': '快捷短语' }, response.results.map(resultNode))));
    return;
  }
  for (const [type, label] of GROUPS) {
    const items = response.results.filter((r) => r.type === type);
    if (!items.length) continue;
    list.append(el('section', { className: 'group' },
      el('h2', {}, label),
      el('div', { role: 'listbox', 'aria-label': label }, items.map(resultNode))));
  }
}

function selectedTypes() {
  return [...document.querySelectorAll('input[name=type]:checked')].map((box) => box.value);
}

async function search() {
  const id = ++latest;
  const text = input.value;
  if (!text.trim()) {
    list.replaceChildren();
    copyables = [];
    status.textContent = '';
    return;
  }
  const params = new URLSearchParams({ q: text, limit: '12' });
  const types = selectedTypes();
  if (types.length && types.length < 4) params.set('type', types.join(','));
  if (scenario.value) params.set('scenario', scenario.value);
  if (product.value.trim()) params.set('product', product.value.trim());
  try {
    const { ok, body } = await api(`/api/search?${params}`);
    if (id !== latest) return; // a newer search is under way: this answer is stale
    if (!ok) {
      list.replaceChildren();
      status.textContent = body?.message ?? '搜索出错';
      return;
    }
    const recommended = text.trim().startsWith('/') ? [] : await recommendedPhrasings(body);
    if (id !== latest) return;
    if (recommended.length) {
      // Recommended phrasings of the standard answer come first among the phrasings.
      const firstPhrasing = body.results.findIndex((r) => r.type === 'phrasing');
      const at = firstPhrasing < 0 ? body.results.length : firstPhrasing;
      body.results.splice(at, 0, ...recommended);
    }
    render(body);
  } catch {
    if (id === latest) status.textContent = '搜索失败,请检查服务是否在运行';
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(search, 120);
}

input.addEventListener('input', schedule);
for (const control of [scenario, product, ...document.querySelectorAll('input[name=type]')]) {
  control.addEventListener('change', search);
}
[nick, shop].forEach((field) => field.addEventListener('change', search));

document.addEventListener('keydown', (event) => {
  if (event.target === draft) return;
  if (event.key === 'Escape') {
    input.value = '';
    search();
    input.focus();
  } else if (event.altKey && /^[1-9]$/.test(event.key)) {
    event.preventDefault();
    copy(Number(event.key) - 1);
  } else if (event.key === 'ArrowDown' && (event.target === input || list.contains(event.target))) {
    event.preventDefault();
    select(selected + 1);
  } else if (event.key === 'ArrowUp' && list.contains(event.target)) {
    event.preventDefault();
    if (selected <= 0) { selected = -1; input.focus(); } else select(selected - 1);
  } else if (list.contains(event.target) && selected >= 0 && event.target.tagName !== 'BUTTON'
      && (event.key === 'Enter' || ((event.ctrlKey || event.metaKey) && event.key === 'c' && !window.getSelection().toString()))) {
    event.preventDefault();
    copy(selected);
  }
});

// ---- reply check: findings while the agent writes the draft ---------------------------------------
const draft = document.getElementById('draft');
const draftView = document.getElementById('draft-view');
const findingsList = document.getElementById('findings');
let checkTimer;
let latestCheck = 0;
const phrasingTexts = new Map();

async function phrasingText(id) {
  if (!phrasingTexts.has(id)) {
    const { ok, body } = await api(`/api/entries/${encodeURIComponent(id)}`);
    phrasingTexts.set(id, ok ? body.text : null);
  }
  return phrasingTexts.get(id);
}

function markDraft(text, findings) {
  // The draft with each finding's span marked, shown under the box.
  const spans = [...findings].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start), el('mark', { className: 'finding' }, text.slice(f.start, f.end)));
    at = f.end;
  }
  parts.push(text.slice(at));
  draftView.replaceChildren(...parts);
}

async function applyFinding(finding, replacement) {
  const text = draft.value;
  draft.value = text.slice(0, finding.start) + replacement + text.slice(finding.end);
  await checkDraft();
  draft.focus();
}

async function checkDraft() {
  const id = ++latestCheck;
  const text = draft.value;
  if (!text.trim()) {
    findingsList.replaceChildren();
    draftView.replaceChildren();
    return;
  }
  const { ok, body } = await api('/api/check', { method: 'POST', body: { text, buyerMessage: input.value || null } });
  if (id !== latestCheck || !ok) return;
  markDraft(text, body.findings);
  findingsList.replaceChildren(...body.findings.map((finding) => {
    const actions = [];
    if (finding.replacement !== null && finding.replacement !== undefined) {
      const label = finding.replacement === '' ? '删除' : finding.start === 0 && finding.end === text.length
        ? `加上「${finding.replacement}」` : `改为「${finding.replacement}」`;
      const replacement = finding.start === 0 && finding.end === text.length ? finding.replacement + text : finding.replacement;
      actions.push(el('button', { type: 'button', className: 'apply', onclick: () => applyFinding(finding, replacement) }, label));
    }
    if (finding.phrasingIds?.length) {
      actions.push(el('button', {
        type: 'button', className: 'use-phrasing',
        onclick: async () => {
          const phrasing = await phrasingText(finding.phrasingIds[0]);
          if (phrasing) applyFinding({ start: 0, end: draft.value.length }, fill(phrasing));
        },
      }, '换用推荐话术'));
    }
    return el('li', { className: 'finding-item', dataset: { rule: finding.rule } },
      el('strong', {}, finding.end > finding.start && finding.end - finding.start < text.length ? `「${finding.text}」` : '整条回复'),
      ` ${finding.message} `, ...actions);
  }));
  if (!body.findings.length) findingsList.replaceChildren(el('li', { className: 'finding-ok' }, '用语检查通过'));
}

draft.addEventListener('input', () => {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(checkDraft, 150);
});
input.addEventListener('input', () => { if (draft.value.trim()) { clearTimeout(checkTimer); checkTimer = setTimeout(checkDraft, 300); } });

// Scenarios come from the declared intents.
api('/api/intents').then(({ ok, body }) => {
  if (!ok) return;
  for (const name of [...new Set(body.map((intent) => intent.scenario))]) {
    scenario.append(el('option', { value: name }, name));
  }
});
