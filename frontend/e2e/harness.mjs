// Starts the real jar as a new user would (embedded PostgreSQL, a fresh data directory, a free
// port) and Debian's Chromium through playwright-core; helpers for the API, screenshots and axe.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const FRONTEND = resolve(here, '..');
export const REPO = resolve(FRONTEND, '..');
export const JAR = process.env.TODO_JAR ?? join(REPO, 'bootstrap/target/todo-ai.jar');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUT = process.env.TODO_E2E_OUT ?? join(REPO, 'frontend-e2e/target/e2e');
export const SHOTS = join(OUT, 'screenshots');

/** The machine notes' flags: headless, and no background traffic to the outside. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** The jar with role `all`, as `scripts/run.sh` starts it, on a free port and a fresh data dir. */
export async function startServer() {
  if (process.env.TODO_E2E_BASE_URL) {
    return { baseUrl: process.env.TODO_E2E_BASE_URL, db: null, stop: async () => {}, log: () => '' };
  }
  if (!existsSync(JAR)) throw new Error(`${JAR} is missing: package bootstrap first`);
  const port = await freePort();
  // a known port for the embedded PostgreSQL, so that the 10,000-task test can seed it with psql
  // (its password is generated into the data directory on first start)
  const dbPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'todo-ai-e2e-'));
  mkdirSync(OUT, { recursive: true });
  const logPath = join(OUT, 'server.log');
  const log = createWriteStream(logPath);
  // every test signs up accounts of its own, all from 127.0.0.1: more than the product's 10
  // sign-ups an hour per network address, so this server allows more (nothing else is changed)
  const child = spawn('java', ['-Xmx640m', '-Dtodo.auth.sign-ups-per-client=500', '-jar', JAR], {
    env: { ...process.env, TODO_PORT: String(port), TODO_DB_PORT: String(dbPort), TODO_DATA_DIR: dataDir, TODO_ROLE: 'all' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  let exited = null;
  child.on('exit', (code) => (exited = code));
  while (true) {
    if (exited !== null) throw new Error(`the jar exited with ${exited} before it was ready; see ${logPath}`);
    if (Date.now() - started > 180_000) throw new Error(`the jar was not ready within 180 s; see ${logPath}`);
    try {
      const response = await fetch(`${baseUrl}/health/readiness`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const startupMs = Date.now() - started;
  return {
    baseUrl,
    startupMs,
    /** The embedded PostgreSQL as the jar configured it (127.0.0.1, superuser, generated password). */
    db: {
      host: '127.0.0.1',
      port: dbPort,
      user: 'postgres',
      database: 'postgres',
      password: () => readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim(),
    },
    log: () => readFileSync(logPath, 'utf8'),
    async stop() {
      if (exited === null) {
        const done = new Promise((r) => child.once('exit', r));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        const timeout = new Promise((r) => setTimeout(() => r('timeout'), 40_000));
        if ((await Promise.race([done, timeout])) === 'timeout') {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does)`);
  }
  // playwright gives every launch a new, empty profile directory of its own
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  return { browser, close: () => browser.close() };
}

let counter = 0;

/** A new account, registered through the API. */
export async function registerUser(baseUrl) {
  const email = `e2e-${Date.now()}-${++counter}@example.org`;
  const password = 'correct horse battery staple';
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
  const body = await response.json();
  return { email, password, userId: body.user_id, token: body.token, expiresAt: body.expires_at };
}

/** The API as the user, for arranging data and for changes "from elsewhere". */
export function apiAs(baseUrl, user) {
  const call = async (method, path, body, headers = {}) => {
    const response = await fetch(`${baseUrl}/api/${user.userId}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${user.token}`,
        ...(body === undefined ? {} : { 'Content-Type': path.match(/\/tasks\/\d+$/) && method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return json;
  };
  return {
    call,
    createTask: (body) => call('POST', '/tasks', body),
    patchTask: (id, body) => call('PATCH', `/tasks/${id}`, body),
    getTask: (id) => call('GET', `/tasks/${id}`),
    listTasks: (query = '') => call('GET', `/tasks${query}`),
  };
}

/** A page signed in as `user` by putting the session where "keep me signed in" keeps it. */
export async function signedInPage(browser, baseUrl, user, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: options.timezoneId ?? 'Europe/Berlin',
    locale: 'en-GB',
    reducedMotion: 'reduce',
  });
  await context.addInitScript((session) => {
    if (!localStorage.getItem('todo-ai.session')) localStorage.setItem('todo-ai.session', JSON.stringify(session));
  }, { userId: user.userId, email: user.email, token: user.token, expiresAt: user.expiresAt, keep: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d|net::ERR_|Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  page.errors = errors;
  return { context, page };
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

const axeSource = readFileSync(join(FRONTEND, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core on the page (WCAG 2.x A and AA rules); the serious and critical violations. */
export async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
