// Lists of articles, events and stories, as text.

import { h, fill } from './dom.js';
import { hrefWith } from './state.js';

/** The search snippet marks matches with […]: shown as <mark> text nodes. */
function snippet(s) {
  const parts = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s)) !== null) {
    parts.push(s.slice(last, m.index), h('mark', {}, m[1]));
    last = re.lastIndex;
  }
  parts.push(s.slice(last));
  return parts;
}

export function articleList(el, hits) {
  if (!hits.length) return fill(el, h('p', { class: 'empty' }, 'No article matches.'));
  return fill(el, h('ol', { class: 'articles' }, hits.map((a) => h('li', {},
    h('a', { class: 'title', href: hrefWith({ article: a.id }) }, a.title || `(untitled${a.site ? `, ${a.site}` : ''})`),
    h('div', { class: 'meta' },
      [a.published, a.site, a.language].filter(Boolean).join(' · '),
      a.events ? ` · ${a.events} event mention${a.events > 1 ? 's' : ''}` : '',
      a.copies ? ` · ${a.copies} cop${a.copies > 1 ? 'ies' : 'y'}` : '',
      a.story ? [' · ', h('a', { href: hrefWith({ story: a.story }) }, `story ${a.story}`)] : ''),
    a.snippet ? h('p', { class: 'snippet' }, snippet(a.snippet)) : null))));
}

function actor(name, code) {
  if (!name && !code) return h('span', { class: 'none' }, '—');
  return h('span', { class: 'actor' }, name || code, code && name ? h('code', {}, code) : null);
}

/** A table of events counted once; `link` adds a column opening the article
 * that first told each. */
export function eventTable(events, { link = true } = {}) {
  if (!events.length) return h('p', { class: 'empty' }, 'No event matches.');
  return h('div', { class: 'scroll' }, h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, ['Day', 'Type', 'Source', 'Target', 'Where', 'Modality', 'Mentions', link ? 'Article' : null]
      .filter((x) => x !== null).map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, events.map((e) => h('tr', { 'data-plover': e.plover },
      h('td', {}, e.date || e.day || ''),
      h('td', {}, h('span', { class: 'type', 'data-quad': e.quad_class }, e.plover), ' ', h('code', {}, e.cameo)),
      h('td', {}, actor(e.source_name, e.source_code)),
      h('td', {}, actor(e.target_name, e.target_code)),
      h('td', {}, [e.location, e.country].filter(Boolean).join(', ')),
      h('td', {}, e.modality),
      h('td', { title: `${e.num_articles} articles, ${e.num_sources} sources` }, String(e.num_mentions)),
      link ? h('td', {}, e.article_id ? h('a', { href: hrefWith({ article: e.article_id }) }, 'open') : '') : null)))));
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function storyList(el, stories) {
  if (!stories.length) return fill(el, h('p', { class: 'empty' }, 'No story with more than one article in this period.'));
  return fill(el, h('ol', { class: 'stories' }, stories.map((s) => h('li', {},
    h('a', { class: 'title', href: hrefWith({ story: s.id }) }, s.title || `story ${s.id}`),
    h('div', { class: 'meta' },
      [s.first_published, s.last_published].filter(Boolean).join(' – '),
      ` · ${plural(s.articles, 'article')} · ${plural(s.sources, 'source')} · ${plural(s.events, 'event')}`)))));
}

/** Quotes with their speaker, kind and the media that relayed them (an
 * article's own quotes carry `relayed_by`; the quote search's do not). */
export function quoteList(quotes, empty = 'No quote.') {
  if (!quotes.length) return h('p', { class: 'empty' }, empty);
  return h('ul', { class: 'quotes' }, quotes.map((q) => h('li', {},
    h('blockquote', { class: q.kind }, q.text),
    h('div', { class: 'meta' }, q.speaker || 'unknown speaker', q.speaker_actor_code ? [' ', h('code', {}, q.speaker_actor_code)] : null,
      ` · ${q.kind}`,
      q.relayed_by && q.relayed_by.length ? ` · via ${q.relayed_by.join(' ← ')}` : null))));
}
