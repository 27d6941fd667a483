// The "what changed" pages (talap publish --previous) in a real browser, like site.test.mjs: headless Chromium via
// playwright-core, axe-core, and the Nu HTML checker. The site is the shipped catalogue with three edits (the PRP
// state duty, a removed document, a Russian text), published with the shipped catalogue as the previous version.
//
// Run by `mvn -B verify` (see pom.xml), or by hand:
//   java -cp target/test-classes:target/talap-0.1.0-all.jar kz.talap.cli.ShippedCatalogue target/edited-catalogue
//   ./talap publish --as-of 2026-11-21 --catalogue target/edited-catalogue --previous catalogue \
//       --out target/published-changes
//   TALAP_CHANGES_SITE=target/published-changes node --test src/test/browser/changes.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, fileUrl, htmlFiles, noBrowser, nuCheck, openPage, pageProblems, startBrowser }
  from './browser.mjs';

const SITE = path.resolve(ROOT, process.env.TALAP_CHANGES_SITE ?? 'target/published-changes');
const LANGS = ['kk', 'ru', 'en'];
const PAGES = LANGS.flatMap((lang) => [`${lang}/changes.html`, `${lang}/index.html`]);

assert.ok(existsSync(path.join(SITE, 'en', 'changes.html')),
  `no changes site in ${SITE}: publish it first (see the top of this file)`);

const url = (page) => fileUrl(SITE, page);

let browser;

before(async () => {
  if (!noBrowser) browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

const open = (page) => openPage(browser.context, SITE, page);

test('publish --previous adds one changes page per language and nothing else', () => {
  // The questionnaire pages are tested by questionnaire.test.mjs.
  const pages = htmlFiles(SITE).filter((page) => !page.includes('/q/'));
  for (const page of PAGES) assert.ok(pages.includes(page), `${page} is missing`);
  assert.equal(pages.length, 49);
});

test('the changes pages need no JavaScript and load nothing from outside the site', () => {
  for (const page of PAGES) {
    const html = readFileSync(path.join(SITE, page), 'utf8');
    assert.doesNotMatch(html, /<script/i, `${page} has a script`);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, `${page} refers to an external resource`);
  }
});

test('the Nu HTML checker finds no errors on the changes pages and the indexes that link them', () => {
  assert.deepEqual(nuCheck(SITE, PAGES.map((page) => path.join(SITE, page))).errors, []);
});

test('the changes pages open without console errors and without serious or critical axe violations',
  { skip: noBrowser }, async () => {
    const found = await pageProblems(browser.context, SITE, PAGES);
    assert.deepEqual(found, []);
  });

test('each index links to its changes page, and the language switcher keeps to it', { skip: noBrowser }, async () => {
  const { tab, problems } = await open('en/index.html');
  await tab.getByRole('link', { name: 'What changed' }).click();
  assert.equal(tab.url(), url('en/changes.html'));
  assert.match(await tab.textContent('h1'), /What changed/);
  assert.equal(await tab.locator('li.change').count(), 2);
  await tab.screenshot({ path: path.join(SHOTS, 'en-changes.png'), fullPage: true });
  await tab.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Русский' }).click();
  assert.equal(tab.url(), url('ru/changes.html'));
  assert.equal(await tab.locator('li.change').count(), 3);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('the changes page fits a phone and prints without the navigation', { skip: noBrowser }, async () => {
  const { tab, problems } = await open('ru/changes.html');
  await tab.setViewportSize({ width: 360, height: 740 });
  await tab.screenshot({ path: path.join(SHOTS, 'ru-changes-phone.png'), fullPage: true });
  const width = await tab.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width}px wide on a 360px phone`);
  await tab.emulateMedia({ media: 'print' });
  assert.equal(await tab.locator('nav.languages').isVisible(), false);
  await tab.pdf({ path: path.join(SHOTS, 'ru-changes-print.pdf'), format: 'A4', preferCSSPageSize: true });
  assert.deepEqual(problems, []);
  await tab.close();
});
