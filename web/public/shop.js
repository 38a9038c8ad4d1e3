// The shop a page works on and who is asking: chosen in the header's switcher, kept in the URL (?shop=name, so a
// link opens the right shop) and remembered in this browser; every API call of a shop goes to that shop's paths.
import { api, el } from '/common.js';

/** The shop today's /api/... paths serve. */
export const DEFAULT_SHOP = 'default';
const REMEMBERED = 'kb.currentShop';
const TOKEN = 'kb.token';

export const ROLE_LABEL = { READER: '只读', AGENT: '客服', EDITOR: '编辑', ADMIN: '管理员' };

let current = (new URLSearchParams(location.search).get('shop') ?? localStorage.getItem(REMEMBERED) ?? '').trim() || DEFAULT_SHOP;
/** The caller as /api/whoami described the token ({name, role, shops}), or null without a (valid) token. */
let caller = null;

/** The chosen shop's name. */
export const shopName = () => current;

/** The API path of an operation on the chosen shop: /api/... for the default shop, /api/shops/{shop}/... else. */
export function shopPath(operation) {
  return current === DEFAULT_SHOP ? `/api${operation}` : `/api/shops/${encodeURIComponent(current)}${operation}`;
}

/** The token this browser tab was given (kept for the tab's session, as on the editor pages). */
export const savedToken = () => sessionStorage.getItem(TOKEN) || '';

/**
 * Asks the server who the token belongs to; remembers it for the tab when it is valid.
 * @returns the caller, null without a token, or {invalid: true} for an unknown or revoked one
 */
export async function identify(token) {
  caller = null;
  if (!token) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  const { ok, body } = await api('/api/whoami', { token });
  if (!ok) {
    sessionStorage.removeItem(TOKEN);
    return { invalid: true };
  }
  sessionStorage.setItem(TOKEN, token);
  caller = body;
  return caller;
}

/** Whether the identified caller may use the chosen shop (admins use every shop). */
export function callerMayUseShop() {
  return !caller || caller.role === 'ADMIN' || caller.shops.includes('*') || caller.shops.includes(current);
}

/** Whether the identified caller has at least this role (READER < AGENT < EDITOR < ADMIN). */
export function callerHasRole(role) {
  const order = Object.keys(ROLE_LABEL);
  return !!caller && order.indexOf(caller.role) >= order.indexOf(role);
}

/** "令牌「小美」不能使用店铺「second」(可用:default)": said wherever a token of another shop is refused. */
export function otherShopMessage() {
  const usable = caller.shops.includes('*') ? '全部' : caller.shops.join('、');
  return `令牌「${caller.name}」不能使用店铺「${current}」(它可用的店铺:${usable})。请切换店铺,或换用这家店的令牌。`;
}

/** What a refused request means, in the page's words: no or a bad token, a token of another shop, no such shop. */
export function refusal(reply, token) {
  const message = reply.body?.message ?? '';
  if (reply.status === 401) return token ? '令牌无效或已被撤销,请重新输入令牌。' : '这里需要令牌:请先输入令牌。';
  if (reply.status === 403) {
    if (caller && !callerMayUseShop()) return otherShopMessage();
    return `令牌权限不够${caller ? `(「${caller.name}」是${ROLE_LABEL[caller.role] ?? caller.role})` : ''}:${message}`;
  }
  if (reply.status === 404 && reply.body?.where === 'shop') return `没有名为「${current}」的店铺。请在页头切换店铺。`;
  return message || `请求失败(${reply.status})`;
}

/**
 * Puts the shop switcher in the page header and keeps it up to date. It lists the shops the token may use and stays
 * hidden while there is only one (and it is the one chosen). Choosing a shop puts it in the URL, remembers it and calls
 * onSwitch; links to the other pages carry the shop.
 * @param tokenOf returns the page's current token (the list depends on it)
 * @returns refresh(): lists the shops again (after the token changed)
 */
export function mountShopSwitcher({ tokenOf, onSwitch }) {
  const select = el('select', { id: 'shop-select' });
  const box = el('label', { className: 'shop-switch', hidden: true }, el('span', {}, '店铺'), select);
  document.querySelector('header.bar h1').after(box);
  select.addEventListener('change', () => {
    current = select.value;
    localStorage.setItem(REMEMBERED, current);
    showInUrl(true);
    onSwitch(current);
  });

  async function refresh() {
    const reply = await api('/api/shops', { token: tokenOf() });
    const shops = reply.ok ? reply.body : [];
    const options = shops.map((s) => el('option', { value: s.name }, s.title && s.title !== s.name ? `${s.title}(${s.name})` : s.name));
    if (!shops.some((s) => s.name === current)) {
      options.push(el('option', { value: current }, `${current}(不在可用店铺中)`));
    }
    select.replaceChildren(...options);
    select.value = current;
    box.hidden = options.length <= 1;
    showInUrl(!box.hidden);
  }

  localStorage.setItem(REMEMBERED, current);
  return refresh;
}

/** The chosen shop in the address bar and in the header's links to the other pages (when there is a choice). */
function showInUrl(visible) {
  const withShop = (href) => {
    const url = new URL(href, location.href);
    if (visible) url.searchParams.set('shop', current);
    else url.searchParams.delete('shop');
    return `${url.pathname}${url.search}${url.hash}`;
  };
  history.replaceState(history.state, '', withShop(location.href));
  document.querySelectorAll('header.bar nav a').forEach((a) => { a.href = withShop(a.getAttribute('href')); });
}
