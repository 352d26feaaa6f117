// Building the page without ever parsing markup: every element is made with
// createElement and every piece of text, above all article text, goes in as
// a text node. Nothing here reads or writes innerHTML.

/** An element with attributes (strings) and children (nodes or text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A link out to an article's page, only for http(s) addresses (a
 * `javascript:` or `data:` URL from an article is shown as text). */
export function outLink(url, text) {
  let safe = null;
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') safe = u.href;
  } catch (_) { /* not a URL: text */ }
  if (!safe) return document.createTextNode(text || url || '');
  return h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer nofollow' }, text || safe);
}

/** "Loading…" in a section until its content arrives. */
export function loading(el, what = 'Loading…') {
  el.setAttribute('aria-busy', 'true');
  return fill(el, h('p', { class: 'loading' }, what));
}

export function done(el) {
  el.removeAttribute('aria-busy');
  return el;
}

export function section(id, title, ...children) {
  return h('section', { id, class: 'panel', 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}
