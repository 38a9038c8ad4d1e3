// Helpers shared by the agent and editor pages.

// No form ever navigates: pages handle submit in script. (Not onsubmit="return false": the
// Content-Security-Policy allows no inline handlers.)
document.addEventListener('submit', (event) => event.preventDefault());

/** Fetches JSON from the API; resolves to {ok, status, body, etag}. */
export async function api(path, { method = 'GET', body, token, ifMatch, raw } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: raw ? body : body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('content-type') || '';
  const parsed = type.startsWith('application/json') ? await response.json() : null;
  return { ok: response.ok, status: response.status, body: parsed, etag: response.headers.get('ETag') };
}

/**
 * Element builder: el('li', {className: 'x'}, child1, 'text', [more, [children]]). Children may be nested in
 * arrays to any depth; null, undefined and false are skipped; anything else that is not a node, string or
 * number is a programming error and throws, rather than showing as "[object HTMLElement]".
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key.includes('-') || key === 'role' || key === 'for') { if (value !== undefined && value !== null) node.setAttribute(key, value); }
    else if (value !== undefined && value !== null) node[key] = value;
  }
  return withChildren(node, children);
}

function withChildren(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    if (!(child instanceof Node) && typeof child !== 'string' && typeof child !== 'number') {
      throw new TypeError(`<${node.tagName}>: cannot show ${Object.prototype.toString.call(child)} as a child`);
    }
    node.append(child);
  }
  return node;
}

/** SVG element builder, as el() for HTML: svg('rect', {x: 0, width: 8}). Charts and icons are drawn with it. */
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return withChildren(node, children);
}

/** Ignores a form's submit (Enter in a field): the pages act on their own events. Set from script, never inline. */
export function keepFormsOnPage() {
  document.querySelectorAll('form').forEach((form) => form.addEventListener('submit', (event) => event.preventDefault()));
}

export const TYPE_LABEL = { faq: '标准答案', phrasing: '话术', policy: '政策', product: '商品' };
