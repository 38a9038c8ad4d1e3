// Agent search page: results update as the agent types (debounced, stale responses ignored).
const input = document.getElementById('q');
const list = document.getElementById('results');
const status = document.getElementById('status');
const TYPE_LABEL = { faq: '标准答案', phrasing: '话术', policy: '政策', product: '商品' };
let latest = 0;
let timer;

function copyTextOf(result) {
  return result.type === 'faq' ? result.answer : result.type === 'phrasing' ? result.text : null;
}

function render(response) {
  list.replaceChildren();
  if (!response.results.length) {
    status.textContent = '没有找到相关答案';
    return;
  }
  status.textContent = response.confident ? `找到 ${response.total} 条 · ${response.tookMs} ms` : '没有把握的答案,以下仅供参考';
  for (const r of response.results) {
    const li = document.createElement('li');
    li.className = `result ${r.type}`;
    const head = document.createElement('div');
    head.className = 'head';
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = TYPE_LABEL[r.type] ?? r.type;
    const title = document.createElement('strong');
    title.textContent = r.title;
    head.append(badge, title);
    const snippet = document.createElement('p');
    snippet.className = 'snippet';
    snippet.innerHTML = r.snippet; // server escapes the text and adds only <mark>
    li.append(head, snippet);
    const text = copyTextOf(r);
    if (text) {
      const body = document.createElement('p');
      body.className = 'copytext';
      body.textContent = text;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = '复制';
      button.addEventListener('click', async () => {
        await navigator.clipboard.writeText(text);
        button.textContent = '已复制';
        setTimeout(() => { button.textContent = '复制'; }, 1200);
      });
      li.append(body, button);
    }
    list.append(li);
  }
}

async function search(text) {
  const id = ++latest;
  if (!text.trim()) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  try {
    const response = await fetch(`/api/search?q=${encodeURIComponent(text)}&limit=10`);
    const body = await response.json();
    if (id !== latest) return; // a newer search has started
    if (!response.ok) {
      list.replaceChildren();
      status.textContent = body.message;
      return;
    }
    render(body);
  } catch (e) {
    if (id === latest) status.textContent = '搜索失败,请检查服务是否在运行';
  }
}

input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => search(input.value), 150);
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    input.value = '';
    search('');
  }
});
