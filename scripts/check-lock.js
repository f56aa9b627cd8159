#!/usr/bin/env node
// Fails when package-lock.json lacks an optional dependency of a locked package (for example another platform's
// @swc/core binary). npm 11, run where node_modules already exists, drops those entries (npm/cli#8805), and then
// `npm ci` refuses the lock file on every other platform. Fix: in a clean clone without node_modules run
// `npm install --package-lock-only --no-audit --no-fund` and commit the lock file.
'use strict';
const path = require('node:path');
const lock = require(path.resolve(process.argv[2] || 'package-lock.json'));
const packages = lock.packages || {};

/** Node's lookup: the package's own node_modules, then each enclosing one, up to the root. */
function locate(from, name) {
  let base = from;
  for (;;) {
    const candidate = (base ? `${base}/` : '') + `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

const missing = [];
for (const [at, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies || {})) {
    if (!locate(at, name)) missing.push(`${at || '(root)'} → ${name}`);
  }
}
if (missing.length) {
  console.error(`package-lock.json lacks ${missing.length} optional dependencies:\n  ${missing.join('\n  ')}`);
  console.error('Regenerate it in a clean clone: npm install --package-lock-only --no-audit --no-fund');
  process.exit(1);
}
console.log('package-lock.json holds every platform’s optional dependencies');
