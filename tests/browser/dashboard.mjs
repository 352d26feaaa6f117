// End-to-end tests of the dashboard in a real browser: Debian's chromium,
// driven headless by playwright-core. crates/cli/tests/browser.rs starts
// `warta serve` over a store holding the bundled example and runs this:
//
//   node tests/browser/dashboard.mjs BASE_URL OUT_DIR INGEST_TOKEN
//
// It exits non-zero, saying why, when anything a user would notice fails.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const [base, out, token] = process.argv.slice(2);
if (!base || !out || !token) {
  console.error('usage: dashboard.mjs BASE_URL OUT_DIR INGEST_TOKEN');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // As root in a container chromium needs --no-sandbox; the rest keep it
  // from calling out to a network this machine does not have.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

/** A page that fails the run on any script error, dialog or refused
 * resource (a CSP violation means part of the dashboard does not work). */
async function watchedPage(viewport) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported with their address by 'response' below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  page.on('dialog', async (d) => { problems.push(`a dialog opened: ${d.message()}`); await d.dismiss(); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} for ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push(`request to another origin: ${r.url()}`);
  });
  return { page, problems };
}

let failed = 0;
async function check(name, f) {
  try {
    await f();
    console.log(`ok: ${name}`);
  } catch (e) {
    failed++;
    console.error(`FAILED: ${name}\n  ${e.stack || e}`);
  }
}

await check('an analyst searches, opens the seed article, sees Kim Jong Un and the SUPPORT event, and a marker at Sievierodonetsk', async () => {
  const { page, problems } = await watchedPage({ width: 1366, height: 900 });
  await page.goto(base + '/');
  await page.locator('#results ol.articles, #results .empty').first().waitFor();
  // search with the box
  await page.fill('#filters input[name=q]', 'Putin');
  await page.press('#filters input[name=q]', 'Enter');
  await page.waitForFunction(() => location.hash.includes('q=Putin'));
  const hit = page.locator('#results ol.articles a.title').first();
  await hit.waitFor();
  assert.match(await page.locator('#results .snippet mark').first().innerText(), /Putin/i);
  // the timeline, network and events panels have drawn
  await page.locator('#timeline .plot canvas').first().waitFor();
  await page.locator('#network .graph canvas').first().waitFor();
  await page.locator('#events table.events').waitFor();
  assert.ok(await page.locator('#events tr[data-plover=SUPPORT]').count() >= 1, 'SUPPORT in the event table');
  // the map: a marker at Sievierodonetsk, listing its events when clicked
  const marker = page.locator('.place-icon[title*="donetsk"]');
  await marker.waitFor();
  await marker.click();
  await page.locator('.place-events table.events').waitFor();
  assert.match(await page.locator('.place-events').innerText(), /ASSAULT/);
  await page.screenshot({ path: `${out}/dashboard.png`, fullPage: true });
  // open the article
  await hit.click();
  await page.locator('.doc-text').waitFor();
  const kim = page.locator('.doc-text mark.ent-PER', { hasText: 'Kim Jong Un' }).first();
  await kim.waitFor();
  assert.equal(await kim.innerText(), 'Kim Jong Un');
  assert.match(await kim.getAttribute('title'), /PRKGOV/);
  const events = page.locator('ol.doc-events li[data-plover=SUPPORT]');
  assert.ok(await events.count() >= 1, 'the SUPPORT event is listed');
  assert.match(await events.first().innerText(), /Kim Jong Un.*→.*Vladimir Putin/s);
  assert.ok(await page.locator('.doc-text .trigger').count() >= 1, 'event triggers highlighted');
  assert.ok(await page.locator('.doc-text .quote').count() >= 1, 'quotes highlighted');
  await page.screenshot({ path: `${out}/article.png`, fullPage: true });
  // the link is the view: reloading keeps the article
  await page.reload();
  await page.locator('.doc-text mark.ent-PER').first().waitFor();
  // its story
  await page.locator('.doc a[href*="story="]').first().click();
  await page.locator('#story-articles ol.articles li').first().waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

await check('the dashboard is readable on a phone (nothing wider than the screen)', async () => {
  const { page, problems } = await watchedPage({ width: 390, height: 844 });
  await page.goto(base + '/#q=Putin');
  await page.locator('#results ol.articles a.title').first().waitFor();
  await page.locator('#map .place-icon').first().waitFor();
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner + 1, `page ${scroll}px wide on a ${inner}px screen`);
  await page.screenshot({ path: `${out}/phone.png`, fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

await check('an article full of markup and script is shown as text and runs nothing', async () => {
  const nasty = [
    'Berita uji <script>window.__pwned = "script"; alert("script")</script> di Jakarta.',
    'Gambar <img src=x onerror="window.__pwned = \'onerror\'; alert(\'onerror\')"> tanpa sumber.',
    'Tautan <a href="javascript:window.__pwned = \'link\'">klik di sini</a> dan [klik](javascript:alert(1)).',
    'Presiden Joko Widodo bertemu Perdana Menteri Anwar Ibrahim di Jakarta pada Senin (5/6/2023).',
  ].join('\n\n');
  const r = await fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: 'Uji <img src=x onerror=alert(1)> judul', url: 'javascript:alert(document.domain)', text: nasty }),
  });
  const posted = await r.text();
  assert.equal(r.status, 201, posted);
  const { id } = JSON.parse(posted);
  const { page, problems } = await watchedPage({ width: 1280, height: 900 });
  await page.goto(`${base}/#article=${id}`);
  await page.locator('.doc-text').waitFor();
  const text = await page.locator('.doc-text').innerText();
  assert.match(text, /<script>window.__pwned/, 'the markup is shown as text');
  assert.match(await page.locator('.doc-title').innerText(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
  assert.equal(await page.locator('#main script, #main img, #main iframe').count(), 0, 'no element came from the article');
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'no javascript: link');
  // the search lists it too, as text
  await page.goto(`${base}/#q=Berita%20uji`);
  await page.locator('#results ol.articles a.title').first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran in the search');
  assert.equal(await page.locator('#main img').count(), 0);
  await page.screenshot({ path: `${out}/markup-as-text.png` });
  assert.deepEqual(problems, []);
  await page.close();
});

await browser.close();
if (failed) {
  console.error(`${failed} browser check(s) failed`);
  process.exit(1);
}
