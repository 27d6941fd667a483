// The published site in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
// Every page is opened from file:// and checked for console errors, requests that leave the site, and axe-core
// accessibility violations; the language switcher is followed; screenshots go to target/screenshots/.
// Every page also passes the Nu HTML checker (vnu.jar from the vnu-jar package) without errors.
//
// Run by `mvn -B verify` after the site is published to target/published-site (see pom.xml), or by hand:
//   ./talap publish --as-of 2026-11-21 --out target/published-site && node --test src/test/browser/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AXE_VERSION, ROOT, SHOTS, fileUrl, htmlFiles, noBrowser, nuCheck, openPage, pageProblems, startBrowser }
  from './browser.mjs';

const SITE = path.resolve(ROOT, process.env.TALAP_SITE ?? 'target/published-site');


const url = (page) => fileUrl(SITE, page);

assert.ok(existsSync(path.join(SITE, 'index.html')),
  `no site in ${SITE}: publish it first (./talap publish --as-of 2026-11-21 --out target/published-site)`);
// The questionnaire pages ({lang}/.../q/*.html, hundreds) have their own test: questionnaire.test.mjs.
const PAGES = htmlFiles(SITE).filter((page) => !page.includes('/q/'));

let browser;

before(async () => {
  if (!noBrowser) browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

const open = (page) => openPage(browser.context, SITE, page);

test('the site has a root page, an index per language and every service page in kk, ru and en', () => {
  assert.ok(PAGES.includes('index.html'));
  for (const lang of ['kk', 'ru', 'en']) {
    for (const page of ['index.html', 'prp/index.html', 'trp/trp-work.html', 'trp/trp-study.html',
      'rp-card/rp-card-renewal.html', 'rp-card/rp-card-replacement.html', 'prp-pilot/prp-pilot-prp.html',
      'prp-pilot/prp-pilot-kandas.html']) {
      assert.ok(PAGES.includes(`${lang}/${page}`), `${lang}/${page} is missing`);
    }
  }
  // The IT pilot was a draft planned until the end of 2025: no longer published as of 2026-11-21.
  assert.ok(!PAGES.some((p) => p.includes('it-pilot')));
  assert.equal(PAGES.length, 46);
});

test('pages need no JavaScript and load nothing from outside the site', () => {
  for (const page of PAGES) {
    const html = readFileSync(path.join(SITE, page), 'utf8');
    assert.doesNotMatch(html, /<script/i, `${page} has a script`);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, `${page} refers to an external resource`);
  }
});

test('the Nu HTML checker finds no errors on any page or in the stylesheet', () => {
  const files = PAGES.map((page) => path.join(SITE, page));
  const { errors, warnings } = nuCheck(SITE, files, ['--also-check-css', path.join(SITE, 'site.css')]);
  console.log(`Nu HTML checker: ${files.length} pages and site.css, ${errors.length} errors, ${warnings} warnings`);
  assert.deepEqual(errors, []);
});

test('every page opens from file:// without console errors and without serious or critical axe violations',
  { skip: noBrowser }, async () => {
    const found = await pageProblems(browser.context, SITE, PAGES);
    console.log(`axe-core ${AXE_VERSION}: `
      + `${PAGES.length} pages checked in Chromium`);
    assert.deepEqual(found, []);
  });

test('the language switcher leads to the same page in the other languages', { skip: noBrowser }, async () => {
  const { tab, problems } = await open('en/trp/trp-work.html');
  await tab.screenshot({ path: path.join(SHOTS, 'en-trp-work.png'), fullPage: true });
  await tab.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Русский' }).click();
  assert.equal(tab.url(), url('ru/trp/trp-work.html'));
  assert.equal(await tab.getAttribute('html', 'lang'), 'ru');
  assert.equal(await tab.textContent('h1'), 'Работа');
  assert.match(await tab.textContent('p.official'), /в целях осуществления трудовой деятельности/);
  await tab.screenshot({ path: path.join(SHOTS, 'ru-trp-work.png'), fullPage: true });
  await tab.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Қазақша' }).click();
  assert.equal(tab.url(), url('kk/trp/trp-work.html'));
  assert.equal(await tab.getAttribute('html', 'lang'), 'kk');
  await tab.screenshot({ path: path.join(SHOTS, 'kk-trp-work.png'), fullPage: true });
  await tab.getByRole('navigation', { name: 'Тіл' }).getByRole('link', { name: 'English' }).click();
  assert.equal(tab.url(), url('en/trp/trp-work.html'));
  assert.deepEqual(problems, []);
  await tab.close();
});

test('the root page leads to each language and the index to each service', { skip: noBrowser }, async () => {
  const { tab, problems } = await open('index.html');
  await tab.screenshot({ path: path.join(SHOTS, 'root.png'), fullPage: true });
  await tab.getByRole('link', { name: /Русский/ }).click();
  assert.equal(tab.url(), url('ru/index.html'));
  await tab.getByRole('link', { name: 'Постоянное жительство', exact: true }).first().click();
  assert.equal(tab.url(), url('ru/prp/index.html'));
  await tab.screenshot({ path: path.join(SHOTS, 'ru-prp.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await tab.close();
});

test('check boxes can be ticked without JavaScript and the page fits a phone', { skip: noBrowser }, async () => {
  const { tab, problems } = await open('kk/prp/index.html');
  await tab.setViewportSize({ width: 360, height: 740 });
  await tab.screenshot({ path: path.join(SHOTS, 'kk-prp-phone.png'), fullPage: false });
  const box = tab.locator('input[type=checkbox]').first();
  await tab.locator('label').first().click();
  assert.equal(await box.isChecked(), true);
  const width = await tab.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width}px wide on a 360px phone`);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('the print stylesheet hides navigation and prints the check boxes on A4', { skip: noBrowser }, async () => {
  const { tab, problems } = await open('en/prp/index.html');
  await tab.emulateMedia({ media: 'print' });
  assert.equal(await tab.locator('nav.languages').isVisible(), false);
  assert.equal(await tab.locator('nav.crumbs').isVisible(), false);
  const border = await tab.locator('input[type=checkbox]').first()
    .evaluate((box) => getComputedStyle(box).borderTopStyle);
  assert.equal(border, 'solid');
  await tab.pdf({ path: path.join(SHOTS, 'en-prp-print.pdf'), format: 'A4', preferCSSPageSize: true });
  assert.deepEqual(problems, []);
  await tab.close();
});
