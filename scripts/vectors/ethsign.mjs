// Reference vectors for keccak-256, secp256k1 eth-sign (sign / recover / normalise), the official
// Signature string and buffer forms, and EthAddress checksums. Output:
// foundation/src/test/resources/vectors/ethsign.json
import { hex, load, stream, writeVectors } from './lib.mjs';

const { keccak256 } = await load('@aztec/foundation/crypto/keccak');
const signer = await load('@aztec/foundation/crypto/secp256k1-signer');
const { Signature } = await load('@aztec/foundation/eth-signature');
const { EthAddress } = await load('@aztec/foundation/eth-address');
const { Buffer32 } = await load('@aztec/foundation/buffer');

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const big = (b) => BigInt(hex(b));
const b32 = (n) => Buffer32.fromBigInt(n);

const errorOf = (fn) => {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: e.message, cause: e.cause?.message };
  }
};

const sigJson = (sig) => ({
  r: sig.r.toString(),
  s: sig.s.toString(),
  v: sig.v,
  string: sig.toString(),
  buffer: hex(sig.toBuffer()),
});

// ---- keccak of random lengths
const kr = stream('ethsign/keccak');
const keccak = [];
const lengths = [0, 1, 2, 31, 32, 33, 55, 56, 63, 64, 65, 127, 128, 135, 136, 137, 200, 271, 272, 273, 1000];
for (let i = 0; i < 60; i++) lengths.push(kr(2).readUInt16BE(0) % 700);
for (const len of lengths) {
  const input = kr(len);
  keccak.push({ input: hex(input), hash: hex(keccak256(input)) });
}

// ---- signatures from random keys over random 32-byte messages
const sr = stream('ethsign/sign');
const edgeKeys = [1n, 2n, 3n, N - 1n, N - 2n, N / 2n, N / 2n + 1n, 0xdeadbeefn];
const signatures = [];
for (let i = 0; i < 320; i++) {
  let key;
  if (i < edgeKeys.length) {
    key = b32(edgeKeys[i]).buffer;
  } else {
    do {
      key = sr(32);
    } while (big(key) === 0n || big(key) >= N);
  }
  const message = i === 0 ? Buffer.alloc(32) : i === 1 ? Buffer.alloc(32, 0xff) : sr(32);
  const s = new signer.Secp256k1Signer(new Buffer32(key));
  const msg = new Buffer32(message);
  const digest = signer.makeEthSignDigest(msg);
  const sig = s.signMessage(msg);
  const raw = s.sign(msg);
  signatures.push({
    privateKey: hex(key),
    publicKey: hex(signer.publicKeyFromPrivateKey(key)),
    address: s.address.toString(),
    checksumAddress: s.address.toChecksumString(),
    message: hex(message),
    digest: digest.toString(),
    signature: sigJson(sig),
    recovered: signer.recoverAddress(digest, sig).toString(),
    rawSignature: sigJson(raw),
    rawRecovered: signer.recoverAddress(msg, raw).toString(),
  });
}

// ---- recoveries from tampered / malleable / bad-v signatures, with the official outcome
const tr = stream('ethsign/tamper');
const recoveries = [];
const recover = (label, hash, r, s, v, opts) => {
  const sig = new Signature(r, s, v);
  const out = errorOf(() => signer.recoverAddress(hash, sig, opts).toString());
  const tryOut = signer.tryRecoverAddress(hash, sig, opts);
  recoveries.push({
    label,
    hash: hash.toString(),
    r: r.toString(),
    s: s.toString(),
    v,
    opts: opts ?? {},
    ...(out.error !== undefined ? { error: out.error, cause: out.cause } : { address: out.ok }),
    tryRecover: tryOut ? tryOut.toString() : null,
  });
};
for (let i = 0; i < 12; i++) {
  const e = signatures[i * 7 + 3];
  const hash = Buffer32.fromString(e.digest);
  const r = Buffer32.fromString(e.signature.r);
  const s = Buffer32.fromString(e.signature.s);
  const v = e.signature.v;
  const highS = b32(N - big(s.buffer));
  const flippedV = v === 27 ? 28 : 27;
  recover('original', hash, r, s, v);
  recover('high-s', hash, r, highS, flippedV);
  recover('high-s allowMalleable', hash, r, highS, flippedV, { allowMalleable: true });
  recover('y-parity v', hash, r, s, v - 27);
  recover('y-parity v allowYParityAsV', hash, r, s, v - 27, { allowYParityAsV: true });
  recover('bad v', hash, r, s, [0, 1, 2, 26, 29, 35, 255][i % 7] + (i % 7 < 2 ? 2 : 0));
  recover('bad v allowYParityAsV', hash, r, s, 29 + i, { allowYParityAsV: true });
  recover('wrong v', hash, r, s, flippedV);
  const rt = Buffer.from(r.buffer);
  rt[tr(1)[0] % 32] ^= 1 << tr(1)[0] % 8;
  recover('tampered r', hash, new Buffer32(rt), s, v);
  const st = Buffer.from(s.buffer);
  st[31 - (tr(1)[0] % 16)] ^= 0x10;
  recover('tampered s', hash, r, new Buffer32(st), v);
  const ht = Buffer.from(hash.buffer);
  ht[tr(1)[0] % 32] ^= 0x80;
  recover('tampered hash', new Buffer32(ht), r, s, v);
}
{
  const e = signatures[5];
  const hash = Buffer32.fromString(e.digest);
  const r = Buffer32.fromString(e.signature.r);
  const s = Buffer32.fromString(e.signature.s);
  recover('r zero', hash, Buffer32.ZERO, s, 27);
  recover('s zero', hash, r, Buffer32.ZERO, 27);
  recover('r = n', hash, b32(N), s, 27);
  recover('s = n', hash, r, b32(N), 27);
  recover('s = n allowMalleable', hash, r, b32(N), 27, { allowMalleable: true });
  recover('r max', hash, b32((1n << 256n) - 1n), s, 28);
  recover('s = n/2', hash, r, b32(N / 2n), 27);
  recover('s = n/2 + 1', hash, r, b32(N / 2n + 1n), 27);
  recover('empty', hash, Buffer32.ZERO, Buffer32.ZERO, 0);
  recover('empty allowYParityAsV', hash, Buffer32.ZERO, Buffer32.ZERO, 0, { allowYParityAsV: true });
  for (let i = 0; i < 12; i++) {
    recover('random r s', new Buffer32(tr(32)), new Buffer32(tr(32)), b32(big(tr(32)) % (N / 2n)), 27 + (i % 2));
  }
}

// ---- normalizeSignature / flipSignature
const normalize = [];
for (let i = 0; i < 8; i++) {
  const e = signatures[i * 11 + 1];
  const r = Buffer32.fromString(e.signature.r);
  const s = Buffer32.fromString(e.signature.s);
  const v = e.signature.v;
  const highS = b32(N - big(s.buffer));
  for (const [ss, vv] of [
    [s, v],
    [highS, v === 27 ? 28 : 27],
    [s, v - 27],
    [highS, v === 27 ? 1 : 0],
    [s, 29],
  ]) {
    const sig = new Signature(r, ss, vv);
    const n = errorOf(() => sigJson(signer.normalizeSignature(sig)));
    const f = errorOf(() => sigJson(signer.flipSignature(sig)));
    normalize.push({
      input: { r: r.toString(), s: ss.toString(), v: vv },
      normalized: n.ok ?? { error: n.error },
      flipped: f.ok ?? { error: f.error },
    });
  }
}

// ---- Signature string / buffer forms
const strRand = stream('ethsign/sigstrings');
const r0 = new Buffer32(strRand(32));
const s0 = new Buffer32(strRand(32));
const sigToString = [0, 1, 2, 15, 16, 27, 28, 255, 256, 4294967295].map((v) => {
  const sig = new Signature(r0, s0, v);
  return { r: r0.toString(), s: s0.toString(), v, string: sig.toString(), buffer: hex(sig.toBuffer()), empty: sig.isEmpty() };
});
{
  const sig = Signature.empty();
  sigToString.push({ r: sig.r.toString(), s: sig.s.toString(), v: 0, string: sig.toString(), buffer: hex(sig.toBuffer()), empty: sig.isEmpty() });
  const z27 = new Signature(Buffer32.ZERO, Buffer32.ZERO, 27);
  sigToString.push({ r: z27.r.toString(), s: z27.s.toString(), v: 27, string: z27.toString(), buffer: hex(z27.toBuffer()), empty: z27.isEmpty() });
}
const rs = r0.buffer.toString('hex') + s0.buffer.toString('hex');
const sigStrings = [
  '0x' + rs + '1b',
  '0x' + rs + '1c',
  '0x' + rs + '1B',
  '0x' + rs.toUpperCase() + '1C',
  '0x' + rs + '00',
  '0x' + rs + '01',
  '0x' + rs + '0',
  '0x' + rs + '1',
  '0x' + rs + 'f',
  '0x' + rs + '1b00',
  '0x' + rs + '0000001b',
  '0x' + rs + 'ffffffff',
  '0x' + rs,
  '0x' + rs.slice(0, 127),
  '0x' + '0'.repeat(129),
  '0x' + '0'.repeat(130),
  '0X' + rs + '1b',
  rs + '1b',
  '0x' + rs + '1g',
  '0x' + rs.slice(0, 60) + 'zz' + rs.slice(62) + '1b',
  '',
  '0x',
];
const sigParse = sigStrings.map((input) => {
  const schema = Signature.schema.safeParse(input);
  const direct = errorOf(() => {
    const sig = Signature.fromString(input);
    return { r: sig.r.toString(), s: sig.s.toString(), v: Number.isFinite(sig.v) ? sig.v : String(sig.v), empty: sig.isEmpty() };
  });
  return {
    input,
    isValidString: Signature.isValidString(input),
    fromString: direct.ok ?? { error: direct.error },
    schema: schema.success
      ? { r: schema.data.r.toString(), s: schema.data.s.toString(), v: schema.data.v, string: schema.data.toString() }
      : { issues: schema.error.issues.map((i) => ({ message: i.message, path: i.path })) },
  };
});
const sigFromBuffer = [];
for (const v of [0, 1, 27, 28, 300, 4294967295]) {
  const buf = Buffer.concat([r0.buffer, s0.buffer, Buffer.from([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255])]);
  const sig = Signature.fromBuffer(buf);
  sigFromBuffer.push({ buffer: hex(buf), r: sig.r.toString(), s: sig.s.toString(), v: sig.v, empty: sig.isEmpty() });
}
for (const len of [0, 64, 67]) {
  const out = errorOf(() => Signature.fromBuffer(Buffer.alloc(len)));
  sigFromBuffer.push({ buffer: hex(Buffer.alloc(len)), error: out.error });
}

// ---- EthAddress checksum round trips and parsing
const ar = stream('ethsign/address');
const addresses = [];
for (let i = 0; i < 60; i++) {
  const a = i === 0 ? EthAddress.ZERO : new EthAddress(ar(20));
  addresses.push({ address: a.toString(), checksum: a.toChecksumString(), field: a.toField().toString() });
}
const a1 = addresses[7];
const flipCase = (s) => s.replace(/[a-fA-F]/, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));
const addressStrings = [
  a1.address,
  a1.checksum,
  a1.address.slice(2),
  a1.checksum.slice(2),
  '0x' + a1.address.slice(2).toUpperCase(),
  '0X' + a1.address.slice(2),
  '0X' + a1.address.slice(2).toUpperCase(),
  '0X' + a1.checksum.slice(2),
  '0x' + flipCase(a1.checksum.slice(2)),
  a1.address.toUpperCase(),
  a1.address.slice(0, 41),
  a1.address + '00',
  a1.address.slice(0, 41) + 'g',
  '0x',
  '',
  ' ' + a1.address,
  '0x' + '0'.repeat(40),
  '0x' + 'F'.repeat(40),
  '0x' + 'f'.repeat(40),
  '0x0x' + a1.address.slice(6),
];
for (const a of addresses.slice(10, 20)) addressStrings.push('0x' + flipCase(a.checksum.slice(2)));
const addressParse = addressStrings.map((input) => {
  const out = errorOf(() => EthAddress.fromString(input).toString());
  const schema = EthAddress.schema.safeParse(input);
  return {
    input,
    isAddress: EthAddress.isAddress(input),
    ...(out.error !== undefined ? { error: out.error } : { address: out.ok }),
    schema: schema.success ? { address: schema.data.toString() } : { issues: schema.error.issues.map((i) => ({ message: i.message, path: i.path })) },
  };
});

writeVectors('foundation/src/test/resources/vectors/ethsign.json', {
  curveOrder: '0x' + N.toString(16),
  ethSignPrefix: '\x19Ethereum Signed Message:\n32',
  keccak,
  signatures,
  recoveries,
  normalize,
  signatureToString: sigToString,
  signatureParse: sigParse,
  signatureFromBuffer: sigFromBuffer,
  addresses,
  addressParse,
});
