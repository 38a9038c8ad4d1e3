// The editors' page: list, edit with validation next to the fields, conflicts explained, history, import, and the
// phrasings agents suggest to the team.
import { api, el, keepFormsOnPage } from '/common.js';
import { callerHasRole, callerMayUseShop, identify, mountShopSwitcher, ROLE_LABEL, refusal, savedToken, shopPath } from '/shop.js';

const $ = (id) => document.getElementById(id);
keepFormsOnPage();
const LABELS = {
  id: '编号 (id)', intent: '意图', scenario: '场景', question: '标准问题', similar: '相似问法(每行一个)',
  answer: '答案(发给买家)', note: '客服提示(不发给买家)', tags: '标签(逗号分隔)', products: '商品编码(逗号分隔)', negatives: '反例(每行一个)',
  title: '标题', text: '话术内容(可用 {客服昵称} {店铺名})', whenToUse: '使用场合', replaces: '替代的错误说法(每行一个)',
  shortcut: '快捷编码(如 /wl)', sections: '章节(以「## 标题 @意图」开头,下接正文)', code: '商品编码', name: '商品名',
  price: '价格', attributes: '属性(每行「名称: 值」)', sizeAdvice: '尺码建议', care: '洗护说明',
};
const FIELDS = {
  faq: [['id', 'text'], ['intent', 'intent'], ['scenario', 'text'], ['question', 'text'], ['similar', 'lines'], ['answer', 'area'], ['note', 'area'], ['tags', 'csv'], ['products', 'csv'], ['negatives', 'lines']],
  phrasing: [['id', 'text'], ['intent', 'intent'], ['scenario', 'text'], ['title', 'text'], ['text', 'area'], ['whenToUse', 'text'], ['replaces', 'lines'], ['shortcut', 'text'], ['tags', 'csv']],
  policy: [['id', 'text'], ['title', 'text'], ['scenario', 'text'], ['sections', 'sections'], ['tags', 'csv']],
  product: [['id', 'text'], ['code', 'text'], ['name', 'text'], ['scenario', 'text'], ['price', 'text'], ['attributes', 'kv'], ['sizeAdvice', 'area'], ['care', 'area'], ['tags', 'csv']],
};
const state = { token: savedToken(), editor: false, intents: [], current: null, etag: null, type: null, isNew: false };

// ---- token and role -------------------------------------------------------------------------------
async function useToken(token) {
  state.token = token.trim();
  const who = await identify(state.token);
  if (who?.invalid) {
    state.token = '';
    $('who').textContent = '令牌无效,当前为只读';
  } else if (who) {
    $('who').textContent = callerMayUseShop()
      ? `${who.name}(${callerHasRole('EDITOR') ? '编辑' : `${ROLE_LABEL[who.role] ?? who.role},只读`})`
      : `${who.name}:不能使用这家店`;
  } else {
    $('who').textContent = '只读浏览';
  }
  showRights();
}

/** Edit controls for an editor of this shop only; the suggestions of its agents too. */
function showRights() {
  state.editor = callerHasRole('EDITOR') && callerMayUseShop();
  document.querySelectorAll('.edit-only').forEach((node) => { node.hidden = !state.editor; });
  $('form-actions').hidden = !state.editor || !state.type;
  $('suggestions-panel').hidden = !state.editor;
  renderForm();
}

/** A token given: what it may do here, the shops it may use, and the list as it sees it. */
async function tokenGiven() {
  await useToken($('token').value);
  refreshShops();
  loadList();
  await loadIntents();
  loadSuggestions();
}

// ---- list -----------------------------------------------------------------------------------------
let latestList = 0;

async function loadList() {
  const request = ++latestList;
  const params = new URLSearchParams();
  for (const [key, id] of [['type', 'f-type'], ['intent', 'f-intent'], ['scenario', 'f-scenario'], ['q', 'f-text']]) {
    if ($(id).value.trim()) params.set(key, $(id).value.trim());
  }
  const reply = await api(shopPath(`/entries?${params}`), { token: state.token });
  if (request !== latestList) return; // typing on: a later list is on its way, this one may come after it
  const list = $('entries');
  list.replaceChildren();
  // A refusal is said where the list would be: a token of another shop never looks like an empty shop.
  $('count').classList.toggle('refused', !reply.ok);
  if (!reply.ok) { $('count').textContent = refusal(reply, state.token); return; }
  const { body } = reply;
  $('count').textContent = `${body.length} 条`;
  for (const entry of body) {
    list.append(el('li', {}, el('button', {
      type: 'button', dataset: { id: entry.id }, 'aria-current': String(state.current?.id === entry.id),
      onclick: () => open(entry.id),
    }, entry.title, el('small', {}, `${entry.id} · ${entry.scenario ?? ''}`))));
  }
}

// ---- form -----------------------------------------------------------------------------------------
function toField(kind, value) {
  if (value === undefined || value === null) return '';
  if (kind === 'lines') return value.join('\n');
  if (kind === 'csv') return value.join(', ');
  if (kind === 'kv') return Object.entries(value).map(([k, v]) => `${k}: ${v}`).join('\n');
  if (kind === 'sections') return value.map((s) => `## ${s.heading}${s.intent ? ` @${s.intent}` : ''}\n${s.text}`).join('\n\n');
  return String(value);
}

function fromField(kind, text) {
  if (kind === 'lines') return text.split('\n').map((s) => s.trim()).filter(Boolean);
  if (kind === 'csv') return text.split(/[,,、]/).map((s) => s.trim()).filter(Boolean);
  if (kind === 'kv') {
    return Object.fromEntries(text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const at = line.search(/[::]/);
      return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }));
  }
  if (kind === 'sections') {
    const sections = [];
    for (const line of text.split('\n')) {
      const head = line.match(/^##\s*(.*?)(?:\s+@(\S+))?\s*$/);
      if (head) sections.push({ heading: head[1], text: '', intent: head[2] || null });
      else if (sections.length) sections.at(-1).text += (sections.at(-1).text ? '\n' : '') + line;
    }
    return sections.map((s) => ({ ...s, text: s.text.trim() }));
  }
  return text.trim() === '' ? null : text.trim();
}

function renderForm() {
  const form = $('form');
  form.replaceChildren();
  if (!state.type) return;
  const entry = state.current ?? {};
  for (const [name, kind] of FIELDS[state.type]) {
    const id = `field-${name}`;
    let input;
    if (kind === 'intent') {
      input = el('select', { id, name }, el('option', { value: '' }, '(无)'),
        state.intents.map((intent) => el('option', { value: intent.id, selected: intent.id === entry[name] }, `${intent.id} · ${intent.question}`)));
    } else if (kind === 'text') {
      input = el('input', { id, name, value: toField(kind, entry[name]), autocomplete: 'off' });
    } else {
      input = el('textarea', { id, name, rows: kind === 'sections' ? 10 : 4, value: toField(kind, entry[name]) });
    }
    input.readOnly = !state.editor || (name === 'id' && !state.isNew);
    if (input.tagName === 'SELECT') input.disabled = !state.editor;
    input.setAttribute('aria-describedby', `${id}-error ${id}-warning`);
    form.append(el('label', { for: id }, LABELS[name] ?? name), input, el('p', { className: 'field-error', id: `${id}-error` }),
      el('div', { className: 'field-warning', id: `${id}-warning` }));
  }
}

function readForm() {
  const entry = { type: state.type };
  for (const [name, kind] of FIELDS[state.type]) {
    const value = fromField(kind === 'intent' ? 'text' : kind, $(`field-${name}`).value);
    if (value !== null && !(Array.isArray(value) && !value.length)) entry[name] = value;
  }
  return entry;
}

function notice(kind, text) {
  $('message').replaceChildren(text ? el('p', { className: `notice ${kind}` }, text) : '');
}

/** The form field a problem or warning names: "similar[2]" and "sections[0].text" belong to similar and sections. */
const fieldOf = (path) => path.split(/[.[]/)[0];

function showProblems(problems) {
  document.querySelectorAll('.field-error').forEach((node) => { node.textContent = ''; });
  for (const problem of problems ?? []) {
    const target = document.getElementById(`field-${fieldOf(problem.field)}-error`);
    if (target) target.textContent += `${problem.problem} `;
  }
}

/**
 * What the server noticed about a saved entry (e.g. a similar question that means the same as another FAQ's):
 * shown beside the field like a problem, but the save went through. Each may name an entry to open.
 */
function showWarnings(warnings) {
  document.querySelectorAll('.field-warning').forEach((node) => node.replaceChildren());
  const unplaced = [];
  for (const warning of warnings ?? []) {
    const line = warning.field?.match(/\[(\d+)\]/); // similar[2]: the third line of the field
    const item = el('p', {}, `提醒${line ? `(第 ${Number(line[1]) + 1} 行)` : ''}:${warning.problem} `,
      warning.entryId ? el('button', { type: 'button', className: 'link', onclick: () => open(warning.entryId) }, `打开 ${warning.entryId}`) : null);
    const target = document.getElementById(`field-${fieldOf(warning.field ?? '')}-warning`);
    if (target) target.append(item);
    else unplaced.push(item);
  }
  if (unplaced.length) $('message').append(el('div', { className: 'notice warn' }, unplaced));
}

async function open(id) {
  const { ok, body, etag } = await api(shopPath(`/entries/${encodeURIComponent(id)}`), { token: state.token });
  if (!ok) { notice('error', body?.message ?? '无法打开'); return; }
  state.current = body;
  state.etag = etag;
  state.type = body.type;
  state.isNew = false;
  $('form-title').textContent = `${body.id}`;
  $('conflict').replaceChildren();
  notice('', '');
  $('form-actions').hidden = !state.editor;
  $('delete').hidden = false;
  renderForm();
  loadHistory();
  document.querySelectorAll('#entries button').forEach((b) => b.setAttribute('aria-current', String(b.dataset.id === id)));
}

function startNew() {
  state.type = $('new-type').value;
  state.current = null;
  state.etag = null;
  state.isNew = true;
  $('form-title').textContent = '新建条目';
  $('conflict').replaceChildren();
  $('history').replaceChildren();
  notice('', '');
  $('form-actions').hidden = false;
  $('delete').hidden = true;
  renderForm();
  $('field-id').focus();
}

async function save(overrideEtag) {
  const entry = readForm();
  const reply = state.isNew
    ? await api(shopPath('/entries'), { method: 'POST', body: entry, token: state.token })
    : await api(shopPath(`/entries/${encodeURIComponent(state.current.id)}`),
      { method: 'PUT', body: entry, token: state.token, ifMatch: overrideEtag ?? state.etag });
  showProblems(reply.body?.problems);
  if (reply.ok) {
    const { warnings, ...saved } = reply.body;
    state.current = saved;
    state.etag = reply.etag;
    state.isNew = false;
    $('form-title').textContent = saved.id;
    $('conflict').replaceChildren();
    $('delete').hidden = false;
    notice('ok', warnings?.length ? `已保存,搜索已生效;有 ${warnings.length} 条提醒,见字段旁` : '已保存,搜索已生效');
    renderForm();
    showWarnings(warnings);
    loadList();
    loadHistory();
  } else if (reply.status === 412) {
    showConflict(entry, reply.body);
  } else {
    notice('error', reply.body?.message ?? `保存失败 (${reply.status})`);
  }
}

/** An editor's reading of a server time (ISO 8601): local date and time. */
const when = (iso) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
const ACTIONS = { create: '新建', update: '修改', delete: '删除', restore: '恢复', import: '导入' };

/** The fields two versions of an entry disagree on, as the form shows them (an empty list is no list): label, mine, theirs. */
function differences(mine, current) {
  return FIELDS[state.type]
    .map(([name, kind]) => [LABELS[name] ?? name, toField(kind, mine[name]), toField(kind, current[name])])
    .filter(([, a, b]) => a !== b);
}

async function showConflict(mine, error) {
  const current = await api(shopPath(`/entries/${encodeURIComponent(state.current.id)}`), { token: state.token });
  const who = error.conflict?.changedBy ?? '其他人';
  const at = error.conflict?.changedAt ? ` 于 ${when(error.conflict.changedAt)}` : '';
  notice('warn', `保存冲突:此条目在你打开后已被 ${who}${at} 修改。请对比两个版本后选择。`);
  const rows = current.ok ? differences(mine, current.body) : [];
  // Each full version scrolls on its own; focusable so the keyboard can scroll it too.
  const version = (id, title, entry) => el('div', {}, el('h3', { id }, title),
    el('pre', { tabIndex: 0, role: 'region', 'aria-labelledby': id }, JSON.stringify(entry, null, 2)));
  $('conflict').replaceChildren(
    el('table', { className: 'report changes' },
      el('caption', {}, !current.ok ? `当前版本无法读取:${current.body?.message ?? current.status}` : rows.length ? '两个版本不同的字段' : '两个版本内容相同'),
      el('thead', {}, el('tr', {}, ['字段', '你的版本', '当前版本'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map(([label, a, b]) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, a), el('td', {}, b))))),
    el('details', {}, el('summary', {}, '两个版本的完整内容'),
      el('div', { className: 'conflict' }, version('conflict-mine', '你的版本', mine), version('conflict-current', '当前版本', current.body))),
    el('div', { className: 'row' },
      el('button', { type: 'button', onclick: () => open(state.current.id) }, '放弃我的修改,载入当前版本'),
      el('button', { type: 'button', className: 'danger', onclick: () => save(current.etag) }, '用我的版本覆盖')));
}

async function remove() {
  if (!state.current || !confirm(`确定删除「${state.current.id}」吗?删除后可在修改历史中恢复。`)) return;
  const reply = await api(shopPath(`/entries/${encodeURIComponent(state.current.id)}`), { method: 'DELETE', token: state.token, ifMatch: state.etag });
  if (reply.status === 204) {
    notice('ok', `已删除 ${state.current.id}`);
    state.isNew = false;
    loadHistory();
    state.current = { ...state.current, deleted: true };
    $('form-actions').hidden = true;
    loadList();
  } else if (reply.status === 412) {
    showConflict(readForm(), reply.body);
  } else {
    notice('error', reply.body?.message ?? '删除失败');
  }
}

async function loadHistory() {
  const list = $('history');
  list.replaceChildren();
  if (!state.current) return;
  const { ok, body } = await api(shopPath(`/entries/${encodeURIComponent(state.current.id)}/history`), { token: state.token });
  if (!ok) return;
  for (const record of [...body].reverse()) {
    list.append(el('li', {}, `v${record.version} · ${when(record.at)} · ${record.by} · ${ACTIONS[record.action] ?? record.action} `,
      state.editor && record.content
        ? el('button', { type: 'button', onclick: () => restore(record.version) }, `恢复 v${record.version}`) : null));
  }
}

async function restore(version) {
  const deleted = state.current?.deleted;
  const reply = await api(shopPath(`/entries/${encodeURIComponent(state.current.id)}/restore`),
    { method: 'POST', body: { version }, token: state.token, ifMatch: deleted ? undefined : state.etag });
  if (reply.ok) {
    await open(state.current.id);
    notice('ok', `已恢复到 v${version}`);
    loadList();
  } else {
    notice('error', reply.body?.message ?? '恢复失败');
  }
}

async function preview() {
  const q = $('preview-q').value.trim();
  if (!q || !state.current) return;
  const { ok, body } = await api(shopPath(`/search?${new URLSearchParams({ q, limit: '50' })}`), { token: state.token });
  if (!ok) { $('preview-result').textContent = body?.message ?? '无法预览'; return; }
  const rank = body.results.findIndex((r) => r.id === state.current.id) + 1;
  $('preview-result').textContent = rank
    ? `已保存的版本排第 ${rank} 名${rank === 1 && body.confident ? '(有把握)' : ''}`
    : '已保存的版本不在前 50 名内';
}

// ---- import ---------------------------------------------------------------------------------------
async function runImport(dryRun) {
  const file = $('import-file').files[0];
  if (!file) { $('import-report').replaceChildren(el('p', { className: 'notice warn' }, '请先选择文件')); return; }
  const format = file.name.split('.').pop().toLowerCase();
  const reply = await api(shopPath(`/import?format=${format}&dryRun=${dryRun}`),
    { method: 'POST', body: await file.arrayBuffer(), raw: true, token: state.token });
  if (!reply.body?.rows && reply.body?.message) {
    $('import-report').replaceChildren(el('p', { className: 'notice error' }, reply.body.message));
    return;
  }
  const report = reply.body;
  const rows = [
    ...report.created.map((r) => [r.row, '新建', r.id, r.note ?? '']),
    ...report.changed.map((r) => [r.row, '修改', r.id, r.note ?? '']),
    ...report.unchanged.map((r) => [r.row, '不变', r.id, '']),
    ...report.rejected.map((r) => [r.row, '拒绝', '', r.problems.map((p) => `${p.field}: ${p.problem}`).join(';')]),
  ].sort((a, b) => a[0] - b[0]);
  const summary = report.dryRun
    ? `试导入:新建 ${report.created.length},修改 ${report.changed.length},不变 ${report.unchanged.length},拒绝 ${report.rejected.length}`
    : report.applied ? `已导入:新建 ${report.created.length},修改 ${report.changed.length}` : '未导入:有被拒绝的行,没有写入任何内容';
  $('import-report').replaceChildren(
    el('p', { className: `notice ${report.rejected.length ? 'warn' : 'ok'}` }, summary),
    el('table', { className: 'report' },
      el('thead', {}, el('tr', {}, ['行', '结果', '编号', '说明'].map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, String(c))))))));
  $('apply-import').disabled = !(report.dryRun && !report.rejected.length && (report.created.length + report.changed.length) > 0);
  if (!report.dryRun && report.applied) loadList();
}

// ---- wiring ---------------------------------------------------------------------------------------
$('token-form').addEventListener('submit', tokenGiven);
for (const id of ['f-type', 'f-intent', 'f-scenario']) $(id).addEventListener('change', loadList);
$('f-text').addEventListener('input', loadList);
$('new').addEventListener('click', startNew);
$('save').addEventListener('click', () => save());
$('delete').addEventListener('click', remove);
$('preview').addEventListener('click', preview);
$('dry-run').addEventListener('click', () => runImport(true));
$('apply-import').addEventListener('click', () => runImport(false));
$('import-file').addEventListener('change', () => { $('apply-import').disabled = true; });

/** editor.html?new=faq&question=…&intent=…: the insight page's "new entry" for an unanswered message. */
function startPrefilled() {
  const wanted = new URLSearchParams(location.search);
  if (wanted.get('new') !== 'faq' || !state.editor) return;
  $('new-type').value = 'faq';
  startNew();
  const fields = { question: wanted.get('question'), intent: wanted.get('intent') };
  for (const [name, value] of Object.entries(fields)) {
    const field = document.getElementById(`field-${name}`);
    if (field && value) field.value = value;
  }
}

// ---- suggestions of the shop's agents ------------------------------------------------------------
/** The shop's scenarios, from its intents (a suggestion accepted needs one). */
const scenarios = () => [...new Set(state.intents.map((i) => i.scenario))];

async function loadSuggestions() {
  const list = $('suggestions');
  list.replaceChildren();
  $('suggestions-status').textContent = '';
  if (!state.editor) return;
  const reply = await api(shopPath('/suggestions'), { token: state.token });
  if (!reply.ok) { $('suggestions-status').textContent = refusal(reply, state.token); return; }
  $('suggestions-status').textContent = reply.body.length
    ? `${reply.body.length} 条待处理:采纳后成为团队话术(可在下面的条目中再修改)。`
    : '暂无客服建议的话术。';
  list.replaceChildren(...reply.body.map(suggestionItem));
}

function suggestionItem(suggestion) {
  const key = suggestion.id;
  const known = scenarios();
  const scenario = el('select', { id: `scenario-${key}` }, (known.length ? known : ['通用']).map((name) => el('option', { value: name }, name)));
  const intent = el('select', { id: `intent-${key}` }, el('option', { value: '' }, '(无)'),
    state.intents.map((i) => el('option', { value: i.id }, `${i.id} · ${i.question}`)));
  // An intent brings its scenario.
  intent.addEventListener('change', () => {
    const chosen = state.intents.find((i) => i.id === intent.value);
    if (chosen) scenario.value = chosen.scenario;
  });
  const outcome = el('p', { className: 'outcome', role: 'status' });
  const buttons = el('div', { className: 'row' });
  const decide = async (action) => {
    const reply = await api(shopPath(`/suggestions/${encodeURIComponent(key)}/${action}`), {
      method: 'POST', token: state.token, body: action === 'accept' ? { scenario: scenario.value, intent: intent.value || null } : {},
    });
    if (!reply.ok) {
      outcome.className = 'outcome notice error';
      outcome.textContent = reply.body?.problems?.map((p) => `${p.field ?? ''} ${p.problem}`).join(';') || refusal(reply, state.token);
      return;
    }
    outcome.className = 'outcome notice ok';
    if (action === 'accept') {
      const opener = el('button', { type: 'button', className: 'link', onclick: () => open(reply.body.id) }, `打开 ${reply.body.id}`);
      outcome.replaceChildren(`已采纳为团队话术 ${reply.body.id},搜索已生效。 `, opener);
      buttons.replaceChildren();
      opener.focus();
      loadList();
    } else {
      outcome.textContent = '已不采纳。';
      buttons.replaceChildren();
      outcome.tabIndex = -1;
      outcome.focus();
    }
  };
  buttons.append(
    el('button', { type: 'button', className: 'primary accept', onclick: () => decide('accept') }, '采纳为团队话术'),
    el('button', { type: 'button', className: 'dismiss', onclick: () => decide('dismiss') }, '不采纳'));
  return el('li', { className: 'suggestion-item', dataset: { id: key } },
    el('div', { className: 'head' }, el('strong', {}, suggestion.title),
      suggestion.shortcut ? el('code', { className: 'shortcut', title: '快捷编码' }, suggestion.shortcut) : null,
      el('small', {}, `来自 ${suggestion.agent} · ${when(suggestion.at)}`)),
    el('p', { className: 'copytext' }, suggestion.text),
    suggestion.note ? el('p', { className: 'note' }, `留言:${suggestion.note}`) : null,
    el('div', { className: 'row' }, el('label', { className: 'pick' }, el('span', {}, '场景'), scenario), el('label', { className: 'pick' }, el('span', {}, '意图'), intent)),
    buttons, outcome);
}

// ---- the shop -------------------------------------------------------------------------------------
/** The shop's intents and scenarios in the filters and the form. */
async function loadIntents() {
  const { ok, body } = await api(shopPath('/intents'), { token: state.token });
  state.intents = ok ? body : [];
  $('f-intent').replaceChildren(el('option', { value: '' }, '全部'), state.intents.map((intent) => el('option', { value: intent.id }, intent.id)));
  $('f-scenario').replaceChildren(el('option', { value: '' }, '全部'), scenarios().map((name) => el('option', { value: name }, name)));
  renderForm();
}

function showExportLinks() {
  document.querySelectorAll('#export a').forEach((a) => { a.href = shopPath(`/export?format=${a.dataset.format}`); });
}

/** Another shop chosen: nothing of the last shop stays on screen. */
async function switchShop() {
  Object.assign(state, { current: null, etag: null, type: null, isNew: false });
  $('form-title').textContent = '请选择条目';
  $('conflict').replaceChildren();
  $('history').replaceChildren();
  $('import-report').replaceChildren();
  $('preview-result').textContent = '';
  notice('', '');
  showExportLinks();
  await Promise.all([useToken(state.token), loadIntents()]);
  loadSuggestions();
  loadList();
}

$('token').value = state.token;
showExportLinks();
const refreshShops = mountShopSwitcher({ tokenOf: () => state.token, onSwitch: switchShop });
const intentsLoaded = loadIntents();
Promise.all([useToken(state.token), intentsLoaded]).then(() => { refreshShops(); loadSuggestions(); startPrefilled(); });
loadList();
