// What a person looking at a page would notice, as assertions: broken text, content running off the screen,
// characters drawn as empty boxes, accessibility problems (axe-core), and controls the keyboard cannot reach.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe run of this test process, for the summary line (see axeSummary). */
const axeRuns = [];

/** Words that only reach a page when code turned a missing or wrong value into text. */
const BROKEN_TEXT = /\[object |\bundefined\b|\bNaN\b|\bnull\b/;

/** All text a person can see or hear on the page: rendered text, form values, placeholders, tooltips, labels. */
function visibleText() {
  const shown = (node) => node.checkVisibility({ visibilityProperty: true });
  const parts = [document.body.innerText];
  for (const node of document.querySelectorAll('input, textarea, select')) {
    if (!shown(node)) continue;
    if (node.tagName === 'SELECT') parts.push(node.selectedOptions[0]?.textContent ?? '');
    else if (node.type !== 'password' && node.type !== 'file') parts.push(node.value);
    if (node.placeholder) parts.push(node.placeholder);
  }
  for (const node of document.querySelectorAll('[title], [aria-label]')) {
    if (shown(node)) parts.push(node.getAttribute('title') ?? '', node.getAttribute('aria-label') ?? '');
  }
  return parts.join('\n');
}

/** Visible elements that reach past the left or right edge of the viewport, outside any scrolling box. */
function overflowingElements() {
  const width = document.documentElement.clientWidth;
  const fits = (rect) => rect.left >= -0.5 && rect.right <= width + 0.5;
  const offenders = [];
  for (const node of document.body.querySelectorAll('*')) {
    if (!node.checkVisibility({ visibilityProperty: true })) continue;
    const rect = node.getBoundingClientRect();
    if ((rect.width === 0 && rect.height === 0) || fits(rect)) continue;
    let insideScroller = false;
    for (let box = node.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== 'visible') { insideScroller = fits(box.getBoundingClientRect()); break; }
    }
    if (!insideScroller) {
      const name = `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`;
      offenders.push(`${name} [${Math.round(rect.left)}, ${Math.round(rect.right)}]`);
    }
  }
  return { width, scrollWidth: document.documentElement.scrollWidth, offenders };
}

/**
 * Characters of the visible text that the machine's fonts cannot draw: drawn in the page's font, they come out
 * exactly like a code point no font has (the empty box). This is how 👍 looks without an emoji font.
 */
function undrawableCharacters(text) {
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const font = getComputedStyle(document.body).font;
  const draw = (character) => {
    context.clearRect(0, 0, 48, 48);
    context.font = font;
    context.fillText(character, 6, 34);
    return context.getImageData(0, 0, 48, 48).data.join(',');
  };
  const box = draw('\u{10FFFD}');
  return [...new Set(text)].filter((c) => /\S/u.test(c) && draw(c) === box);
}

/** Emoji in controls and labels: even where an emoji font exists, an icon should not need one. */
function emojiInControls() {
  const found = [];
  for (const node of document.querySelectorAll('button, a, summary, label, [role=button], .badge, .tag, h1, h2, h3')) {
    if (node.checkVisibility() && /\p{Emoji_Presentation}/u.test(node.textContent)) found.push(node.textContent.trim());
  }
  return found;
}

/**
 * Asserts what a person would see at once: no "[object", "undefined", "NaN" or "null"; nothing wider than the
 * viewport; every character drawable without special fonts; no emoji in controls. Returns the visible text.
 */
export async function assertLooksRight(page, label) {
  const text = await page.evaluate(visibleText);
  const broken = text.match(BROKEN_TEXT);
  assert.ok(!broken, `${label}: the page shows "${broken?.[0]}" in …${text.slice(Math.max(0, (broken?.index ?? 0) - 40), (broken?.index ?? 0) + 40)}…`);
  const overflow = await page.evaluate(overflowingElements);
  assert.deepEqual(overflow.offenders, [], `${label}: ${overflow.offenders.length} elements run past the ${overflow.width}px viewport`);
  assert.ok(overflow.scrollWidth <= overflow.width, `${label}: the page scrolls sideways (${overflow.scrollWidth} > ${overflow.width})`);
  const boxes = await page.evaluate(undrawableCharacters, text);
  assert.deepEqual(boxes, [], `${label}: characters drawn as empty boxes: ${boxes.join(' ')}`);
  assert.deepEqual(await page.evaluate(emojiInControls), [], `${label}: controls that need an emoji font`);
  return text;
}

/** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const severe = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  axeRuns.push({ label, severe: severe.length, other: result.violations.length - severe.length,
    passes: result.passes.length });
  const described = severe.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(described, [], `${label}: axe-core found serious or critical problems`);
}

/** Both checks above. */
export async function assertPageIsRight(page, label) {
  const text = await assertLooksRight(page, label);
  await assertAccessible(page, label);
  return text;
}

/**
 * Registers, as the file's last test, the axe-core tally: one line per page state checked in this file (rules
 * passed, what was left), and a failure if no state was checked at all.
 */
export function axeTally() {
  test('axe-core checked the pages above: 0 serious or critical violations', (t) => {
    assert.ok(axeRuns.length > 0, 'no page state was checked by axe-core');
    for (const r of axeRuns) t.diagnostic(`axe ${r.label}: ${r.passes} rules passed, ${r.severe} serious/critical, ${r.other} minor/moderate`);
    assert.deepEqual(axeRuns.filter((r) => r.severe), []);
  });
}

/**
 * Presses Tab from the top of the page until every visible control has had the focus; fails naming the
 * controls the keyboard never reached.
 */
export async function assertKeyboardReachesEveryControl(page, label) {
  const controls = await page.evaluate(() => {
    const selector = 'a[href], button:not(:disabled), input:not([type=hidden]):not(:disabled), select:not(:disabled), '
      + 'textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';
    const found = [...document.querySelectorAll(selector)].filter((node) => node.checkVisibility({ visibilityProperty: true }));
    found.forEach((node, i) => { node.dataset.kbControl = String(i); });
    document.activeElement?.blur();
    return found.map((node) => node.getAttribute('aria-label') || node.textContent.trim().slice(0, 20) || node.id || node.tagName);
  });
  const reached = new Set();
  for (let presses = 0; presses < controls.length * 2 + 10 && reached.size < controls.length; presses++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.dataset?.kbControl ?? null);
    if (at !== null) reached.add(Number(at));
  }
  const missed = controls.filter((_, i) => !reached.has(i));
  assert.deepEqual(missed, [], `${label}: controls the Tab key never reaches`);
  return controls.length;
}

/** Presses Tab until the element matching selector has the focus (the keyboard way to get to it). */
export async function tabTo(page, selector, { backwards = false, limit = 300 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** Opens an editor page and gives it the token as a person with a keyboard does: Tab to the field, type, Enter. */
export async function typeTokenIn(page, url, token) {
  await page.goto(url);
  await tabTo(page, '#token');
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
}
