// The agent's search page: results as the agent types, one-key copy with placeholders filled; the agent's own
// phrasings beside the team's.
import { api, el, keepFormsOnPage, svg, TYPE_LABEL } from '/common.js';
import { DEFAULT_SHOP, mountShopSwitcher, refusal, savedToken, shopName, shopPath } from '/shop.js';
import { ownPhrasings } from '/mine.js';

const input = document.getElementById('q');
const list = document.getElementById('results');
const status = document.getElementById('status');
const scenario = document.getElementById('scenario');
const product = document.getElementById('product');
const nick = document.getElementById('nick');
const shop = document.getElementById('shop');
const GROUPS = [['faq', '标准答案'], ['phrasing', '推荐话术'], ['policy', '政策摘录'], ['product', '商品信息']];
/**
 * How long typing must pause before a search: a burst of keys or an IME commit becomes one search (and one
 * line in the usage log), and the agent still sees results within 100 ms of the last key (README, "Speed as the agent sees it").
 */
const PAUSE_MS = 40;
/** Recommended phrasings of the answer shown beside it, besides those the words matched. */
const MAX_RECOMMENDED = 4;
let latest = 0;
let timer;
let typedAt = null; // time of the keystroke the next search answers, for the keystroke-to-paint measure
let copyables = [];
let currentQueryId = null; // the usage log's id of the search on screen, for feedback
let selected = -1;
let cardCount = 0;
/** The phrasings on screen (matched or recommended), by id: the reply check offers them without a request. */
let shownPhrasings = new Map();

keepFormsOnPage();

// The agent's name and shop name are kept in this browser only; the shop name for each shop apart, so a copy for
// one shop never carries another's name.
const shopNameKey = () => (shopName() === DEFAULT_SHOP ? 'kb.shop' : `kb.shop.${shopName()}`);
nick.value = localStorage.getItem('kb.nick') ?? '';
nick.addEventListener('input', () => localStorage.setItem('kb.nick', nick.value.trim()));
shop.value = localStorage.getItem(shopNameKey()) ?? '';
shop.addEventListener('input', () => localStorage.setItem(shopNameKey(), shop.value.trim()));

/** The text an agent pastes: placeholders for the agent's name and shop filled in. */
function fill(text) {
  const values = { '客服昵称': nick.value.trim(), '店铺名': shop.value.trim() };
  return text.replace(/\{([^{}]+)\}/g, (whole, name) => values[name] || whole);
}

/** Text with the buyer's matched words (two characters or more; single characters would mark noise) in <mark>. */
function marked(text, terms) {
  const words = [...new Set(terms ?? [])].filter((t) => t.length >= 2).map((t) => t.toLowerCase());
  const lower = text.toLowerCase();
  const covered = new Array(text.length).fill(false);
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) covered.fill(true, at, at + word.length);
  }
  // Overlapping and adjacent words (发顺, 顺丰) become one mark.
  const parts = [];
  for (let start = 0, i = 1; i <= text.length; i++) {
    if (i === text.length || covered[i] !== covered[start]) {
      parts.push(covered[start] ? el('mark', {}, text.slice(start, i)) : text.slice(start, i));
      start = i;
    }
  }
  return parts;
}

/** Text to copy as shown: placeholders left for the agent to fill stand out, matched words are marked. */
function copyView(text, terms) {
  return fill(text).split(/(\{[^{}]+\})/).map((part, i) => (i % 2
    ? el('span', { className: 'placeholder', title: '发送前手动填写' }, part)
    : marked(part, terms)));
}

/** Plain text of a server snippet (HTML-escaped, <mark> only), without the ellipses of a cut. */
function snippetText(html) {
  const box = document.createElement('template');
  box.innerHTML = html;
  return box.content.textContent.replace(/^…|…$/g, '');
}

const THUMB = 'M7 10v10M7 10l4-7c1.4 0 2.4 1 2.2 2.4L12.7 9h5.6a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.1 20H4.5a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1z';

/** A thumb drawn inline (up, or flipped down): no icon font or emoji needed; the button around it has the name. */
function thumb(down) {
  return svg('svg', { viewBox: '0 0 24 24', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false', class: 'icon' },
    svg('path', down ? { d: THUMB, transform: 'matrix(1 0 0 -1 0 24)' } : { d: THUMB }));
}

function copyText(result) {
  if (result.type === 'faq') return result.answer;
  if (result.type === 'phrasing') return result.text;
  return null;
}

/** Tells the usage log what the agent did with a result; never holds up the page. */
function feedback(resultId, action) {
  if (!currentQueryId) return;
  const headers = { 'Content-Type': 'application/json' };
  if (mine.token()) headers.Authorization = `Bearer ${mine.token()}`;
  fetch(shopPath('/feedback'), {
    method: 'POST', keepalive: true, headers, body: JSON.stringify({ queryId: currentQueryId, resultId, action }),
  }).catch(() => {});
}

async function copy(index) {
  const item = copyables[index];
  if (!item) return;
  const text = fill(item.text);
  try {
    await navigator.clipboard.writeText(text);
    if (!item.own) feedback(item.id, 'copied'); // own phrasings are nobody else's business: never logged
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
  copyables.forEach((item, i) => {
    item.node.classList.toggle('selected', i === selected);
    if (i === selected) item.node.setAttribute('aria-current', 'true');
    else item.node.removeAttribute('aria-current');
  });
  copyables[selected].node.focus();
}

/** A matched question worth showing: not the title itself, not a piece of the answer shown anyway. */
function matchedQuestion(result) {
  const text = snippetText(result.snippet);
  return text !== result.title && !result.answer.includes(text);
}

function facts(result) {
  const rows = [...Object.entries(result.attributes ?? {}), ['尺码建议', result.sizeAdvice], ['洗护', result.care]]
    .filter(([, value]) => value);
  return el('dl', { className: 'facts' },
    rows.map(([name, value]) => el('div', {}, el('dt', {}, name), el('dd', {}, marked(value, result.matchedTerms)))));
}

function labelled(label, node) {
  node.prepend(label);
  return node;
}

function body(result) {
  const snippet = () => {
    const node = el('p', { className: 'snippet' });
    node.innerHTML = result.snippet; // the server escapes the text and adds only <mark>
    return node;
  };
  switch (result.type) {
    case 'faq':
      return [
        matchedQuestion(result) ? labelled('买家问法:', snippet()) : null,
        el('p', { className: 'copytext' }, copyView(result.answer, result.matchedTerms)),
        result.note ? el('p', { className: 'note' }, `提示:${result.note}`) : null,
      ];
    case 'phrasing':
      return [el('p', { className: 'copytext' }, copyView(result.text, result.matchedTerms))];
    case 'product':
      return [facts(result)];
    default:
      return [snippet()];
  }
}

/** The small tag for a result found by what the message means, with none of its words. */
function meaningTag(result) {
  const byMeaningOnly = Array.isArray(result.matchedBy) && result.matchedBy.length === 1 && result.matchedBy[0] === 'meaning';
  return byMeaningOnly
    ? el('span', { className: 'tag meaning', title: '按意思找到,与买家消息没有相同的词' }, '意思相近',
      el('span', { className: 'visually-hidden' }, '(按意思找到,没有相同的词)'))
    : null;
}

function resultNode(result) {
  const text = copyText(result);
  const titleId = `result-title-${++cardCount}`;
  const node = el('article', { className: `result ${result.type}`, tabIndex: -1, dataset: { id: result.id }, 'aria-labelledby': titleId },
    el('div', { className: 'head' },
      el('span', { className: 'badge' }, TYPE_LABEL[result.type] ?? result.type),
      el('strong', { className: 'title', id: titleId }, result.title),
      result.shortcut ? el('code', { className: 'shortcut', title: '快捷编码' }, result.shortcut) : null,
      result.recommended ? el('span', { className: 'tag', title: '标准答案的推荐话术' }, '推荐') : null,
      result.own ? el('span', { className: 'tag own', title: '你自己的话术,只有你看得到' }, '我的') : null,
      meaningTag(result)),
    body(result));
  // Own phrasings are not rated: their use is never logged.
  const actions = el('div', { className: 'actions' }, result.own ? el('div', { className: 'rate' }) : el('div', { className: 'rate' },
    el('button', { type: 'button', className: 'helpful', title: '有帮助', 'aria-label': '有帮助', onclick: (e) => rate(e, result.id, 'helpful') }, thumb(false)),
    el('button', { type: 'button', className: 'not-helpful', title: '没帮助', 'aria-label': '没帮助', onclick: (e) => rate(e, result.id, 'not-helpful') }, thumb(true))));
  if (text) {
    const index = copyables.length;
    const key = index < 9 ? `Alt+${index + 1}` : null; // Alt+1…9 copy the first nine
    const button = el('button', { type: 'button', className: 'copy', onclick: () => copy(index), 'aria-keyshortcuts': key }, '复制');
    if (key) actions.append(el('span', { className: 'number', title: key }, String(index + 1)));
    actions.append(button);
    node.classList.add('copyable');
    copyables.push({ node, button, text, id: result.id, own: !!result.own });
  }
  node.append(actions);
  return node;
}

function rate(event, resultId, action) {
  feedback(resultId, action);
  event.currentTarget.parentElement.replaceChildren(el('span', { className: 'rated', role: 'status' }, action === 'helpful' ? '已标记有帮助' : '已标记没帮助'));
}

/** The answer's recommended phrasings not already among the results, as results (they came with the search). */
function recommendedPhrasings(response) {
  const shown = new Set(response.results.map((r) => r.id));
  return (response.recommended ?? []).filter((p) => !shown.has(p.id)).slice(0, MAX_RECOMMENDED).map((p) => ({
    ...p, type: 'phrasing', recommended: true, matchedTerms: [],
  }));
}

function group(label, results) {
  const headingId = `group-${++cardCount}`;
  return el('section', { className: 'group', 'aria-labelledby': headingId },
    el('h2', { id: headingId }, label), el('div', { className: 'cards' }, results.map(resultNode)));
}

function render(response, shortcut) {
  currentQueryId = response.queryId ?? null;
  list.replaceChildren();
  copyables = [];
  selected = -1;
  const results = shortcut ? response.results : withRecommended(response);
  const own = (response.own ?? []).map((p) => ({ ...p, type: 'phrasing' }));
  shownPhrasings = new Map(results.filter((r) => r.type === 'phrasing').map((r) => [r.id, r]));
  status.classList.toggle('unsure', results.length > 0 && !response.confident);
  if (!results.length && !own.length) {
    status.textContent = '没有找到相关答案';
    return;
  }
  status.textContent = response.confident || !results.length
    ? `${response.total} 条相关${own.length ? `,${own.length} 条我的话术` : ''} · ${response.tookMs} ms`
    : '没有把握的答案:以下结果仅供参考,请确认后再发送';
  if (shortcut) {
    // A short code asks for one phrasing: keep the server's order, the code's phrasing first (the agent's own first).
    list.append(group('快捷短语', [...own, ...results]));
    return;
  }
  // The agent's own phrasings first (at most three, only ones that cover the message well: what the agent wrote for
  // such messages, so Alt+1 reaches them); then groups in the order of their best-ranked result: a product's name
  // brings its facts first, a question its answer.
  if (own.length) list.append(group('我的话术', own));
  const rank = (type) => { const at = response.results.findIndex((r) => r.type === type); return at < 0 ? Infinity : at; };
  for (const [type, label] of [...GROUPS].sort((a, b) => rank(a[0]) - rank(b[0]))) {
    const items = results.filter((r) => r.type === type);
    if (items.length) list.append(group(label, items));
  }
}

/** The results with the answer's recommended phrasings first among the phrasings. */
function withRecommended(response) {
  const recommended = recommendedPhrasings(response);
  const results = [...response.results];
  const firstPhrasing = results.findIndex((r) => r.type === 'phrasing');
  results.splice(firstPhrasing < 0 ? results.length : firstPhrasing, 0, ...recommended);
  return results;
}

/**
 * Marks, once the results are on screen (after the next frame is painted), how long the agent waited: from the
 * keystroke before the pause, and from the pause itself. The browser tests read these measures.
 */
function measurePaint(query, keystroke, pause) {
  requestAnimationFrame(() => setTimeout(() => {
    performance.clearMarks('kb:painted');
    performance.mark('kb:painted');
    for (const [name, start] of [['kb:keystroke', keystroke], ['kb:pause', pause]]) {
      if (start === null) continue;
      performance.clearMarks(name);
      performance.clearMeasures(`${name}-to-paint`); // only the latest is kept: the page runs all day
      performance.mark(name, { startTime: start });
      performance.measure(`${name}-to-paint`, { start: name, end: 'kb:painted', detail: { query } });
    }
  }, 0));
}

function selectedTypes() {
  return [...document.querySelectorAll('input[name=type]:checked')].map((box) => box.value);
}

async function search() {
  const id = ++latest;
  const pause = performance.now();
  const keystroke = typedAt;
  typedAt = null;
  const text = input.value;
  if (!text.trim()) {
    list.replaceChildren();
    copyables = [];
    shownPhrasings = new Map();
    status.textContent = '';
    status.classList.remove('unsure');
    return;
  }
  const params = new URLSearchParams({ q: text, limit: '12' });
  const types = selectedTypes();
  if (types.length && types.length < 4) params.set('type', types.join(','));
  if (scenario.value) params.set('scenario', scenario.value);
  if (product.value.trim()) params.set('product', product.value.trim());
  try {
    const reply = await api(shopPath(`/search?${params}`), { token: mine.token() });
    if (id !== latest) return; // a newer search is under way: this answer is stale
    if (!reply.ok) {
      list.replaceChildren();
      copyables = [];
      status.classList.add('unsure');
      status.textContent = refusal(reply, mine.token());
      return;
    }
    const { body } = reply;
    render(body, text.trim().startsWith('/'));
    measurePaint(text, keystroke, pause);
  } catch {
    if (id === latest) status.textContent = '搜索失败,请检查服务是否在运行';
  }
}

input.addEventListener('input', (event) => {
  typedAt = event.timeStamp;
  clearTimeout(timer);
  timer = setTimeout(search, PAUSE_MS);
});
for (const control of [scenario, product, ...document.querySelectorAll('input[name=type]')]) {
  control.addEventListener('change', search);
}
[nick, shop].forEach((field) => field.addEventListener('change', search));

document.addEventListener('keydown', (event) => {
  // The draft and the own-phrasing panel have keys of their own (Esc there must not clear the search).
  if (event.target === draft || mineBox.contains(event.target)) return;
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
const fetchedPhrasings = new Map();

/** A rule's phrasing: the one on screen if the search brought it, else fetched once when the agent asks for it. */
async function phrasingText(ids) {
  const onScreen = ids.find((id) => shownPhrasings.has(id));
  if (onScreen) return shownPhrasings.get(onScreen).text;
  if (!fetchedPhrasings.has(ids[0])) {
    const { ok, body } = await api(shopPath(`/entries/${encodeURIComponent(ids[0])}`), { token: mine.token() });
    fetchedPhrasings.set(ids[0], ok ? body.text : null);
  }
  return fetchedPhrasings.get(ids[0]);
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

function findingActions(finding, text) {
  const actions = [];
  const whole = finding.start === 0 && finding.end === text.length;
  if (finding.replacement !== null && finding.replacement !== undefined) {
    const label = finding.replacement === '' ? '删除' : whole ? `加上「${finding.replacement}」` : `改为「${finding.replacement}」`;
    const replacement = whole ? finding.replacement + text : finding.replacement;
    actions.push(el('button', { type: 'button', className: 'apply', onclick: () => applyFinding(finding, replacement) }, label));
  }
  if (finding.phrasingIds?.length) {
    const onScreen = shownPhrasings.get(finding.phrasingIds.find((id) => shownPhrasings.has(id)));
    actions.push(el('button', {
      type: 'button', className: 'use-phrasing',
      onclick: async () => {
        const phrasing = await phrasingText(finding.phrasingIds);
        if (phrasing) applyFinding({ start: 0, end: draft.value.length }, fill(phrasing));
      },
    }, onScreen ? `换用「${onScreen.title}」` : '换用推荐话术'));
  }
  return actions;
}

async function checkDraft() {
  const id = ++latestCheck;
  const text = draft.value;
  if (!text.trim()) {
    findingsList.replaceChildren();
    draftView.replaceChildren();
    return;
  }
  const { ok, body } = await api(shopPath('/check'), { method: 'POST', body: { text, buyerMessage: input.value || null }, token: mine.token() });
  if (id !== latestCheck || !ok) return;
  markDraft(text, body.findings);
  findingsList.replaceChildren(...body.findings.map((finding) => el('li', { className: 'finding-item', dataset: { rule: finding.rule } },
    el('strong', {}, finding.end > finding.start && finding.end - finding.start < text.length ? `「${finding.text}」` : '整条回复'),
    ` ${finding.message} `, findingActions(finding, text))));
  if (!body.findings.length) findingsList.replaceChildren(el('li', { className: 'finding-ok' }, '用语检查通过'));
}

draft.addEventListener('input', () => {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(checkDraft, 150);
});
input.addEventListener('input', () => { if (draft.value.trim()) { clearTimeout(checkTimer); checkTimer = setTimeout(checkDraft, 300); } });

/** The shop's scenarios, from its declared intents. */
async function loadScenarios() {
  const { ok, body } = await api(shopPath('/intents'), { token: mine.token() });
  scenario.replaceChildren(el('option', { value: '' }, '全部'));
  if (!ok) return;
  for (const name of [...new Set(body.map((intent) => intent.scenario))]) {
    scenario.append(el('option', { value: name }, name));
  }
}

// ---- the agent's own phrasings, and the shop ------------------------------------------------------
const mineBox = document.getElementById('mine');
const mine = ownPhrasings({
  token: savedToken(),
  onSaved: search,
  onToken: () => { refreshShops(); loadScenarios(); search(); },
});
const refreshShops = mountShopSwitcher({
  tokenOf: mine.token,
  onSwitch: () => {
    shop.value = localStorage.getItem(shopNameKey()) ?? '';
    fetchedPhrasings.clear();
    loadScenarios();
    mine.load();
    search();
  },
});
mine.start().then(() => { refreshShops(); loadScenarios(); });
