// Runs `npm ci` unless node_modules was installed from this very package-lock.json (a hash kept
// in node_modules), so that repeated builds do not reinstall; a fresh clone always installs.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).update(process.version).digest('hex');
const marker = 'node_modules/.todo-ai-installed';
if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
  console.log('node_modules is up to date with package-lock.json');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
writeFileSync(marker, hash);
