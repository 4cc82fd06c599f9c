// Reference vectors for BN254 Fr/Fq and Poseidon2 (barretenberg through the official packages):
// poseidon2Hash, poseidon2Permutation, poseidon2HashWithSeparator, poseidon2HashBytes,
// sha256ToField, the official Fr/Fq arithmetic and parsing behaviour (errors included), and the two
// cross-check vectors of /work/shared/bench/poseidon2-bench.mjs.
// Output: foundation/src/test/resources/vectors/poseidon2.json
import { createHash } from 'node:crypto';

import { hex, load, stream, writeVectors } from './lib.mjs';

const { poseidon2Hash, poseidon2HashWithSeparator, poseidon2Permutation, poseidon2HashBytes } = await load(
  '@aztec/foundation/crypto/poseidon',
);
const { sha256, sha256ToField } = await load('@aztec/foundation/crypto/sha256');
const { Fr, Fq } = await load('@aztec/foundation/curves/bn254');

const R = Fr.MODULUS;
const P = Fq.MODULUS;

const errorOf = (fn) => {
  try {
    const v = fn();
    return { ok: v === undefined || v === null ? null : v.toString() };
  } catch (e) {
    return { error: e.message };
  }
};
const asyncErrorOf = async (fn) => {
  try {
    const v = await fn();
    return { ok: v === undefined || v === null ? null : v.toString() };
  } catch (e) {
    return { error: e.message };
  }
};
const big = (b) => BigInt(hex(b));
const toHex32 = (n) => '0x' + n.toString(16).padStart(64, '0');

// Field element generators: uniform (64 random bytes reduced) with some edge values mixed in.
function fieldGen(label, modulus, F) {
  const rnd = stream(label);
  const edges = [0n, 1n, 2n, modulus - 1n, modulus - 2n, (modulus - 1n) / 2n, 1n << 64n, (1n << 128n) - 1n];
  return (edgeRate = 0.1) => {
    const pick = rnd(1)[0] / 256;
    if (pick < edgeRate) return new F(edges[rnd(1)[0] % edges.length]);
    return F.fromBufferReduce(rnd(64));
  };
}
const frGen = fieldGen('poseidon2/fr', R, Fr);

// ---- poseidon2Hash: lengths 1..20 (plus empty and a few longer), random and edge inputs
const hash = [];
{
  const rnd = stream('poseidon2/hash-lengths');
  const lengths = [0, 0];
  for (let len = 1; len <= 20; len++) for (let k = 0; k < 5; k++) lengths.push(len);
  while (lengths.length < 1000) lengths.push(1 + (rnd(1)[0] % 20));
  for (const len of [21, 22, 23, 24, 31, 32, 33, 47, 48, 64, 100]) lengths.push(len);
  // all-edge inputs
  const edgeInputs = [[0n], [1n], [R - 1n], [0n, 0n], [R - 1n, R - 1n], [0n, 0n, 0n], [R - 1n, R - 1n, R - 1n, R - 1n], [4n, 8n]];
  for (const xs of edgeInputs) {
    const inputs = xs.map((x) => new Fr(x));
    hash.push({ inputs: inputs.map(String), hash: (await poseidon2Hash(inputs)).toString() });
  }
  for (const len of lengths) {
    const inputs = Array.from({ length: len }, () => frGen());
    hash.push({ inputs: inputs.map(String), hash: (await poseidon2Hash(inputs)).toString() });
  }
}

// ---- poseidon2Permutation: 4-element states
const permutation = [];
{
  const states = [
    [0n, 1n, 2n, 3n],
    [0n, 0n, 0n, 0n],
    [R - 1n, R - 1n, R - 1n, R - 1n],
    [1n, 1n, 1n, 1n],
  ];
  for (const s of states) {
    const input = s.map((x) => new Fr(x));
    permutation.push({ input: input.map(String), output: (await poseidon2Permutation(input)).map(String) });
  }
  for (let i = 0; i < 124; i++) {
    const input = Array.from({ length: 4 }, () => frGen());
    permutation.push({ input: input.map(String), output: (await poseidon2Permutation(input)).map(String) });
  }
}

// ---- poseidon2HashWithSeparator
const hashWithSeparator = [];
{
  const rnd = stream('poseidon2/separator');
  const fixed = [0, 1, 2, 3, 42, 255, 256, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1];
  for (let i = 0; i < 240; i++) {
    let separator;
    if (i < fixed.length * 2) separator = fixed[i % fixed.length];
    else if (i % 3 === 0) separator = rnd(1)[0];
    else separator = rnd(4).readUInt32BE(0);
    const len = i < 4 ? i : rnd(1)[0] % 17;
    const inputs = Array.from({ length: len }, () => frGen());
    hashWithSeparator.push({
      separator,
      inputs: inputs.map(String),
      hash: (await poseidon2HashWithSeparator(inputs, separator)).toString(),
    });
  }
}

// ---- poseidon2HashBytes: lengths 0..~200 around the 31-byte chunk boundaries
const hashBytes = [];
{
  const rnd = stream('poseidon2/bytes');
  const lengths = [0, 1, 2, 30, 31, 32, 61, 62, 63, 92, 93, 94, 124, 155, 186, 217];
  while (lengths.length < 120) lengths.push(rnd(1)[0] % 201);
  for (const len of lengths) {
    const input = rnd(len);
    hashBytes.push({ input: hex(input), hash: (await poseidon2HashBytes(input)).toString() });
  }
  // all-0xff chunks (the largest 31-byte values)
  for (const len of [31, 62, 100]) {
    const input = Buffer.alloc(len, 0xff);
    hashBytes.push({ input: hex(input), hash: (await poseidon2HashBytes(input)).toString() });
  }
}

// ---- sha256 / sha256ToField of random byte strings, lengths 0..300
const sha256ToFieldVectors = [];
{
  const rnd = stream('poseidon2/sha256');
  const lengths = [0, 1, 31, 32, 33, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 300];
  while (lengths.length < 240) lengths.push(rnd(2).readUInt16BE(0) % 301);
  for (const len of lengths) {
    const input = rnd(len);
    sha256ToFieldVectors.push({ input: hex(input), sha256: hex(sha256(input)), field: sha256ToField([input]).toString() });
  }
}

// ---- Fr / Fq arithmetic with the official classes (Fq has only add/sqrt officially; its mul, sub
// and inverse are computed with bigint modular arithmetic and marked as such).
function modInverse(a, m) {
  let [old, r] = [a % m, m];
  let [s, t] = [1n, 0n];
  while (r !== 0n) {
    const q = old / r;
    [old, r] = [r, old - q * r];
    [s, t] = [t, s - q * t];
  }
  return ((s % m) + m) % m;
}
const mod = (a, m) => ((a % m) + m) % m;

async function arith(F, label, n) {
  const gen = fieldGen(`poseidon2/arith/${label}`, F.MODULUS, F);
  const M = F.MODULUS;
  const out = [];
  for (let i = 0; i < n; i++) {
    const a = gen(0.2);
    const b = gen(0.2);
    const A = a.toBigInt();
    const B = b.toBigInt();
    const v = { a: a.toString(), b: b.toString(), add: a.add(b).toString() };
    if (F === Fr) {
      v.sub = a.sub(b).toString();
      v.mul = a.mul(b).toString();
      v.square = a.square().toString();
      v.neg = errorOf(() => a.negate()); // the official negate() throws for zero
      v.inverse = errorOf(() => Fr.ONE.div(a));
      v.div = errorOf(() => a.div(b));
    } else {
      v.sub = toHex32(mod(A - B, M));
      v.mul = toHex32(mod(A * B, M));
      v.square = toHex32(mod(A * A, M));
      v.neg = toHex32(mod(-A, M));
      v.inverse = A === 0n ? { error: 'Division by zero' } : { ok: toHex32(modInverse(A, M)) };
    }
    const root = await a.sqrt();
    v.sqrt = root === null ? null : root.toString();
    out.push(v);
  }
  return out;
}
const frArith = await arith(Fr, 'fr', 300);
const fqArith = await arith(Fq, 'fq', 300);

// ---- parsing: fromBuffer (strict), fromBufferReduce, fromHexString, fromString
function parsing(F, label) {
  const M = F.MODULUS;
  const rnd = stream(`poseidon2/parse/${label}`);
  const buffers = [
    Buffer.alloc(32),
    Buffer.from(toHex32(M - 1n).slice(2), 'hex'),
    Buffer.from(toHex32(M).slice(2), 'hex'),
    Buffer.from(toHex32(M + 1n).slice(2), 'hex'),
    Buffer.from(toHex32(2n * M).slice(2), 'hex'),
    Buffer.from(toHex32((1n << 256n) - 1n).slice(2), 'hex'),
    Buffer.from(toHex32(1n << 254n).slice(2), 'hex'),
    Buffer.alloc(31, 0x01),
    Buffer.alloc(33, 0x01),
    Buffer.alloc(0),
  ];
  for (let i = 0; i < 40; i++) buffers.push(rnd(32));
  const fromBuffer = buffers.map((b) => ({
    input: hex(b),
    fromBuffer: errorOf(() => F.fromBuffer(b)),
    fromBufferReduce: errorOf(() => F.fromBufferReduce(b)),
  }));
  // 64-byte reductions (the official random() path)
  const reduce64 = [];
  for (let i = 0; i < 20; i++) {
    const b = rnd(64);
    reduce64.push({ input: hex(b), fromBufferReduce: F.fromBufferReduce(b).toString() });
  }
  const strings = [
    '0x0', '0x1', '1', '0', '0x', '', 'x1', '0X1f', '0xAbCdEf', 'abcdef', '0x0x1', ' 0x1', '0x1 ', '0x-1', '-1',
    '0xg', '12345678901234567890', '0x' + '0'.repeat(70) + '1', '0' + 'x' + 'f'.repeat(64), toHex32(M - 1n),
    toHex32(M), toHex32(M).toUpperCase(), M.toString(), (M - 1n).toString(), (M + 1n).toString(),
    ((1n << 256n) + 5n).toString(), ((1n << 260n) + 12345n).toString(), '0x' + (M - 1n).toString(16), '007',
    '0x' + '1'.repeat(65), '0x12345', 'ff', '0b101', '1e3', '+1', '٣', '0x١',
  ];
  const fromStrings = strings.map((s) => ({
    input: s,
    fromHexString: errorOf(() => F.fromHexString(s)),
    fromString: errorOf(() => F.fromString(s)),
  }));
  return { fromBuffer, reduce64, strings: fromStrings };
}
const frParsing = parsing(Fr, 'fr');
const fqParsing = parsing(Fq, 'fq');

// ---- cross-check vectors of /work/shared/bench/poseidon2-bench.mjs: field(k, j) for k = 0
function benchField(k, j) {
  const b = Buffer.alloc(8);
  b.writeUInt32BE(k, 0);
  b.writeUInt32BE(j, 4);
  const out = createHash('sha256').update('p2-bench/v1').update(b).digest();
  out[0] &= 0x1f;
  return out;
}
const bench = {};
for (const size of [2, 16]) {
  const ins = Array.from({ length: size }, (_, j) => benchField(0, j));
  bench[`hash${size}`] = { inputs: ins.map(hex), hash: (await poseidon2Hash(ins.map((b) => Fr.fromBuffer(b)))).toString() };
}
{
  const ins = [0, 1, 2, 3].map((j) => benchField(999, j));
  bench.perm4 = { input: ins.map(hex), output: (await poseidon2Permutation(ins.map((b) => Fr.fromBuffer(b)))).map(String) };
}

writeVectors('foundation/src/test/resources/vectors/poseidon2.json', {
  moduli: { fr: toHex32(R), fq: toHex32(P) },
  knownAnswer: { inputs: ['0x04', '0x08'], hash: (await poseidon2Hash([new Fr(4n), new Fr(8n)])).toString() },
  hash,
  permutation,
  hashWithSeparator,
  hashBytes,
  sha256ToField: sha256ToFieldVectors,
  frArith,
  fqArith,
  frParsing,
  fqParsing,
  bench,
});
process.exit(0);
