// The counter of `talap serve` in a real browser: the built jar is started on a free port, and headless Chromium
// (playwright-core) goes through the clerk's flow in Russian: a TRP work applicant from Uzbekistan without health
// insurance → the missing document with its norm → "Change" → complete → the receipt, printed to PDF. Every counter
// page is checked with axe-core (no serious or critical violation, no console error: the CSP forbids inline code)
// and with the Nu HTML checker (no error). The same flow runs again with JavaScript disabled.
//
// Run by `mvn -B verify` (TALAP_JAR is the built jar), or by hand after `mvn -B -DskipTests package`:
//   node --test src/test/browser/counter.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AXE, CHROMIUM, ROOT, SHOTS, noBrowser, nuCheck } from './browser.mjs';

const JAR = path.resolve(ROOT, process.env.TALAP_JAR ?? 'target/talap-0.1.0-all.jar');
const PAGES = path.join(ROOT, 'target', 'counter-pages');
const AXE_SOURCE = readFileSync(AXE, 'utf8');
// A journal of its own, so that the test leaves nothing in the repository's data/.
const DB = path.join(mkdtempSync(path.join(tmpdir(), 'talap-journal-')), 'talap.db');
const PASSWORD = 'correct horse battery';

/** Adds the member of staff the flows sign in as (an editor: checks, and may see the catalogue's status). */
function addStaff() {
  for (const [name, role] of [['aigerim', 'editor'], ['aliya', 'admin']]) {
    const run = spawnSync('java', ['-jar', JAR, 'user', 'add', name, '--role', role, '--office', 'ALM-01',
      '--db', DB, '--password-stdin'], { cwd: ROOT, input: `${PASSWORD}\n`, encoding: 'utf8' });
    assert.equal(run.status, 0, `talap user add failed: ${run.stdout}${run.stderr}`);
  }
}

let server;
let base;
let browser;
const saved = [];

/** Starts `java -jar talap.jar serve --preview --port 0 --db DB` and waits for the line that names its address. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-jar', JAR, 'serve', '--preview', '--port', '0', '--db', DB],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`talap serve did not start in 120 s: ${out}${err}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/ at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1], output: () => out, errors: () => err });
      }
    });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`talap serve exited with ${code}: ${err}`)); });
  });
}

before(async () => {
  if (noBrowser) return;
  mkdirSync(PAGES, { recursive: true });
  addStaff();
  server = await startServer();
  base = server.base;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
});

after(async () => {
  await browser?.close();
  if (server) {
    const stopped = new Promise((resolve) => server.child.on('exit', resolve));
    server.child.kill('SIGTERM');
    const code = await stopped;
    // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hook has stopped the server.
    assert.equal(code, 143, `talap serve exited with ${code} on SIGTERM: ${server.errors()}`);
    assert.match(server.output(), /\nStopped\n$/);
  }
});

/** A tab that records console errors, page errors and requests that leave the server. */
async function newTab(context) {
  const tab = await context.newPage();
  tab.problems = [];
  tab.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') tab.problems.push(`console: ${m.text()}`); });
  tab.on('pageerror', (e) => tab.problems.push(`page error: ${e.message}`));
  tab.on('request', (r) => { if (!r.url().startsWith(base)) tab.problems.push(`request outside the server: ${r.url()}`); });
  return tab;
}

/** Saves the page's HTML for the Nu checker and, with JavaScript, runs axe-core on it. */
async function inspect(tab, name, withAxe) {
  const file = path.join(PAGES, `${name}.html`);
  writeFileSync(file, await tab.content());
  saved.push(file);
  if (!withAxe) return;
  await tab.evaluate(AXE_SOURCE);
  const result = await tab.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: axe ${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  assert.deepEqual(serious, []);
}

const WITHOUT_INSURANCE = ['TRP_APPLICATION_FORM', 'TRP_IDENTITY_DOCUMENT', 'TRP_HOUSING_CONSENT',
  'TRP_FINGERPRINT_CERTIFICATE', 'TRP_WORK_LABOUR_PERMIT'];

/** The clerk's flow in Russian; returns the receipt tab. */
async function clerkFlow(context, tag, withAxe) {
  const tab = await newTab(context);
  await tab.goto(`${base}/counter/ru/`);
  // Without a session every counter page leads to the login page, which comes back to the page asked for.
  assert.equal(new URL(tab.url()).pathname, '/counter/ru/login');
  await inspect(tab, `${tag}-0-login`, withAxe);
  await tab.getByLabel('Имя учётной записи').fill('aigerim');
  await tab.getByLabel('Пароль').fill(PASSWORD);
  await Promise.all([tab.waitForURL(`${base}/counter/ru/`), tab.getByRole('button', { name: 'Войти' }).click()]);
  assert.equal((await tab.locator('.user').textContent()).trim(), 'aigerim · ALM-01');
  await inspect(tab, `${tag}-1-start`, withAxe);
  await tab.getByLabel('Выдача иностранцам и лицам без гражданства разрешения на временное проживание в Республике '
    + 'Казахстан: Выдача иностранцам и лицам без гражданства разрешения на временное проживание в Республике '
    + 'Казахстан в целях осуществления трудовой деятельности').check();
  await tab.getByLabel('Территориальные органы полиции').check();
  await tab.getByLabel('Дата и время подачи (время Алматы)').fill('2026-03-20T11:30');
  await Promise.all([tab.waitForURL('**/counter/ru/facts'), tab.getByRole('button', { name: 'Продолжить' }).click()]);

  await inspect(tab, `${tag}-2-facts`, withAxe);
  await tab.getByLabel('Гражданство (государство)').selectOption('UZ');
  await tab.getByLabel('Дата рождения').fill('1990-05-01');
  await tab.locator('#f-fact-owns_housing-no').check();
  await Promise.all([tab.waitForURL('**/counter/ru/documents'), tab.getByRole('button', { name: 'Продолжить' }).click()]);

  await inspect(tab, `${tag}-3-documents`, withAxe);
  for (const code of WITHOUT_INSURANCE) await tab.locator(`#f-doc-${code}-presented`).check();
  await tab.locator('#f-doc-TRP_IDENTITY_DOCUMENT-issued_in').fill('UZ');
  await tab.locator('#f-doc-TRP_IDENTITY_DOCUMENT-valid_until').fill('2031-01-01');
  await tab.locator('#f-doc-TRP_IDENTITY_DOCUMENT-original_shown').check();
  await Promise.all([tab.waitForURL('**/counter/ru/result'), tab.getByRole('button', { name: 'Проверить документы' }).click()]);

  await inspect(tab, `${tag}-4-incomplete`, withAxe);
  assert.equal((await tab.locator('#verdict').textContent()).trim(), 'Неполный пакет: документы нельзя принять в таком виде');
  const findings = await tab.locator('#findings').innerText();
  assert.match(findings, /Не представлен документ: Копия медицинской страховки\.\nНорма: Приказ Министра внутренних дел РК от 4 декабря 2015 года № 992, приложение 1-1, пункт 8, абзац 3/);
  await tab.screenshot({ path: path.join(SHOTS, `counter-${tag}-incomplete.png`), fullPage: true });
  await tab.screenshot({ path: path.join(SHOTS, `counter-${tag}-result.png`) });

  await Promise.all([tab.waitForURL('**/counter/ru/documents?**'),
    tab.getByRole('link', { name: 'Изменить — Документы' }).click()]);
  await inspect(tab, `${tag}-5-change`, withAxe);
  assert.ok(await tab.locator('#f-doc-TRP_HOUSING_CONSENT-presented').isChecked(), 'Change lost the documents');
  assert.equal(await tab.locator('#f-doc-TRP_IDENTITY_DOCUMENT-issued_in').inputValue(), 'UZ');
  await tab.locator('#f-doc-TRP_HEALTH_INSURANCE-presented').check();
  await tab.locator('#f-doc-TRP_HEALTH_INSURANCE-original_shown').check();
  await Promise.all([tab.waitForURL('**/counter/ru/result'), tab.getByRole('button', { name: 'Проверить документы' }).click()]);

  await inspect(tab, `${tag}-6-complete`, withAxe);
  assert.equal((await tab.locator('#verdict').textContent()).trim(), 'Полный пакет: документы можно принять');
  assert.equal((await tab.locator('#due').innerText()).trim(), 'Срок выдачи результата: 26.03.2026 (Считается принятым: 20.03.2026)');
  await tab.screenshot({ path: path.join(SHOTS, `counter-${tag}-complete.png`), fullPage: true });

  await tab.getByLabel('Язык расписки').selectOption('ru');
  await Promise.all([tab.waitForURL('**/counter/ru/receipt'), tab.getByRole('button', { name: 'Сформировать расписку' }).click()]);
  await inspect(tab, `${tag}-7-receipt`, withAxe);
  assert.equal((await tab.locator('h1').textContent()).trim(), 'Расписка о приёме документов');
  assert.match(await tab.locator('.receipt').innerText(), /Копия медицинской страховки \(оригинал предъявлен\)/);
  assert.equal((await tab.locator('#due').innerText()).trim(), 'Результат будет выдан не позднее 26.03.2026.');
  return tab;
}

test('a clerk checks a TRP work applicant from Uzbekistan in Russian, corrects via Change and prints the receipt',
  { skip: noBrowser }, async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const tab = await clerkFlow(context, 'js', true);
    await tab.emulateMedia({ media: 'print' });
    await tab.screenshot({ path: path.join(SHOTS, 'counter-receipt.png'), fullPage: true });
    const pdf = await tab.pdf({ path: path.join(SHOTS, 'counter-receipt.pdf'), format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000, `the receipt PDF has ${pdf.length} bytes`);
    const status = await newTab(context);
    await status.goto(`${base}/counter/en/status`);
    await inspect(status, 'js-8-status', true);
    // The journal holds the two checks of the flow (the receipt is the complete check again, recorded once).
    const journal = await newTab(context);
    await journal.goto(`${base}/counter/en/journal`);
    await inspect(journal, 'js-9-journal', true);
    assert.equal((await journal.locator('#total').textContent()).trim(), 'Checks found: 2');
    await Promise.all([journal.waitForURL('**/counter/en/journal/counter-*'),
      journal.locator('#journal tbody a').first().click()]);
    await inspect(journal, 'js-10-journal-check', true);
    assert.equal((await journal.locator('#verdict').textContent()).trim(),
      'Incomplete: the documents cannot be accepted as they are');
    assert.match(await journal.locator('#findings').innerText(), /Missing: Copy of health insurance\./);
    await Promise.all([journal.waitForURL('**?rerun=1'),
      journal.getByRole('link', { name: 'Check again on the catalogue served now' }).click()]);
    await inspect(journal, 'js-11-rerun', true);
    assert.equal((await journal.locator('#rerun-same').textContent()).trim(),
      'Nothing would change: the same verdict, due date and findings.');
    assert.deepEqual([...tab.problems, ...status.problems, ...journal.problems], []);
    await context.close();
  });

test('the same flow works with JavaScript disabled', { skip: noBrowser }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  const tab = await clerkFlow(context, 'nojs', false);
  assert.deepEqual(tab.problems, []);
  await context.close();
});

test('an admin signs in and sees the accounts', { skip: noBrowser }, async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const tab = await newTab(context);
  await tab.goto(`${base}/counter/en/accounts`);
  assert.equal(new URL(tab.url()).pathname, '/counter/en/login');
  await tab.getByLabel('Account name').fill('aliya');
  await tab.getByLabel('Password').fill(PASSWORD);
  await Promise.all([tab.waitForURL(`${base}/counter/en/accounts`), tab.getByRole('button', { name: 'Sign in' }).click()]);
  await inspect(tab, 'admin-accounts', true);
  assert.match(await tab.locator('#staff').innerText(), /aigerim\teditor\tALM-01\tActive/);
  assert.deepEqual(tab.problems, []);
  await context.close();
});

test('the Nu HTML checker finds no errors on any counter page', { skip: noBrowser }, () => {
  assert.ok(saved.length >= 15, `only ${saved.length} pages were saved`);
  const { errors, warnings } = nuCheck(PAGES, saved, ['--also-check-css', path.join(ROOT, 'templates', 'counter', 'counter.css')]);
  console.log(`Nu HTML checker: ${saved.length} counter pages and counter.css, ${errors.length} errors, ${warnings} warnings`);
  assert.deepEqual(errors, []);
});
