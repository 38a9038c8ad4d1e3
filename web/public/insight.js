// The editors' insight page: what agents search, what the knowledge base does not answer, what gets copied.
import { api, el, keepFormsOnPage, svg } from '/common.js';
import { identify, mountShopSwitcher, refusal, savedToken, shopName, shopPath } from '/shop.js';

const $ = (id) => document.getElementById(id);
keepFormsOnPage();
let token = savedToken();
let intents = [];

/** A table in a box that scrolls (sideways on a narrow screen, down when long); focusable, so keys scroll it. */
function table(label, headers, rows) {
  if (!rows.length) return el('p', { className: 'hint' }, '暂无数据');
  return el('div', { className: 'table-scroll', tabIndex: 0, role: 'region', 'aria-label': label },
    el('table', { className: 'report' },
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c)))))));
}

function gapActions(gap) {
  const select = el('select', { 'aria-label': `「${gap.example}」归入的意图` },
    intents.map((i) => el('option', { value: i.id, selected: i.id === gap.suggestedIntent }, `${i.id} · ${i.question}`)));
  const result = el('span', { className: 'hint', role: 'status' });
  const add = el('button', {
    type: 'button',
    onclick: async () => {
      add.disabled = true;
      const { ok, body } = await api(shopPath('/insight/add-similar'), { method: 'POST', token, body: { query: gap.example, intent: select.value } });
      result.textContent = ok ? `已加入 ${body.id}` : (body?.message ?? '失败');
      add.disabled = ok;
    },
  }, '加为相似问法');
  const newEntry = () => `/editor.html?${new URLSearchParams({ new: 'faq', question: gap.example, intent: select.value, shop: shopName() })}`;
  const create = el('a', { href: newEntry() }, '新建条目');
  select.addEventListener('change', () => { create.href = newEntry(); });
  return el('span', { className: 'row' }, select, add, create, result);
}

/** Rows shown in a chart; the tables below the charts hold every row. */
const CHART_ROWS = 10;
/** How the tables and charts name searches whose top result belonged to no intent. */
const NO_INTENT = '(没有结果)';
const percent = (share) => `${Math.round(share * 100)}%`;

/** The selected period's days, oldest first, ending today (or the latest logged day, if the server is ahead). */
function dayRange(days, logged) {
  const today = new Date().toLocaleDateString('sv-SE'); // yyyy-mm-dd in the browser's zone
  const last = [today, ...logged].sort().at(-1);
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

function chartRow(label, detail, graphic, value) {
  return el('div', { className: 'chart-row' },
    el('span', { className: 'chart-label' }, label, detail ? el('small', {}, detail) : null), graphic, el('span', { className: 'chart-value' }, value));
}

/** Searches per day of the busiest intents: a row of bars per intent, all on one scale. */
function volumeChart(volume, days) {
  if (!volume.length) return el('p', { className: 'hint' }, '暂无数据');
  const range = dayRange(days, volume.map((v) => v.day));
  const perIntent = new Map();
  for (const { intent, day, searches } of volume) {
    const name = intent ?? NO_INTENT;
    if (!perIntent.has(name)) perIntent.set(name, new Map());
    perIntent.get(name).set(day, searches);
  }
  const totals = [...perIntent].map(([intent, byDay]) => [intent, byDay, [...byDay.values()].reduce((a, b) => a + b, 0)])
    .sort((a, b) => b[2] - a[2]);
  const shown = totals.slice(0, CHART_ROWS);
  const max = Math.max(...shown.flatMap(([, byDay]) => [...byDay.values()]));
  const questions = new Map(intents.map((i) => [i.id, i.question]));
  const width = range.length * 10;
  return el('div', { className: 'chart' }, shown.map(([intent, byDay, total]) => {
    const busiest = [...byDay].sort((a, b) => b[1] - a[1])[0];
    const bars = svg('svg', {
      viewBox: `0 0 ${width} 30`, preserveAspectRatio: 'none', class: 'spark', role: 'img',
      'aria-label': `${intent}:${range[0]} 至 ${range.at(-1)} 共 ${total} 次,最多一天 ${busiest[1]} 次(${busiest[0]})`,
    }, svg('rect', { class: 'track', x: 0, y: 29, width, height: 1 }),
    range.map((day, i) => {
      const count = byDay.get(day) ?? 0;
      const height = count ? Math.max(2, (28 * count) / max) : 0;
      return svg('rect', { class: 'bar', x: i * 10 + 1, y: 29 - height, width: 8, height }, svg('title', {}, `${day}:${count} 次`));
    }));
    return chartRow(questions.get(intent) ?? intent, questions.has(intent) ? intent : null, bars, `${total} 次`);
  }),
  el('div', { className: 'chart-row chart-axis', 'aria-hidden': 'true' }, el('span'), el('span', {}, el('span', {}, range[0]), el('span', {}, range.at(-1))), el('span')),
  totals.length > shown.length ? el('p', { className: 'hint' }, `另有 ${totals.length - shown.length} 个意图,见表格`) : null);
}

/** Copy rate of the most shown phrasings: a bar per phrasing, with the counts behind it. */
function copyRateChart(rates) {
  if (!rates.length) return el('p', { className: 'hint' }, '暂无数据');
  const shown = [...rates].sort((a, b) => b.shown - a.shown || b.copyRate - a.copyRate).slice(0, CHART_ROWS);
  return el('div', { className: 'chart' }, shown.map((p) => chartRow(p.title, p.id,
    svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'rate-bar', 'aria-hidden': 'true' },
      svg('rect', { class: 'track', x: 0, y: 0, width: 100, height: 10 }),
      svg('rect', { class: 'bar', x: 0, y: 0, width: 100 * p.copyRate, height: 10 })),
    `${percent(p.copyRate)} · 复制 ${p.copied}/展示 ${p.shown}`)));
}

async function load() {
  const days = $('days').value;
  const reply = await api(shopPath(`/insight?days=${days}`), { token });
  if (!reply.ok) {
    $('summary').textContent = reply.status === 401 && !token ? '需要编辑令牌' : refusal(reply, token);
    for (const id of ['gaps', 'top', 'rates-chart', 'rates', 'unused', 'volume-chart', 'volume']) $(id).replaceChildren();
    return;
  }
  const { body } = reply;
  const share = body.searches ? Math.round((100 * body.confidentSearches) / body.searches) : 0;
  $('summary').textContent = `${body.searches} 次搜索,${share}% 有把握`;
  $('gaps').replaceChildren(table('知识库缺口', ['问法', '次数', '其他说法', '操作'],
    body.gaps.map((g) => [g.example, String(g.count), g.variants.filter((v) => v !== g.example).join(' / '), gapActions(g)])));
  $('top').replaceChildren(table('常问问题', ['问法', '次数', '有把握'],
    body.topQueries.map((q) => [q.example, String(q.count), percent(q.confidentShare)])));
  $('rates-chart').replaceChildren(copyRateChart(body.phrasingCopyRates));
  $('rates').replaceChildren(table('话术复制率', ['话术', '展示', '复制', '复制率'],
    body.phrasingCopyRates.map((p) => [`${p.title}(${p.id})`, String(p.shown), String(p.copied), percent(p.copyRate)])));
  $('unused').replaceChildren(table('从未被复制的答案和话术', ['条目', '类型', '展示次数'],
    body.neverCopied.map((u) => [`${u.title}(${u.id})`, u.type, String(u.shown)])));
  $('volume-chart').replaceChildren(volumeChart(body.intentVolume, Number(days)));
  $('volume').replaceChildren(table('各意图每日搜索量', ['日期', '意图', '搜索'], body.intentVolume.map((v) => [v.day, v.intent ?? NO_INTENT, String(v.searches)])));
}

async function downloadCsv(event) {
  event.preventDefault();
  const name = event.currentTarget.dataset.table;
  const response = await fetch(shopPath(`/insight/${name}.csv?days=${$('days').value}`), { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) return;
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: `insight-${name}.csv` });
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The shop's intents (the gaps' choices), then its report. */
async function loadShop() {
  const { ok, body } = await api(shopPath('/intents'), { token });
  intents = ok ? body : [];
  if (token) await load();
}

const refreshShops = mountShopSwitcher({ tokenOf: () => token, onSwitch: loadShop });
$('token-form').addEventListener('submit', async () => {
  token = $('token').value.trim();
  await identify(token);
  refreshShops();
  loadShop();
});
$('days').addEventListener('change', load);
document.querySelectorAll('a.csv').forEach((a) => a.addEventListener('click', downloadCsv));
$('token').value = token;
identify(token).then(() => { refreshShops(); loadShop(); });
