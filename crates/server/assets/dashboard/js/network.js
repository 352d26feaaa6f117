// Who acts on whom (Cytoscape.js): nodes are actors, an edge is the events
// one actor directs at another, its width their number and its colour
// how cooperative they are. Labels are drawn on a canvas, never as markup.

import { h, fill } from './dom.js';
import { get } from './api.js';

/** Green for cooperation, red for conflict, mixed in between. */
function colour(link) {
  const total = link.cooperative + link.conflictual;
  if (!total) return '#888888';
  const c = link.conflictual / total;
  const r = Math.round(60 + c * (192 - 60));
  const g = Math.round(140 - c * (140 - 57));
  const b = Math.round(80 - c * (80 - 43));
  return `rgb(${r},${g},${b})`;
}

export async function network(el, params, onActor) {
  const p = new URLSearchParams(params);
  p.set('limit', '80');
  const { links } = await get('/api/network', p);
  const box = h('div', { class: 'graph', role: 'img', 'aria-label': 'Network of actors acting on each other' });
  const legend = h('p', { class: 'legend' },
    h('span', { class: 'swatch coop' }), ' cooperative  ', h('span', { class: 'swatch conf' }), ' conflictual — width: events. Click an actor to filter by it.');
  fill(el, box, legend);
  if (!links.length) {
    return fill(box, h('p', { class: 'empty' }, 'No event with both a source and a target matches.'));
  }
  const nodes = new Map();
  const node = (name, code) => {
    if (!nodes.has(name)) nodes.set(name, { data: { id: `n${nodes.size}`, label: code && code !== name ? `${name} (${code})` : name, name, events: 0 } });
    return nodes.get(name);
  };
  const max = Math.max(...links.map((l) => l.events));
  const edges = links.map((l, i) => {
    const s = node(l.source, l.source_code);
    const t = node(l.target, l.target_code);
    s.data.events += l.events;
    t.data.events += l.events;
    return { data: { id: `e${i}`, source: s.data.id, target: t.data.id, weight: l.events, colour: colour(l) } };
  });
  const cy = window.cytoscape({
    container: box,
    elements: [...nodes.values(), ...edges],
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#3b6ea5', width: 14, height: 14, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#222' } },
      { selector: 'edge', style: { width: `mapData(weight, 1, ${Math.max(2, max)}, 1.5, 9)`, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
    ],
    layout: { name: nodes.size > 2 ? 'cose' : 'grid', animate: false, padding: 20 },
  });
  cy.on('tap', 'node', (evt) => onActor(evt.target.data('name')));
  return cy;
}
