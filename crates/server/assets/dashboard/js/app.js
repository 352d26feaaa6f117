// The dashboard: the filters in the URL's fragment pick what every panel
// shows; a link is the view. Panels load independently, each saying so
// while it loads and saying what failed if it fails.

import { h, fill, loading, done, section } from './dom.js';
import { get, onBusy, PLOVER } from './api.js';
import { read, go, eventParams, FILTERS } from './state.js';
import { articleList, eventTable, storyList, quoteList } from './lists.js';
import { timeline } from './timeline.js';
import { eventMap } from './map.js';
import { network } from './network.js';
import { articleView } from './article.js';
import { storyView } from './story.js';

const main = document.getElementById('main');
const form = document.getElementById('filters');
const status = document.getElementById('status');
let map = null;
let graph = null;

function initForm() {
  const types = form.elements.type;
  for (const t of PLOVER) types.appendChild(h('option', { value: t }, t));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const k of FILTERS) p.set(k, form.elements[k].value.trim());
    go(p);
  });
  document.getElementById('clear').addEventListener('click', () => go(new URLSearchParams()));
  onBusy((n) => {
    status.textContent = n ? `Loading… (${n} request${n > 1 ? 's' : ''})` : '';
    document.body.classList.toggle('busy', n > 0);
  });
}

/** Shows the state's filters in the form. */
function syncForm(state) {
  for (const k of FILTERS) form.elements[k].value = state.get(k) || '';
}

/** Runs `load` for a panel, showing "Loading…" first and any error after. */
function panel(el, load) {
  loading(el);
  return load().then(() => done(el)).catch((e) => {
    done(el);
    fill(el, h('p', { class: 'error' }, `Could not load: ${e.message}`));
  });
}

function overview(state) {
  const results = h('div');
  const chart = h('div');
  const mapEl = h('div');
  const net = h('div');
  const events = h('div');
  const stories = h('div');
  const quotes = h('div');
  const ev = () => eventParams(state);
  fill(main, h('div', { class: 'grid' },
    section('results', 'Articles', results),
    section('timeline', 'Events over time', chart),
    section('map', 'Where', mapEl),
    section('network', 'Who acts on whom', net),
    section('events', 'Events (counted once)', events),
    section('stories', 'Stories', stories),
    section('quotes', 'Quotes', quotes)));
  const search = new URLSearchParams(ev());
  if (state.get('q')) search.set('q', state.get('q'));
  search.set('limit', '50');
  panel(results, async () => articleList(results, (await get('/api/articles', search)).articles));
  panel(chart, () => timeline(chart, ev()));
  panel(mapEl, async () => { map = await eventMap(mapEl, ev()); });
  panel(net, async () => {
    graph = await network(net, ev(), (actor) => {
      const p = read();
      p.set('actor', actor);
      go(p);
    });
  });
  panel(events, async () => {
    const { events: list, next } = await get('/api/events', eventParams(state, { limit: 100 }));
    fill(events, eventTable(list), next ? h('p', { class: 'meta' }, 'The first 100 are shown; narrow the filters to see the rest.') : null);
  });
  const periods = new URLSearchParams();
  for (const k of ['from', 'to']) if (state.get(k)) periods.set(k, state.get(k));
  panel(stories, async () => storyList(stories, (await get('/api/stories', periods)).stories));
  // Quotes: by the actor filter as a speaker, else by the search words.
  const qp = new URLSearchParams({ limit: '20' });
  if (state.get('actor')) qp.set('speaker', state.get('actor'));
  else if (state.get('q')) qp.set('q', state.get('q'));
  panel(quotes, async () => fill(quotes, quoteList((await get('/api/quotes', qp)).quotes)));
}

function render() {
  if (map) { map.remove(); map = null; }
  if (graph) { graph.destroy(); graph = null; }
  const state = read();
  syncForm(state);
  if (state.get('article')) {
    panel(main, () => articleView(main, state.get('article')));
  } else if (state.get('story')) {
    panel(main, () => storyView(main, state.get('story')));
  } else {
    overview(state);
  }
  window.scrollTo(0, 0);
}

// The vendored libraries load as deferred classic scripts, before this
// module runs.
initForm();
window.addEventListener('hashchange', render);
render();
