// Event counts over time (uPlot): one line per quad class or per PLOVER type.

import { h, fill, done } from './dom.js';
import { get, PLOVER, QUADS, QUAD_COLOURS } from './api.js';

const TYPE_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666',
  '#1f78b4', '#b2df8a', '#fb9a99', '#fdbf6f', '#cab2d6', '#ffff99', '#8dd3c7', '#bc80bd'];

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
  const dated = counts.filter((c) => c.period);
  if (!dated.length) return fill(plot, h('p', { class: 'empty' }, 'No dated event matches.'));
  const days = [...new Set(dated.map((c) => c.period))].sort();
  const keys = group === 'quad'
    ? [1, 2, 3, 4].filter((q) => dated.some((c) => c.quad_class === q))
    : PLOVER.filter((t) => dated.some((c) => c.plover === t));
  const index = new Map(days.map((d, i) => [d, i]));
  const series = keys.map(() => days.map(() => 0));
  for (const c of dated) {
    const k = keys.indexOf(group === 'quad' ? c.quad_class : c.plover);
    series[k][index.get(c.period)] += c.events;
  }
  const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const width = Math.max(280, plot.clientWidth || el.clientWidth || 600);
  const opts = {
    width, height: 220,
    scales: { x: { time: true } },
    series: [{}].concat(keys.map((k, i) => ({
      label: group === 'quad' ? QUADS[k] : k,
      stroke: group === 'quad' ? QUAD_COLOURS[k] : TYPE_COLOURS[i % TYPE_COLOURS.length],
      width: 2,
      points: { show: true, size: 6 },
    }))),
  };
  // uPlot draws on a canvas: no article text is ever parsed as markup.
  new window.uPlot(opts, [xs, ...series], plot);
}
