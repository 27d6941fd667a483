// The questionnaire in a real browser: three applicants answer the questions with the keyboard only (Tab, Enter),
// from file://, and the checklist they reach must hold exactly the documents `talap check` finds missing for the same
// facts. Which documents of a "one of" group apply is asked of `talap check` too: a group member applies when
// presenting it alone satisfies the group. The groups' members come from the compiled catalogue (`talap compile`).
// Screenshots at 390 and 1280 px and in print go to target/screenshots/questionnaire/; every questionnaire page passes
// the Nu HTML checker, and every page the applicants see passes axe-core's WCAG 2.0/2.1/2.2 A and AA rules.
//
// Run by `mvn -B verify` (see pom.xml), or by hand after `mvn -B -q -DskipTests package`:
//   ./talap publish --as-of 2026-11-21 --out target/published-site && node --test src/test/browser/questionnaire.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AXE, ROOT, SHOTS, htmlFiles, noBrowser, nuCheck, openPage, startBrowser } from './browser.mjs';

const SITE = path.resolve(ROOT, process.env.TALAP_SITE ?? 'target/published-site');
const JAR = process.env.TALAP_JAR
  ?? path.join(ROOT, 'target', readdirSync(path.join(ROOT, 'target')).find((f) => f.endsWith('-all.jar')));
const AS_OF = '2026-11-21';
const QSHOTS = path.join(SHOTS, 'questionnaire');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WORK = mkdtempSync(path.join(tmpdir(), 'talap-questionnaire-'));

const slug = (code) => `doc-${code.toLowerCase().replaceAll('_', '-')}`;
const tokenOf = (href) => href.replace(/(\.check)?\.html$/, '').split('_').pop();

/** The compiled catalogue, for the members of each "one of" group. */
const CATALOGUE = (() => {
  const file = path.join(WORK, 'catalogue.json');
  const run = spawnSync('java', ['-jar', JAR, 'compile', '--as-of', AS_OF, '--out', file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(readFileSync(file, 'utf8')).catalogue;
})();

/** The three applicants: where they start, how they answer (by fact, on the link's token), and their submission. */
const APPLICANTS = [
  {
    name: 'trp-work-eaeu-owns-housing',
    start: 'en/trp/trp-work.html',
    link: (a) => a.text === 'Answer a few questions to get your own list',
    answers: {
      aifc_investment_resident: 'no', citizenship: 'eaeu', owns_housing: 'yes', work_permit_not_required: 'no',
    },
    submission: {
      service: 'TRP', subtype: 'TRP_WORK', channel: 'STATE_CORP',
      facts: {
        citizenship: 'RU', birth_date: '1990-05-01', aifc_investment_resident: false, owns_housing: true,
        work_permit_not_required: false,
      },
    },
  },
  {
    name: 'prp-minor-with-parents',
    start: 'en/index.html',
    link: (a) => a.href === 'prp/q/index.html',
    answers: {
      arrived_with_parents: 'yes', representative_resident: 'yes', other_parent_abroad: 'no', age: 15,
      refugee: 'no', citizenship: 'other', citizenship_via_foreign_mission: 'no', permanently_registered: 'no',
      ethnic_kazakh: 'no', in_demand_occupation: 'no', anyOf: 'no',
    },
    submission: {
      service: 'PRP', channel: 'PROVIDER',
      facts: {
        citizenship: 'UZ', birth_date: '2011-03-01', arrived_with_parents: true, representative_resident: true,
        other_parent_abroad: false, refugee: false, citizenship_via_foreign_mission: false,
        permanently_registered: false, ethnic_kazakh: false, in_demand_occupation: false, former_compatriot: false,
        born_or_former_citizen_kz: false, simplified_citizenship_treaty: false, family_of_exempt_person: false,
      },
    },
  },
  {
    // No answer changes the list of a lost card's replacement: its page is the applicant's list. The catalogue has
    // no documents for it (the published rules list none), and talap check requires none: both lists are empty.
    name: 'rp-card-lost',
    none: 'The published rules give no list of documents for this service; ask the service provider.',
    start: 'en/index.html',
    link: (a) => a.href === 'rp-card/rp-card-replacement.html',
    answers: null,
    submission: {
      service: 'RP_CARD', subtype: 'RP_CARD_REPLACEMENT', channel: 'STATE_CORP',
      facts: { citizenship: 'UZ', birth_date: '1985-01-15', card_lost_on: '2026-11-18' },
    },
  },
];

/** The documents `talap check` finds missing for an applicant without documents, as check-box ids. */
function required(applicant) {
  const base = { format: 'talap-submission/1', submitted_at: `${AS_OF}T12:00`, ...applicant.submission };
  const write = (name, documents) => {
    const file = path.join(WORK, `${applicant.name}-${name}.json`);
    writeFileSync(file, JSON.stringify({ ...base, id: name, documents }));
    return file;
  };
  const check = (files) => {
    const run = spawnSync('java', ['-jar', JAR, 'check', '--format', 'json', ...files], { encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return JSON.parse(run.stdout).results;
  };
  const [empty] = check([write('empty', [])]);
  const ids = new Set();
  const probes = [];
  for (const finding of empty.findings) {
    if (finding.kind === 'MISSING_DOCUMENT') ids.add(slug(finding.subject));
    if (finding.kind === 'MISSING_ONE_OF') {
      for (const r of CATALOGUE.requirements) {
        if (r.group === finding.subject && r.service === base.service
          && (r.subtype === undefined || r.subtype === base.subtype)) {
          probes.push({ group: r.group, code: r.code, file: write(r.code, [{ code: r.document }]) });
        }
      }
    }
  }
  if (probes.length > 0) {
    const results = check(probes.map((p) => p.file));
    probes.forEach((probe, i) => {
      const stillMissing = results[i].findings.some((f) => f.kind === 'MISSING_ONE_OF' && f.subject === probe.group);
      if (!stillMissing) ids.add(slug(probe.code));
    });
  }
  return [...ids].sort();
}

let browser;
const visited = [];

before(async () => {
  mkdirSync(QSHOTS, { recursive: true });
  if (!noBrowser) browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

/** The focused element, if it is a link: its href, its text, whether it is an answer, and its outline. */
const focused = (tab) => tab.evaluate(() => {
  const a = document.activeElement;
  if (!a || a.tagName !== 'A') return null;
  return {
    href: a.getAttribute('href'), text: a.textContent.trim(), answer: a.closest('ul.answers') !== null,
    outline: getComputedStyle(a).outlineStyle,
  };
});

/** Presses Tab until a link that matches has the focus (visibly), then Enter; waits for the next page. */
async function follow(tab, matches, what) {
  for (let presses = 0; presses < 80; presses += 1) {
    await tab.keyboard.press('Tab');
    const link = await focused(tab);
    if (link && matches(link)) {
      assert.notEqual(link.outline, 'none', `focus is not visible on ${what} (${tab.url()})`);
      await Promise.all([tab.waitForNavigation({ waitUntil: 'load' }), tab.keyboard.press('Enter')]);
      visited.push(decodeURIComponent(tab.url()).split('/published-site/').pop());
      return link;
    }
  }
  throw new Error(`no link for ${what} within 80 Tab presses on ${tab.url()}`);
}

/** Whether an answer link's token is this applicant's answer to the question about `facts`. */
function chosen(answers, facts, token) {
  if (facts.length > 1) return token === answers.anyOf;
  const answer = answers[facts[0]];
  assert.ok(answer !== undefined, `the applicant was asked about ${facts[0]}, which the test did not expect`);
  if (typeof answer === 'number') {
    const [from, to] = token.split('-').map(Number);
    return from <= answer && answer <= to;
  }
  return token === answer;
}

/** Answers every question with the keyboard; returns the final page's URL and its check boxes. */
async function walk(applicant) {
  const { tab } = await openPage(browser.context, SITE, applicant.start);
  await follow(tab, applicant.link, `the start link on ${applicant.start}`);
  if (applicant.answers === null) {
    assert.equal(await tab.locator('a', { hasText: 'Answer a few questions' }).count(), 0);
    assert.equal(await tab.locator('#documents + p').textContent(), applicant.none);
  } else {
    for (let step = 0; !tab.url().endsWith('.list.html'); step += 1) {
      assert.ok(step < 20, 'more than 20 pages of questions');
      if (tab.url().endsWith('.check.html')) {
        assert.equal(await tab.locator('h1').textContent(), 'Check your answers');
        await follow(tab, (a) => a.href.endsWith('.list.html'), 'Show my list');
      } else {
        const facts = (await tab.locator('h1').getAttribute('data-facts')).split(' ');
        await follow(tab, (a) => a.answer && chosen(applicant.answers, facts, tokenOf(a.href)), facts.join(' '));
      }
    }
    assert.equal(await tab.locator('h1').textContent(), 'The documents you need');
    assert.equal(await tab.locator('a', { hasText: 'See the full list' }).count(), 1);
  }
  const boxes = await tab.locator('ol.checklist input[type=checkbox]').evaluateAll((els) => els.map((e) => e.id));
  const url = tab.url();
  await tab.close();
  return { url, boxes: [...boxes].sort() };
}

const results = {};

for (const applicant of APPLICANTS) {
  test(`${applicant.name}: the keyboard leads to exactly the documents talap check requires`, { skip: noBrowser },
    async () => {
      const expected = required(applicant);
      const reached = await walk(applicant);
      results[applicant.name] = reached;
      assert.equal(expected.length > 0, applicant.none === undefined);
      assert.deepEqual(reached.boxes, expected);
    });
}

test('the narrowed TRP work list in kk, ru and en at 390 and 1280 px and in print', { skip: noBrowser }, async () => {
  const reached = results['trp-work-eaeu-owns-housing'];
  assert.ok(reached, 'the TRP work applicant did not reach a list');
  const page = reached.url.split('/published-site/').pop().replace(/^en\//, '');
  for (const lang of ['kk', 'ru', 'en']) {
    const { tab, problems } = await openPage(browser.context, SITE, `${lang}/${page}`);
    for (const width of [390, 1280]) {
      await tab.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await tab.screenshot({ path: path.join(QSHOTS, `${lang}-trp-work-list-${width}.png`), fullPage: true });
      if (width === 390) {
        // The target: this applicant's list fits in three phone screens.
        const height = await tab.evaluate(() => document.documentElement.scrollHeight);
        console.log(`narrowed TRP work list, ${lang}, 390x844: ${height} px = ${(height / 844).toFixed(2)} screens`);
        assert.ok(height <= 3 * 844, `${lang}: ${height} px is more than three 390x844 screens`);
      }
    }
    await tab.emulateMedia({ media: 'print' });
    assert.equal(await tab.locator('.start-again').isVisible(), false);
    await tab.screenshot({ path: path.join(QSHOTS, `${lang}-trp-work-list-print.png`), fullPage: true });
    await tab.emulateMedia({ media: 'screen' });
    const { tab: question } = await openPage(browser.context, SITE, `${lang}/trp/trp-work/q/index.html`);
    await question.setViewportSize({ width: 390, height: 844 });
    await question.screenshot({ path: path.join(QSHOTS, `${lang}-trp-work-question-390.png`), fullPage: true });
    await question.close();
    assert.deepEqual(problems, []);
    await tab.close();
  }
});

test('axe-core finds no WCAG 2.2 A/AA violations on the pages the applicants saw, in every language',
  { skip: noBrowser }, async () => {
    assert.ok(visited.length > 10, `only ${visited.length} pages visited`);
    const pages = [...new Set(visited.filter((p) => p.includes('/q/')).flatMap((p) => ['kk', 'ru', 'en'].map((l) => p.replace(/^en\//, `${l}/`))))];
    const found = [];
    for (const page of pages) {
      const { tab, problems } = await openPage(browser.context, SITE, page);
      await tab.addScriptTag({ path: AXE });
      const result = await tab.evaluate((tags) => globalThis.axe.run(document,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false }), WCAG);
      result.violations.forEach((v) => problems.push(`axe ${v.id}: ${v.help} (${v.nodes.length} nodes)`));
      found.push(...problems.map((problem) => `${page}: ${problem}`));
      await tab.close();
    }
    assert.deepEqual(found, []);
  });

test('every questionnaire page: no script, nothing from outside, and no Nu HTML checker error', () => {
  const pages = htmlFiles(SITE).filter((page) => page.includes('/q/'));
  assert.equal(pages.length, 2283);
  for (const page of pages) {
    const html = readFileSync(path.join(SITE, page), 'utf8');
    assert.doesNotMatch(html, /<script/i, `${page} has a script`);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, `${page} refers to an external resource`);
  }
  assert.deepEqual(nuCheck(SITE, pages.map((page) => path.join(SITE, page))).errors, []);
});
