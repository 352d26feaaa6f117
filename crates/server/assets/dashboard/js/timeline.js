// Event counts over time (uPlot): one line per quad class or per PLOVER type.

import { h, fill, done } from './dom.js';
import { get, PLOVER, QUADS, QUAD_COLOURS } from './api.js';

const TYPE_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666',
  '#1f78b4', '#b2df8a', '#fb9a99', '#fdbf6f', '#cab2d6', '#ffff99', '#8dd3c7', '#bc80bd'];

/** The first and last day between which all but `cut` of the events (at
 * each end) fall. */
function middle(counts, cut) {
  const days = new Map();
  for (const c of counts) days.set(c.period, (days.get(c.period) || 0) + c.events);
  const sorted = [...days].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const total = sorted.reduce((n, [, k]) => n + k, 0);
  let lo = sorted[0][0];
  let hi = sorted[sorted.length - 1][0];
  let seen = 0;
  for (const [day, k] of sorted) {
    if (seen + k > cut * total) { lo = day; break; }
    seen += k;
  }
  seen = 0;
  for (const [day, k] of [...sorted].reverse()) {
    if (seen + k > cut * total) { hi = day; break; }
    seen += k;
  }
  return [lo, hi];
}

export async function timeline(el, params) {
  const group = params.get('group') === 'type' ? 'type' : 'quad';
  params.delete('group');
  const by = params.get('by') || 'day';
  params.set('by', by);
  const { counts } = await get('/api/counts', params);
  const chooser = h('select', { 'aria-label': 'Lines by' },
    h('option', { value: 'quad', selected: group === 'quad' ? '' : null }, 'by quad class'),
    h('option', { value: 'type', selected: group === 'type' ? '' : null }, 'by PLOVER type'));
  const plot = h('div', { class: 'plot' });
  fill(el, chooser, plot);
  done(el);
  chooser.addEventListener('change', () => {
    const p = new URLSearchParams(params);
    p.set('group', chooser.value);
    timeline(el, p).catch((e) => fill(el, h('p', { class: 'error' }, e.message)));
  });
  const all = counts.filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.period || ''));
  if (!all.length) return fill(plot, h('p', { class: 'empty' }, 'No dated event matches.'));
  // Events dated decades back (a history recalled in an article) would
  // squeeze the news into one pixel: the axis spans the middle 98 % of
  // the events, and says how many fall outside.
  const [lo, hi] = middle(all, 0.01);
  const dated = all.filter((c) => c.period >= lo && c.period <= hi);
  const outside = all.reduce((n, c) => n + c.events, 0) - dated.reduce((n, c) => n + c.events, 0);
  if (outside) el.appendChild(h('p', { class: 'meta' }, `${outside} event${outside > 1 ? 's' : ''} dated before ${lo} or after ${hi} not shown.`));
  // Every day (or week, over long periods) from the first to the last, with
  // zeros where nothing happened, so a line never bridges a silent gap.
  const DAY = 86400;
  const first = Date.parse(`${dated.reduce((a, c) => (c.period < a ? c.period : a), dated[0].period)}T00:00:00Z`) / 1000;
  const last = Date.parse(`${dated.reduce((a, c) => (c.period > a ? c.period : a), dated[0].period)}T00:00:00Z`) / 1000;
  const span = (last - first) / DAY;
  // At most a few thousand points, whatever odd dates the corpus holds.
  const step = Math.max(span > 180 ? 7 : 1, Math.ceil(span / 4000)) * DAY;
  const slot = (t) => Math.floor((t - first) / step);
  const xs = [];
  for (let t = first; t <= last; t += step) xs.push(t);
  const keys = group === 'quad'
    ? [1, 2, 3, 4].filter((q) => dated.some((c) => c.quad_class === q))
    : PLOVER.filter((t) => dated.some((c) => c.plover === t));
  const series = keys.map(() => xs.map(() => 0));
  for (const c of dated) {
    const k = keys.indexOf(group === 'quad' ? c.quad_class : c.plover);
    if (k >= 0) series[k][slot(Date.parse(`${c.period}T00:00:00Z`) / 1000)] += c.events;
  }
  const width = Math.max(280, plot.clientWidth || el.clientWidth || 600);
  const opts = {
    width, height: 220,
    scales: { x: { time: true } },
    series: [{}].concat(keys.map((k, i) => ({
      label: group === 'quad' ? QUADS[k] : k,
      stroke: group === 'quad' ? QUAD_COLOURS[k] : TYPE_COLOURS[i % TYPE_COLOURS.length],
      width: 2,
      points: { show: xs.length < 60, size: 5 },
    }))),
  };
  // uPlot draws on a canvas: no article text is ever parsed as markup.
  new window.uPlot(opts, [xs, ...series], plot);
}
