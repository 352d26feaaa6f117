// Where events happened (Leaflet, offline): a Natural Earth base map drawn
// from the bundled world-atlas file, clustered markers from /api/places,
// and the events of a place listed when its marker is clicked.

import { h, fill } from './dom.js';
import { get } from './api.js';
import { eventTable } from './lists.js';

let baseMap = null;

async function countries() {
  if (!baseMap) {
    const r = await fetch('/static/vendor/countries-50m.json');
    const topo = await r.json();
    baseMap = window.topojson.feature(topo, topo.objects.countries);
  }
  return baseMap;
}

/** A place's marker: its count as text, its name in the title. */
function marker(place, onClick) {
  const L = window.L;
  const label = h('span', {}, String(place.events));
  const where = [place.location, place.country].filter(Boolean).join(', ') || `${place.lat}, ${place.lon}`;
  const m = L.marker([place.lat, place.lon], {
    title: `${where}: ${place.events} event${place.events > 1 ? 's' : ''}`,
    alt: where,
    icon: L.divIcon({ className: 'place-icon', html: label, iconSize: [30, 30] }),
    keyboard: true,
  });
  m.on('click', () => onClick(place, where));
  return m;
}

export async function eventMap(el, params) {
  const L = window.L;
  const box = h('div', { class: 'map', role: 'region', 'aria-label': 'Map of event locations' });
  const list = h('div', { class: 'place-events', 'aria-live': 'polite' },
    h('p', { class: 'hint' }, 'Click a marker to list its events.'));
  fill(el, box, list);
  const map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true });
  map.attributionControl.setPrefix('Leaflet · Natural Earth');
  map.setView([5, 100], 2);
  const [world, { places }] = await Promise.all([countries(), get('/api/places', params)]);
  // The view changed while the data loaded: this map is no longer shown,
  // and the caller never got it to remove.
  if (!box.isConnected) {
    map.remove();
    return null;
  }
  L.geoJSON(world, { interactive: false, style: { color: '#8a8a8a', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 } }).addTo(map);
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  const show = async (place, where) => {
    fill(list, h('p', { class: 'loading' }, `Loading the events at ${where}…`));
    const d = 0.0005;
    const p = new URLSearchParams(params);
    p.set('bbox', [place.lon - d, place.lat - d, place.lon + d, place.lat + d].map((x) => x.toFixed(5)).join(','));
    p.set('limit', '200');
    try {
      const { events } = await get('/api/events', p);
      fill(list, h('h3', {}, `Events at ${where}`), eventTable(events));
    } catch (e) {
      fill(list, h('p', { class: 'error' }, e.message));
    }
  };
  for (const place of places) cluster.addLayer(marker(place, show));
  map.addLayer(cluster);
  if (places.length) {
    const bounds = L.latLngBounds(places.map((p) => [p.lat, p.lon]));
    // Not animated: a view change during a zoom animation removes the map
    // under it, and Leaflet then reads the panes it has dropped.
    map.fitBounds(bounds.pad(0.3), { maxZoom: 6, animate: false });
  } else {
    list.replaceChildren(h('p', { class: 'empty' }, 'No event with a known place matches.'));
  }
  // The panel may have been laid out after the map measured itself.
  setTimeout(() => { if (box.isConnected) map.invalidateSize(); }, 0);
  return map;
}
