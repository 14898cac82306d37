// Fails the build when the JavaScript a first visit loads (the entry script and the modules it
// preloads, as index.html names them) is above the budget, gzip-compressed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const dir = process.argv[2] ?? 'target/classes/META-INF/todo-ai-web';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1]);
const initial = [...new Set([...scripts, ...preloads])];
if (initial.length === 0) {
  console.error(`check-bundle-size: no script found in ${dir}/index.html`);
  process.exit(1);
}
let total = 0;
for (const file of initial) {
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file}: ${(size / 1024).toFixed(1)} KB gzip`);
}
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(`Initial JS: ${(total / 1024).toFixed(1)} KB gzip (${verdict} the ${BUDGET / 1024} KB budget)`);
if (total > BUDGET) {
  process.exit(1);
}
