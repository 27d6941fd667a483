// Issue 14, points 1, 3 and 5 in a real browser (headless Chromium via playwright-core): WCAG 2.2 AA with axe-core on
// every kind of page in kk, ru and en at 390 and 1280 px, the focus outline and its contrast, the skip link, a
// keyboard-only walk from the root page to a checklist, the index from intents, the numbered legal basis one click
// away (and printed open), and the height of the TRP work and PRP pages on a 390×844 phone.
//
// Run by `mvn -B verify` after both sites are published (see pom.xml and the top of changes.test.mjs), or by hand:
//   ./talap publish --as-of 2026-11-21 --out target/published-site && node --test src/test/browser/pages.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AXE, AXE_VERSION, ROOT, SHOTS, fileUrl, noBrowser, openPage, startBrowser } from './browser.mjs';

const SITE = path.resolve(ROOT, process.env.TALAP_SITE ?? 'target/published-site');
const CHANGES = path.resolve(ROOT, process.env.TALAP_CHANGES_SITE ?? 'target/published-changes');
const LANGS = ['kk', 'ru', 'en'];
const WIDTHS = [390, 1280];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

assert.ok(existsSync(path.join(SITE, 'index.html')), `no site in ${SITE}: publish it first`);
assert.ok(existsSync(path.join(CHANGES, 'en', 'changes.html')), `no changes site in ${CHANGES}: publish it first`);

/** Every kind of published page, in each language: [site, page]. */
const KINDS = [[SITE, 'index.html'], ...LANGS.flatMap((lang) => [
  [SITE, `${lang}/index.html`],
  [SITE, `${lang}/trp/trp-work.html`],
  [SITE, `${lang}/prp/index.html`],
  [SITE, `${lang}/prp-pilot/prp-pilot-prp.html`],
  [SITE, `${lang}/accessibility.html`],
  [CHANGES, `${lang}/changes.html`],
])];

let browser;

before(async () => {
  if (!noBrowser) browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

const open = (page, site = SITE) => openPage(browser.context, site, page);

/** axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules: every violation, whatever its impact. */
async function wcagViolations(tab) {
  await tab.addScriptTag({ path: AXE });
  const rules = await tab.evaluate((tags) => globalThis.axe.getRules(tags).length, WCAG_TAGS);
  assert.ok(rules > 50, `only ${rules} axe rules for ${WCAG_TAGS}`);
  const result = await tab.evaluate((tags) => globalThis.axe.run(document,
    { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false }), WCAG_TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test('axe-core finds no WCAG 2.2 AA violation on any kind of page in kk, ru and en at 390 and 1280 px',
  { skip: noBrowser }, async () => {
    const found = [];
    for (const width of WIDTHS) {
      for (const [site, page] of KINDS) {
        const { tab, problems } = await open(page, site);
        await tab.setViewportSize({ width, height: 844 });
        // Closed sections are checked open too: their content is part of the page.
        await tab.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        const name = `${site === CHANGES ? 'changes-' : ''}${page.replaceAll('/', '-').replace('.html', '')}`;
        await tab.screenshot({ path: path.join(SHOTS, `a11y-${name}-${width}.png`), fullPage: true });
        for (const violation of await wcagViolations(tab)) problems.push(`axe ${violation}`);
        found.push(...problems.map((problem) => `${page} at ${width}px: ${problem}`));
        await tab.close();
      }
    }
    console.log(`axe-core ${AXE_VERSION} (${WCAG_TAGS.join(', ')}): ${KINDS.length} pages × ${WIDTHS.length} widths`);
    assert.deepEqual(found, []);
  });

test('the statement names the axe-core version the tests run', () => {
  const en = readFileSync(path.join(SITE, 'en', 'accessibility.html'), 'utf8');
  assert.match(en, new RegExp(`checked automatically with axe-core ${AXE_VERSION.replaceAll('.', '\\.')} `));
});

test('every page has lang, and fragments in another language carry their own', { skip: noBrowser }, async () => {
  for (const [site, page] of KINDS) {
    const { tab } = await open(page, site);
    const lang = page.includes('/') ? page.slice(0, 2) : 'kk';
    assert.equal(await tab.getAttribute('html', 'lang'), lang, page);
    // The language switcher names each language in that language.
    const names = await tab.locator('nav.languages a, .choose-language li, .accessibility-links li')
      .evaluateAll((links) => links.map((a) => [a.textContent.trim(), a.getAttribute('lang')]));
    for (const [name, code] of names) {
      const expected = /Қазақша|Қолжетімділік|Тілді/.test(name) ? 'kk'
        : /Русский|Заявление|Выберите/.test(name) ? 'ru' : 'en';
      assert.equal(code, expected, `${page}: "${name}"`);
    }
    await tab.close();
  }
});

test('the focus outline is visible and has at least 3:1 contrast against the page', { skip: noBrowser }, async () => {
  const { tab } = await open('en/trp/trp-work.html');
  await tab.keyboard.press('Tab');
  await tab.keyboard.press('Tab');
  const focus = await tab.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element, null);
    return { text: element.textContent.trim(), style: style.outlineStyle, width: style.outlineWidth,
      color: style.outlineColor, paper: getComputedStyle(document.body).backgroundColor };
  });
  assert.equal(focus.text, 'Temporary and permanent residence permits in the Republic of Kazakhstan: required documents');
  assert.equal(focus.style, 'solid');
  assert.equal(focus.width, '3px');
  const ratio = contrast(focus.color, focus.paper);
  console.log(`focus outline ${focus.color} on ${focus.paper}: contrast ${ratio.toFixed(2)}:1`);
  assert.ok(ratio >= 3, `contrast ${ratio}`);
  // The check boxes show it too.
  await tab.locator('input[type=checkbox]').first().focus();
  await tab.keyboard.press('Shift+Tab');
  await tab.keyboard.press('Tab');
  assert.equal(await tab.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid');
  await tab.close();
});

/** The WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, bl] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

test('the first Tab reaches the skip link, shown on focus, and Enter moves to the main content',
  { skip: noBrowser }, async () => {
    const { tab, problems } = await open('ru/prp/index.html');
    await tab.setViewportSize({ width: 390, height: 844 });
    await tab.keyboard.press('Tab');
    assert.equal(await tab.evaluate(() => document.activeElement.textContent), 'Перейти к основному содержанию');
    const box = await tab.locator('.skip-link').boundingBox();
    assert.ok(box.y >= 0 && box.y < 844 && box.width > 0, `skip link at ${JSON.stringify(box)}`);
    await tab.screenshot({ path: path.join(SHOTS, 'ru-prp-skip-link-390.png') });
    await tab.keyboard.press('Enter');
    assert.equal(new URL(tab.url()).hash, '#main');
    // The next Tab starts in the main content: the "Public services" crumb, not the language switcher.
    await tab.keyboard.press('Tab');
    assert.equal(await tab.evaluate(() => document.activeElement.closest('main')?.id), 'main');
    assert.deepEqual(problems, []);
    await tab.close();
  });

/** Presses Tab until the focused element's text is `text` (at most `limit` times); returns the presses. */
async function tabTo(tab, text, limit = 60) {
  for (let presses = 1; presses <= limit; presses++) {
    await tab.keyboard.press('Tab');
    const focused = await tab.evaluate(() => document.activeElement?.textContent.trim());
    if (focused === text) return presses;
  }
  throw new Error(`no focusable "${text}" within ${limit} Tab presses on ${tab.url()}`);
}

test('keyboard only: from the root page to the English TRP work checklist, ticking a box', { skip: noBrowser },
  async () => {
    const { tab, problems } = await open('index.html');
    await tab.setViewportSize({ width: 390, height: 844 });
    await tabTo(tab, 'English\nTemporary and permanent residence permits in the Republic of Kazakhstan: required documents');
    await Promise.all([tab.waitForURL(fileUrl(SITE, 'en/index.html')), tab.keyboard.press('Enter')]);
    const presses = await tabTo(tab, 'Work');
    await Promise.all([tab.waitForURL(fileUrl(SITE, 'en/trp/trp-work.html')), tab.keyboard.press('Enter')]);
    assert.equal(await tab.textContent('h1'), 'Work');
    await tabTo(tab, '');
    assert.equal(await tab.evaluate(() => document.activeElement.id), 'doc-trp-req-application');
    await tab.keyboard.press('Space');
    assert.equal(await tab.locator('#doc-trp-req-application').isChecked(), true);
    await tab.screenshot({ path: path.join(SHOTS, 'en-trp-work-keyboard-390.png') });
    console.log(`keyboard walk: "Work" is ${presses} Tab presses into the English index`);
    assert.deepEqual(problems, []);
    await tab.close();
  });

test('the index starts from what the applicant wants to do; the register is one link away', { skip: noBrowser },
  async () => {
    const { tab, problems } = await open('en/index.html');
    await tab.setViewportSize({ width: 390, height: 844 });
    await tab.screenshot({ path: path.join(SHOTS, 'en-index-intents-390.png') });
    assert.deepEqual(await tab.locator('section.intent h3').allTextContents(), [
      'I want to live in Kazakhstan temporarily', 'I want to live in Kazakhstan permanently',
      'My residence permit card expires, was lost or damaged', 'I want to take part in a pilot programme']);
    // The first intent is on the first phone screen.
    const first = await tab.locator('section.intent h3').first().boundingBox();
    assert.ok(first.y + first.height <= 844, `first intent at ${first.y}px`);
    await tab.getByRole('link', { name: 'All public services' }).click();
    assert.equal(new URL(tab.url()).hash, '#services');
    await tab.getByRole('link', { name: 'Replacing a lost card' }).first().click();
    assert.equal(tab.url(), fileUrl(SITE, 'en/rp-card/rp-card-replacement.html'));
    assert.deepEqual(problems, []);
    await tab.close();
  });

test('a reference opens the closed Legal basis section at its citation', { skip: noBrowser }, async () => {
  const { tab, problems } = await open('ru/trp/trp-work.html');
  assert.equal(await tab.locator('#law-5').isVisible(), false, 'the section starts closed');
  await tab.locator('a.ref[href="#law-5"]').first().click();
  assert.equal(await tab.locator('#law-5').isVisible(), true);
  assert.equal(await tab.locator('#law-5').textContent(), 'Приказ Министра внутренних дел РК от 4 декабря 2015 года '
    + '№ 992, приложение 1-1, пункт 8, абзац 3');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('in print every closed section is open and every document has its box', { skip: noBrowser }, async () => {
  const { tab, problems } = await open('en/trp/trp-work.html');
  await tab.emulateMedia({ media: 'print' });
  for (const selector of ['#law-1', '.grounds li', '.hours li', '#appeal']) {
    assert.equal(await tab.locator(selector).first().isVisible(), true, selector);
  }
  const boxes = await tab.locator('.checklist input[type=checkbox]').evaluateAll((inputs) => inputs.map((box) => {
    const style = getComputedStyle(box);
    return `${box.id}: ${style.borderTopStyle} ${style.display}`;
  }));
  assert.equal(boxes.length, 12);
  for (const box of boxes) assert.match(box, /: solid inline-block$|: solid block$/);
  await tab.pdf({ path: path.join(SHOTS, 'en-trp-work-print.pdf'), format: 'A4', preferCSSPageSize: true });
  assert.deepEqual(problems, []);
  await tab.close();
});

test('on a 390×844 phone the English TRP work page is at most 9,300 px high and PRP 9,800 px; none over 13,000 px',
  { skip: noBrowser }, async () => {
  const heights = {};
  for (const lang of LANGS) {
    for (const page of ['trp/trp-work.html', 'prp/index.html']) {
      const { tab } = await open(`${lang}/${page}`);
      await tab.setViewportSize({ width: 390, height: 844 });
      heights[`${lang}/${page}`] = await tab.evaluate(() => document.documentElement.scrollHeight);
      if (lang === 'en') {
        await tab.screenshot({ path: path.join(SHOTS, `en-${page.split('/')[0]}-390.png`), fullPage: true });
      }
      await tab.close();
    }
  }
  console.log('page heights at 390×844: ' + Object.entries(heights)
    .map(([page, px]) => `${page} ${px}px (${(px / 844).toFixed(1)} screens)`).join(', '));
  // Measured 8788 px (TRP work) and 9429 px (PRP) in English; 14882 and 19670 before issue 14.
  assert.ok(heights['en/trp/trp-work.html'] <= 9300, `en TRP work ${heights['en/trp/trp-work.html']}px`);
  assert.ok(heights['en/prp/index.html'] <= 9800, `en PRP ${heights['en/prp/index.html']}px`);
  for (const [page, px] of Object.entries(heights)) assert.ok(px <= 13000, `${page}: ${px}px`);
});
