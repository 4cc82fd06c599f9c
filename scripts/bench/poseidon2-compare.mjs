// Joins JMH's JSON (Poseidon2Bench) with poseidon2-bench.mjs's JSON into one table.
//   node poseidon2-compare.mjs JMH.json BB.json
import { readFileSync } from 'node:fs';

const [jmhFile, bbFile] = process.argv.slice(2);
const jmh = JSON.parse(readFileSync(jmhFile, 'utf8'));
const bb = JSON.parse(readFileSync(bbFile, 'utf8'));
const official = bb.paths['bb-msgpack'] ?? {};
// JMH benchmark method (and params) -> the official figure it compares with.
const pairs = { permutation: 'perm4', hash2: 'hash2', hash16: 'hash16' };
console.log('benchmark\tparams\tquetzal_us\terror_us\tofficial_bb_us\tratio_official_over_quetzal');
for (const r of jmh) {
  const method = r.benchmark.split('.').pop();
  const params = r.params ? Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(',') : '-';
  const us = r.primaryMetric.score;
  const key = Object.keys(pairs).find((k) => method.toLowerCase().startsWith(k.toLowerCase()));
  const ref = key ? official[pairs[key]]?.us_per_hash : undefined;
  const ratio = ref ? (ref / us).toFixed(2) : '-';
  console.log(`${method}\t${params}\t${us.toFixed(3)}\t${r.primaryMetric.scoreError.toFixed(3)}\t${ref ?? '-'}\t${ratio}`);
}
