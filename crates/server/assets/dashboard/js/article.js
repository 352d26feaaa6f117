// One article: its clean text with entities, times, quotes and event
// triggers highlighted, and its events, quotes, copies and story. The text
// is cut at span boundaries into text nodes; nothing is parsed as markup.

import { h, fill, done, outLink } from './dom.js';
import { get } from './api.js';
import { hrefWith } from './state.js';
import { quoteList } from './lists.js';

/** Spans of every layer worth showing, in code points (as the API gives them). */
function spansOf(doc) {
  const spans = [];
  for (const e of doc.entities || []) {
    const what = [e.type, e.canonical && e.canonical !== e.text ? e.canonical : null, e.actor_code, e.country].filter(Boolean).join(' · ');
    spans.push({ start: e.start, end: e.end, cls: `ent ent-${e.type}`, title: what, entity: true });
  }
  for (const t of doc.times || []) spans.push({ start: t.start, end: t.end, cls: 'time', title: `${t.type}: ${t.value || '?'}` });
  for (const q of doc.quotes || []) spans.push({ start: q.start, end: q.end, cls: `quote quote-${q.kind}`, title: `quote (${q.kind}) — ${q.speaker || 'unknown speaker'}` });
  (doc.events || []).forEach((e, i) => {
    if (e.trigger) spans.push({ start: e.trigger.start, end: e.trigger.end, cls: 'trigger', title: `${e.plover} ${e.cameo} (${e.modality})`, event: i });
  });
  return spans;
}

/** `text` as nodes: plain runs as text, covered runs as <mark>/<span>
 * elements with the classes and titles of the spans covering them. */
function highlighted(text, spans) {
  const cps = Array.from(text);
  const n = cps.length;
  const cuts = new Set([0, n]);
  for (const s of spans) {
    s.start = Math.max(0, Math.min(n, s.start));
    s.end = Math.max(s.start, Math.min(n, s.end));
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out = [];
  let open = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    while (next < sorted.length && sorted[next].start <= a) open.push(sorted[next++]);
    open = open.filter((s) => s.end > a);
    const run = cps.slice(a, b).join('');
    const cover = open.filter((s) => s.start <= a && s.end >= b);
    if (!cover.length) { out.push(run); continue; }
    const el = h(cover.some((s) => s.entity) ? 'mark' : 'span', {
      class: cover.map((s) => s.cls).join(' '),
      title: cover.map((s) => s.title).join('\n'),
    }, run);
    const ev = cover.find((s) => s.event !== undefined);
    if (ev) el.dataset.event = String(ev.event);
    out.push(el);
  }
  return out;
}

/** A heading for an article without a title: its first words. */
function untitled(text) {
  const words = Array.from(text.trim().split(/\n/)[0]).slice(0, 90).join('');
  return `(untitled) ${words}${words.length < text.length ? '…' : ''}`;
}

function actorText(a) {
  if (!a) return '—';
  return [a.name || a.text, a.code ? `(${a.code})` : null].filter(Boolean).join(' ');
}

function eventItems(doc, textEl) {
  const events = doc.events || [];
  if (!events.length) return h('p', { class: 'empty' }, 'No event coded.');
  return h('ol', { class: 'doc-events' }, events.map((e, i) => h('li', { 'data-plover': e.plover },
    h('button', {
      type: 'button', class: 'linkish', title: 'Show in the text',
      onclick: () => {
        const t = textEl.querySelector(`[data-event="${i}"]`);
        if (t) { t.scrollIntoView({ block: 'center' }); t.classList.add('flash'); setTimeout(() => t.classList.remove('flash'), 1200); }
      },
    }, h('span', { class: 'type', 'data-quad': e.quad_class }, e.plover), ' ', h('code', {}, e.cameo)),
    ' ', actorText(e.source), ' → ', actorText(e.target),
    h('div', { class: 'meta' }, [
      e.modality,
      e.trigger ? `“${e.trigger.text}”` : null,
      e.date ? `on ${e.date}` : (e.date_inferred ? `published ${e.date_inferred}` : null),
      e.location ? `at ${e.location.name || e.location.text}` : null,
      e.claimed_by ? `claimed by ${e.claimed_by}` : null,
    ].filter(Boolean).join(' · ')))));
}

function copyItems(copies) {
  return h('ul', { class: 'copies' }, copies.map((c) => h('li', {},
    h('a', { href: hrefWith({ article: c.id }) }, c.title || c.id), ' ',
    h('span', { class: 'meta' }, [c.site, c.published, `similarity ${c.similarity.toFixed(2)}`].filter(Boolean).join(' · ')))));
}

export async function articleView(el, id) {
  const { article: doc, copy_of: copyOf, copies, story } = await get(`/api/articles/${encodeURIComponent(id)}`);
  const textEl = h('div', { class: 'doc-text', lang: doc.language ? doc.language.code : null }, highlighted(doc.text, spansOf(doc)));
  const src = doc.source || {};
  fill(el,
    h('p', {}, h('a', { href: hrefWith({}) }, '← back to the search')),
    h('article', { class: 'doc' },
      h('h2', { class: 'doc-title' }, doc.title || untitled(doc.text)),
      h('p', { class: 'meta' }, [
        doc.published, src.site, doc.language ? `${doc.language.code}` : null,
      ].filter(Boolean).join(' · '), src.url ? [' · ', outLink(src.url, 'original')] : null,
      story ? [' · ', h('a', { href: hrefWith({ story }) }, `story ${story}`)] : null),
      copyOf ? h('p', { class: 'notice' }, 'A copy of ', h('a', { href: hrefWith({ article: copyOf.id }) }, copyOf.title || copyOf.id),
        ` (${copyOf.site || 'unknown site'}, similarity ${copyOf.similarity.toFixed(2)})`) : null,
      h('p', { class: 'legend' }, 'Highlighted: ',
        h('mark', { class: 'ent ent-PER' }, 'person'), ' ', h('mark', { class: 'ent ent-ORG' }, 'organisation'), ' ',
        h('mark', { class: 'ent ent-LOC' }, 'place'), ' ', h('span', { class: 'time' }, 'time'), ' ',
        h('span', { class: 'quote' }, 'quote'), ' ', h('span', { class: 'trigger' }, 'event trigger')),
      textEl),
    h('aside', { class: 'doc-side' },
      h('section', { class: 'panel' }, h('h3', {}, `Events (${(doc.events || []).length})`), eventItems(doc, textEl)),
      h('section', { class: 'panel' }, h('h3', {}, `Quotes (${(doc.quotes || []).length})`), quoteList(doc.quotes || [], 'No quote found.'),
        doc.sources && doc.sources.length ? h('p', { class: 'meta' }, `Article credited to: ${doc.sources.join(', ')}`) : null),
      h('section', { class: 'panel' }, h('h3', {}, `Copies (${copies.length})`),
        copies.length ? copyItems(copies) : h('p', { class: 'empty' }, 'No stored copy.'))));
  done(el);
}
