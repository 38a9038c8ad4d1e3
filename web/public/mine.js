// The agent's own phrasings (个人快捷短语) on the agent page: the agent's token, the list with edit, delete and
// 建议给团队, and the form. Only the token's owner sees them; search brings them beside the team's.
import { api, el } from '/common.js';
import { callerHasRole, callerMayUseShop, identify, otherShopMessage, refusal, ROLE_LABEL, shopPath } from '/shop.js';

const $ = (id) => document.getElementById(id);
const FIELDS = ['title', 'text', 'shortcut'];

/**
 * Wires the 我的话术 panel of index.html.
 * @param token the token this tab was given earlier, if any
 * @param onSaved called after a phrasing was saved or deleted (the page searches again, so the change shows)
 * @param onToken called after the agent gave another token
 * @returns {token(), start(), load()}: the token in use, the first load, a reload (after a shop switch)
 */
export function ownPhrasings({ token: initial, onSaved, onToken }) {
  let token = initial;
  let phrasings = [];
  let editing = null; // the phrasing the form edits; null for a new one
  let latestLoad = 0;
  /** Phrasings suggested to the team from this page, so the button says so. */
  const suggested = new Set();
  const say = (text) => { $('mine-status').textContent = text; };

  async function useToken(value) {
    token = value.trim();
    const who = await identify(token);
    if (who?.invalid) token = '';
    $('who').textContent = !who ? '' : who.invalid ? '令牌无效或已被撤销' : `${who.name}(${ROLE_LABEL[who.role] ?? who.role})`;
  }

  async function load() {
    const request = ++latestLoad;
    phrasings = [];
    showForm(false);
    $('mine-list').replaceChildren();
    $('mine-new').hidden = true;
    if (!token) {
      say('保存和使用自己的话术需要客服令牌(向管理员索取),在上面填入后按 Enter。');
      return;
    }
    if (!callerMayUseShop()) { say(otherShopMessage()); return; }
    if (!callerHasRole('AGENT')) { say('这个令牌只能查看,不能保存自己的话术:请换用客服令牌。'); return; }
    const reply = await api(shopPath('/phrasings/mine'), { token });
    if (request !== latestLoad) return;
    if (!reply.ok) { say(refusal(reply, token)); return; }
    phrasings = reply.body;
    say(phrasings.length
      ? `${phrasings.length} 条,只有你看得到;搜索时与团队的话术一起出现,标「我的」。`
      : '还没有自己的话术。');
    $('mine-list').replaceChildren(...phrasings.map(item));
    $('mine-new').hidden = false;
  }

  function item(phrasing) {
    const name = `「${phrasing.title}」`;
    return el('li', { className: 'mine-item', dataset: { id: phrasing.id } },
      el('div', { className: 'head' }, el('strong', {}, phrasing.title),
        phrasing.shortcut ? el('code', { className: 'shortcut', title: '快捷编码' }, phrasing.shortcut) : null),
      el('p', { className: 'copytext' }, phrasing.text),
      el('div', { className: 'row' },
        el('button', { type: 'button', className: 'edit', 'aria-label': `编辑${name}`, onclick: () => showForm(true, phrasing) }, '编辑'),
        el('button', { type: 'button', className: 'delete danger', 'aria-label': `删除${name}`, onclick: () => remove(phrasing) }, '删除'),
        suggested.has(phrasing.id)
          ? el('span', { className: 'hint' }, '已建议给团队')
          : el('button', { type: 'button', className: 'suggest', 'aria-label': `建议给团队:${name}`, onclick: () => suggest(phrasing) }, '建议给团队')));
  }

  function showForm(visible, phrasing = null) {
    editing = phrasing;
    $('mine-form').hidden = !visible;
    $('mine-new').hidden = visible || !token;
    showProblems([]);
    if (!visible) return;
    $('mine-form-title').textContent = phrasing ? `修改「${phrasing.title}」` : '新建我的话术';
    for (const field of FIELDS) $(`mine-${field}`).value = phrasing?.[field] ?? '';
    $('mine-title').focus();
  }

  function showProblems(problems) {
    for (const field of FIELDS) $(`mine-${field}-error`).textContent = '';
    const general = [];
    for (const problem of problems) {
      const target = document.getElementById(`mine-${problem.field?.split(/[.[]/)[0]}-error`);
      if (target) target.textContent += `${problem.problem} `;
      else general.push(problem.problem);
    }
    if (general.length) say(general.join(' '));
  }

  async function save() {
    const body = Object.fromEntries(FIELDS.map((field) => [field, $(`mine-${field}`).value.trim()]));
    // The version listed is sent back: a change made meanwhile elsewhere (another tab) is a 412, never overwritten.
    const reply = editing
      ? await api(shopPath(`/phrasings/mine/${encodeURIComponent(editing.id)}`), { method: 'PUT', body, token, ifMatch: editing.etag })
      : await api(shopPath('/phrasings/mine'), { method: 'POST', body, token });
    if (reply.ok) {
      await load();
      say(`已保存「${reply.body.title}」:搜索时就会出现${reply.body.shortcut ? `,快捷编码 ${reply.body.shortcut}` : ''}。`);
      $('mine-new').focus();
      onSaved();
    } else if (reply.status === 400 && reply.body?.problems) {
      showProblems(reply.body.problems);
    } else if (reply.status === 412) {
      await load();
      say('这条话术在别处改过了:已载入最新的版本,请再修改一次。');
    } else {
      say(refusal(reply, token));
    }
  }

  async function remove(phrasing) {
    if (!confirm(`确定删除自己的话术「${phrasing.title}」吗?`)) return;
    const reply = await api(shopPath(`/phrasings/mine/${encodeURIComponent(phrasing.id)}`),
      { method: 'DELETE', token, ifMatch: phrasing.etag });
    if (reply.status === 412) { await load(); say('这条话术在别处改过了:已载入最新的版本。'); return; }
    if (reply.status !== 204) { say(refusal(reply, token)); return; }
    await load();
    say(`已删除「${phrasing.title}」。`);
    $('mine-new').focus();
    onSaved();
  }

  async function suggest(phrasing) {
    const reply = await api(shopPath(`/phrasings/mine/${encodeURIComponent(phrasing.id)}/suggest`), { method: 'POST', body: {}, token });
    if (!reply.ok) { say(refusal(reply, token)); return; }
    suggested.add(phrasing.id);
    $('mine-list').replaceChildren(...phrasings.map(item));
    say(`已把「${phrasing.title}」建议给团队:编辑采纳后,它会成为团队的话术。`);
    $('mine-new').focus();
  }

  $('token-form').addEventListener('submit', async () => {
    await useToken($('token').value);
    await load();
    onToken();
  });
  $('mine-new').addEventListener('click', () => showForm(true));
  $('mine-form').addEventListener('submit', save);
  $('mine-cancel').addEventListener('click', () => { showForm(false); $('mine-new').focus(); });
  // Esc leaves the form; Ctrl+Enter saves from the text box too (Enter there is a new line).
  $('mine-form').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { showForm(false); $('mine-new').focus(); }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); save(); }
  });
  $('token').value = token;

  return {
    token: () => token,
    load,
    async start() {
      if (token) await useToken(token);
      await load();
    },
  };
}
