// The editors' insight page: what agents search, what the knowledge base does not answer, what gets copied.
import { api, el, keepFormsOnPage } from '/common.js';

const $ = (id) => document.getElementById(id);
keepFormsOnPage();
let token = sessionStorage.getItem('kb.token') || '';
let intents = [];

function table(headers, rows) {
  if (!rows.length) return el('p', { className: 'hint' }, '暂无数据');
  return el('table', { className: 'report' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
}

function gapActions(gap) {
  const select = el('select', { 'aria-label': `「${gap.example}」归入的意图` },
    intents.map((i) => el('option', { value: i.id, selected: i.id === gap.suggestedIntent }, `${i.id} · ${i.question}`)));
  const result = el('span', { className: 'hint', role: 'status' });
  const add = el('button', {
    type: 'button',
    onclick: async () => {
      add.disabled = true;
      const { ok, body } = await api('/api/insight/add-similar', { method: 'POST', token, body: { query: gap.example, intent: select.value } });
      result.textContent = ok ? `已加入 ${body.id}` : (body?.message ?? '失败');
      add.disabled = ok;
    },
  }, '加为相似问法');
  const params = new URLSearchParams({ new: 'faq', question: gap.example, intent: select.value });
  const create = el('a', { href: `/editor.html?${params}` }, '新建条目');
  select.addEventListener('change', () => { create.href = `/editor.html?${new URLSearchParams({ new: 'faq', question: gap.example, intent: select.value })}`; });
  return el('span', { className: 'row' }, select, add, create, result);
}

async function load() {
  const days = $('days').value;
  const { ok, status, body } = await api(`/api/insight?days=${days}`, { token });
  if (!ok) {
    $('summary').textContent = status === 401 || status === 403 ? '需要编辑令牌' : (body?.message ?? '加载失败');
    return;
  }
  sessionStorage.setItem('kb.token', token);
  const share = body.searches ? Math.round((100 * body.confidentSearches) / body.searches) : 0;
  $('summary').textContent = `${body.searches} 次搜索,${share}% 有把握`;
  $('gaps').replaceChildren(table(['问法', '次数', '其他说法', '操作'],
    body.gaps.map((g) => [g.example, String(g.count), g.variants.filter((v) => v !== g.example).join(' / '), gapActions(g)])));
  $('top').replaceChildren(table(['问法', '次数', '有把握'],
    body.topQueries.map((q) => [q.example, String(q.count), `${Math.round(q.confidentShare * 100)}%`])));
  $('rates').replaceChildren(table(['话术', '展示', '复制', '复制率'],
    body.phrasingCopyRates.map((p) => [`${p.title}(${p.id})`, String(p.shown), String(p.copied), `${Math.round(p.copyRate * 100)}%`])));
  $('unused').replaceChildren(table(['条目', '类型', '展示次数'],
    body.neverCopied.map((u) => [`${u.title}(${u.id})`, u.type, String(u.shown)])));
  $('volume').replaceChildren(table(['日期', '意图', '搜索'], body.intentVolume.map((v) => [v.day, v.intent, String(v.searches)])));
}

async function downloadCsv(event) {
  event.preventDefault();
  const name = event.currentTarget.dataset.table;
  const response = await fetch(`/api/insight/${name}.csv?days=${$('days').value}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) return;
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: `insight-${name}.csv` });
  link.click();
  URL.revokeObjectURL(link.href);
}

$('token-form').addEventListener('submit', () => { token = $('token').value.trim(); load(); });
$('days').addEventListener('change', load);
document.querySelectorAll('a.csv').forEach((a) => a.addEventListener('click', downloadCsv));
$('token').value = token;
api('/api/intents').then(({ ok, body }) => { if (ok) intents = body; if (token) load(); });
