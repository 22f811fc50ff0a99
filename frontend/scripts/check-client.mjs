#!/usr/bin/env node
// Fails when src/api/schema.d.ts is not what `npm run gen:client` makes from openapi.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = join(root, 'openapi.json');
const committed = join(root, 'src', 'api', 'schema.d.ts');
const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'openapi-typescript.cmd' : 'openapi-typescript');

for (const [path, what] of [
  [spec, 'openapi.json'],
  [committed, 'src/api/schema.d.ts'],
  [bin, 'openapi-typescript (run npm ci)'],
]) {
  if (!existsSync(path)) {
    console.error(`check:client: ${what} is missing (${path}).`);
    process.exit(2);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'spil-client-'));
const fresh = join(dir, 'schema.d.ts');
try {
  const run = spawnSync(bin, [spec, '-o', fresh], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error('check:client: openapi-typescript failed:\n' + run.stdout + run.stderr);
    process.exit(2);
  }
  const want = readFileSync(fresh, 'utf8');
  const have = readFileSync(committed, 'utf8');
  if (want !== have) {
    const a = have.split('\n');
    const b = want.split('\n');
    let line = 0;
    while (line < Math.min(a.length, b.length) && a[line] === b[line]) line++;
    console.error(
      'check:client: src/api/schema.d.ts is out of date with openapi.json ' +
        `(first difference at line ${line + 1}).\n` +
        `  committed: ${JSON.stringify(a[line] ?? '<end of file>')}\n` +
        `  expected:  ${JSON.stringify(b[line] ?? '<end of file>')}\n` +
        "Run 'npm run gen:client' (or 'make client' to take openapi.json from the backend first) and commit the result.",
    );
    process.exit(1);
  }
  console.log('check:client: src/api/schema.d.ts matches openapi.json.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
