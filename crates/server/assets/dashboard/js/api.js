// The API as the dashboard calls it: JSON in, a readable error out, and a
// count of requests in flight for the status line.

let pending = 0;
const listeners = new Set();

export function onBusy(f) { listeners.add(f); }

function busy(delta) {
  pending += delta;
  for (const f of listeners) f(pending);
}

export async function get(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  busy(1);
  try {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (_) { /* not JSON */ }
    if (!r.ok) throw new Error((body && body.error) || `${r.status} ${r.statusText}`);
    return body;
  } finally {
    busy(-1);
  }
}

/** The 16 PLOVER types, in the order of the codebook. */
export const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

/** GDELT's quad classes. */
export const QUADS = { 1: 'Verbal cooperation', 2: 'Material cooperation', 3: 'Verbal conflict', 4: 'Material conflict' };
export const QUAD_COLOURS = { 1: '#4c9f70', 2: '#1f6f43', 3: '#e08a2c', 4: '#c0392b' };
