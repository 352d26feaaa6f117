// The dashboard's state lives in the URL's fragment, so a link is the view:
// `#q=Putin&type=SUPPORT`, `#article=<id>&q=Putin`, `#story=12`.

/** Filters every list takes (the events' own, and the search text). */
export const FILTERS = ['q', 'from', 'to', 'type', 'modality', 'actor', 'country', 'site'];

export function read() {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

/** Sets the fragment to `params` (empty values left out). */
export function go(params) {
  const clean = new URLSearchParams();
  for (const [k, v] of params) if (v !== '' && v !== null && v !== undefined) clean.set(k, v);
  const next = '#' + clean.toString();
  if (location.hash !== next) location.hash = next;
}

/** A link to the view `extra` keeps the current filters. */
export function hrefWith(extra) {
  const p = new URLSearchParams();
  const now = read();
  for (const k of FILTERS) if (now.get(k)) p.set(k, now.get(k));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return '#' + p.toString();
}

/** The event filters of the state as API parameters (no search text). */
export function eventParams(state, extra = {}) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (k !== 'q' && state.get(k)) p.set(k, state.get(k));
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) p.set(k, v);
  return p;
}
