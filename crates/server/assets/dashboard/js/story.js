// One story: its articles and sources, its events and their timeline.

import { h, fill, done, section } from './dom.js';
import { get } from './api.js';
import { hrefWith } from './state.js';
import { articleList, eventTable } from './lists.js';
import { timeline } from './timeline.js';

export async function storyView(el, story) {
  const p = new URLSearchParams({ story, copies: 'true', limit: '200' });
  const [{ articles }, { events }] = await Promise.all([
    get('/api/articles', p),
    get('/api/events', new URLSearchParams({ story, limit: '500' })),
  ]);
  const sites = new Map();
  for (const a of articles) sites.set(a.site || 'unknown site', (sites.get(a.site || 'unknown site') || 0) + 1);
  const first = [...articles].sort((a, b) => String(a.published).localeCompare(String(b.published)))[0];
  const listEl = h('div');
  const chart = h('div');
  fill(el,
    h('p', {}, h('a', { href: hrefWith({}) }, '← back to the search')),
    h('h2', {}, `Story ${story}: `, first ? first.title || '(untitled)' : ''),
    h('div', { class: 'grid' },
      section('story-articles', `Articles (${articles.length})`, listEl),
      section('story-sources', `Sources (${sites.size})`, h('ul', {}, [...sites].map(([s, n]) => h('li', {}, `${s}: ${n}`)))),
      section('story-timeline', 'Events over time', chart),
      section('story-events', `Events (${events.length})`, eventTable(events))));
  articleList(listEl, articles);
  await timeline(chart, new URLSearchParams({ story }));
  done(el);
}
