// Shared helpers for the vector generators: load official packages from the reference install,
// a deterministic random stream (so regenerating gives the same inputs), and JSON output.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const refHome = process.env.QUETZAL_REFERENCE_HOME ?? join(homedir(), '.cache', 'quetzal-reference');
const modulesDir = process.env.REF_NODE_MODULES ?? join(refHome, 'toolchain', 'node_modules');
const require = createRequire(join(modulesDir, '..', 'package.json'));

/** Imports a module of the reference install, e.g. load('@aztec/foundation/crypto/poseidon'). */
export const load = (spec) => import(pathToFileURL(require.resolve(spec)).href);

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Deterministic byte stream: block k = SHA-256(label || u32be(k)). */
export function stream(label) {
  let counter = 0;
  let buf = Buffer.alloc(0);
  return (n) => {
    while (buf.length < n) {
      const c = Buffer.alloc(4);
      c.writeUInt32BE(counter++, 0);
      buf = Buffer.concat([buf, createHash('sha256').update(label).update(c).digest()]);
    }
    const out = buf.subarray(0, n);
    buf = buf.subarray(n);
    return Buffer.from(out);
  };
}

export const hex = (b) => '0x' + Buffer.from(b).toString('hex');

/** Writes vectors as pretty JSON to a path relative to the repository root. */
export function writeVectors(relPath, data) {
  const path = join(repoRoot, relPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ generator: 'scripts/vectors', aztecVersion: '4.1.2', ...data }, null, 1) + '\n');
  console.error(`wrote ${relPath}`);
}
