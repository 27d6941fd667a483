// Shared by the browser tests: where things are, Debian's Chromium driven by playwright-core, and opening a page of a
// published site while recording console errors and requests that leave the site. Not a test file itself.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHOTS = path.join(ROOT, 'target', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
export const AXE = require.resolve('axe-core/axe.min.js');
export const VNU = require('vnu-jar');
export const AXE_VERSION = require('axe-core/package.json').version;

/** Chromium is required in CI (.ci/run installs it); on a developer machine without it the browser tests skip. */
export const noBrowser = existsSync(CHROMIUM) ? false : 'Chromium is not installed (apt-get install chromium)';
if (noBrowser && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing; .ci/run must install the chromium package`);
}

/** The .html files under a folder, relative to it, sorted. */
export function htmlFiles(folder, prefix = '') {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) return htmlFiles(path.join(folder, entry.name), relative + '/');
    return entry.name.endsWith('.html') ? [relative] : [];
  }).sort();
}

export const fileUrl = (site, page) => pathToFileURL(path.join(site, page)).href;

/** Starts headless Chromium with a fresh profile and no background networking; close() removes the profile. */
export async function startBrowser() {
  mkdirSync(SHOTS, { recursive: true });
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'talap-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1100, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a page and records console errors, uncaught errors and every request that is not a file of the site. */
export async function openPage(context, site, page) {
  const tab = await context.newPage();
  const problems = [];
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('request', (request) => {
    if (!request.url().startsWith(pathToFileURL(site).href)) problems.push(`request outside the site: ${request.url()}`);
  });
  tab.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  await tab.goto(fileUrl(site, page), { waitUntil: 'load' });
  return { tab, problems };
}

/**
 * Runs the Nu HTML checker on files of a site (`extra` are more vnu arguments, such as --also-check-css FILE) and
 * returns its errors as "page:line: message" and the number of warnings.
 */
export function nuCheck(site, files, extra = []) {
  const run = spawnSync('java', ['-jar', VNU, '--format', 'json', ...extra, ...files],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!run.stderr?.trim().startsWith('{')) throw new Error(`vnu did not run: ${run.error ?? run.stderr}`);
  const messages = JSON.parse(run.stderr).messages;
  return {
    errors: messages.filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => `${path.relative(site, fileURLToPath(m.url))}:${m.lastLine}: ${m.message}`),
    warnings: messages.filter((m) => m.type === 'info' && m.subType === 'warning').length,
  };
}

/**
 * Opens each page and returns "page: problem" for console errors, requests that leave the site, and serious or
 * critical axe-core violations.
 */
export async function pageProblems(context, site, pages) {
  const found = [];
  for (const page of pages) {
    const { tab, problems } = await openPage(context, site, page);
    // preload: false, because axe would fetch the stylesheet with XMLHttpRequest, which file:// forbids.
    await tab.addScriptTag({ path: AXE });
    const result = await tab.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'], preload: false }));
    for (const violation of result.violations) {
      if (violation.impact === 'serious' || violation.impact === 'critical') {
        problems.push(`axe ${violation.impact}: ${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
      }
    }
    found.push(...problems.map((problem) => `${page}: ${problem}`));
    await tab.close();
  }
  return found;
}
