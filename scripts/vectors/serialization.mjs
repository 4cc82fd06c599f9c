// Reference vectors for the Aztec buffer/field serialization conventions (@aztec/foundation/serialize):
// serializeToBuffer of every primitive kind, the fixed-width number helpers, bigint widths,
// strings, vectors, BufferReader / FieldReader reads (values and errors) and serializeToFields.
// Output: foundation/src/test/resources/vectors/serialization.json
import { hex, load, stream, writeVectors } from './lib.mjs';

const S = await load('@aztec/foundation/serialize');
const { Fr, Fq } = await load('@aztec/foundation/curves/bn254');

const rnd = stream('serialization');
const big = (b) => (b.length === 0 ? 0n : BigInt(hex(b)));
const u32 = () => rnd(4).readUInt32BE(0);
const outcome = (fn, enc = hex) => {
  try {
    return { bytes: enc(fn()) };
  } catch (e) {
    return { error: e.message };
  }
};

// JS numbers that have no JSON form are written as strings; every other input is a JSON number.
const jsNum = (n) => (Number.isFinite(n) ? n : String(n));

// ---- serializeToBuffer(number): u32 big-endian
const numberInputs = [0, 1, 255, 256, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, -1, -(2 ** 31), 2 ** 32, -(2 ** 32),
  -(2 ** 32) - 1, 2 ** 32 + 1, 2 ** 53, 12345678901, -12345678901, 1.5, 4294967295.5, -0.5, NaN, Infinity, -Infinity, 1e21];
for (let i = 0; i < 20; i++) numberInputs.push(u32());
const numbers = numberInputs.map((n) => ({ value: jsNum(n), ...outcome(() => S.serializeToBuffer(n)) }));

// ---- fixed-width helpers
const fixed = [];
const addFixed = (fn, name, values) => {
  for (const v of values) fixed.push({ fn: name, value: typeof v === 'bigint' ? v.toString() : jsNum(v), ...outcome(() => fn(v)) });
};
addFixed(S.numToUInt8, 'numToUInt8', [0, 1, 127, 128, 255, 256, -1, 1000]);
addFixed((n) => S.numToUInt16BE(n), 'numToUInt16BE', [0, 1, 255, 256, 65535, 65536, -1]);
addFixed((n) => S.numToInt32BE(n), 'numToInt32BE', [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 32 + 5, -(2 ** 33)]);
addFixed((n) => S.numToUInt32LE(n), 'numToUInt32LE', [0, 1, 0x01020304, 2 ** 32 - 1, 2 ** 32, -1]);
addFixed((n) => S.numToUInt32BE(n), 'numToUInt32BE', [0, 1, 0x01020304, 2 ** 32 - 1, 2 ** 32, -1]);
addFixed((n) => S.bigintToUInt64BE(n), 'bigintToUInt64BE', [0n, 1n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 64n, -1n, 2n ** 32n + 1n, -(2n ** 32n) - 1n, 2n ** 100n]);
addFixed((n) => S.bigintToUInt128BE(n), 'bigintToUInt128BE', [0n, 1n, 2n ** 127n, 2n ** 128n - 1n, 2n ** 128n, 2n ** 129n + 7n, -1n]);
addFixed((b) => S.boolToBuffer(b), 'boolToBuffer', [true, false]);

// ---- serializeBigInt(n, width) = toBufferBE, including the digit truncation for oversize values
const bigints = [];
const widths = [1, 2, 3, 4, 8, 16, 20, 31, 32, 33, 40, 64];
const bigVals = [0n, 1n, 0xffn, 0x100n, 0x123n, 0x12345n, 2n ** 64n - 1n, 2n ** 255n, 2n ** 256n - 1n, 2n ** 256n, 2n ** 260n + 0xabcdefn, -1n, -(2n ** 70n)];
for (let i = 0; i < 12; i++) bigVals.push(big(rnd(1 + (u32() % 40))));
for (const v of bigVals) {
  for (const w of widths) bigints.push({ value: v.toString(), width: w, ...outcome(() => S.serializeBigInt(v, w)) });
  bigints.push({ value: v.toString(), width: null, ...outcome(() => S.serializeBigInt(v)) });
}
const signedBigints = [];
for (const v of [0n, 1n, -1n, 127n, 128n, -128n, -129n, 2n ** 255n - 1n, -(2n ** 255n), 2n ** 255n, -(2n ** 255n) - 1n, -(2n ** 100n)]) {
  for (const w of [1, 2, 8, 32]) signedBigints.push({ value: v.toString(), width: w, ...outcome(() => S.serializeSignedBigInt(v, w)) });
}
const bigintDeserialize = [];
for (let i = 0; i < 10; i++) {
  const w = 1 + (u32() % 40);
  const b = rnd(w);
  bigintDeserialize.push({
    bytes: hex(b),
    width: w,
    unsigned: S.deserializeBigInt(b, 0, w).elem.toString(),
    signed: S.deserializeSignedBigInt(b, 0, w).elem.toString(),
  });
}

// ---- serializeToBuffer of the other kinds (bigint, boolean, string, Buffer, Fr, Fq, nested arrays)
const serialize = [];
const addSer = (kind, value, obj) => serialize.push({ kind, value, ...outcome(() => S.serializeToBuffer(obj)) });
for (const v of [0n, 1n, 2n ** 64n, 2n ** 256n - 1n, 2n ** 256n, -1n, big(rnd(32))]) addSer('bigint', v.toString(), v);
for (const v of [true, false]) addSer('boolean', v, v);
const strs = ['', 'a', 'hello world', 'é', 'naïve café', '日本語', '😀', 'a😀b', '\u0000', 'x'.repeat(300), '\ud800', 'a\udc00b', '\ud83d'];
for (const s of strs) addSer('string', s, s);
for (const len of [0, 1, 5, 32, 100]) {
  const b = rnd(len);
  addSer('buffer', hex(b), b);
}
for (let i = 0; i < 6; i++) {
  const f = i === 0 ? Fr.ZERO : i === 1 ? new Fr(Fr.MODULUS - 1n) : Fr.fromBufferReduce(rnd(64));
  addSer('fr', f.toString(), f);
}
for (let i = 0; i < 4; i++) {
  const f = i === 0 ? new Fq(Fq.MODULUS - 1n) : Fq.fromBufferReduce(rnd(64));
  addSer('fq', f.toString(), f);
}
const mixedFr = new Fr(12345n);
const mixedFq = new Fq(67890n);
serialize.push({
  kind: 'mixed',
  value: ['true', 'number 7', 'bigint 9', "string 'ab'", 'buffer 0x0102', 'fr 12345', 'fq 67890', '[number 1, [number 2, bigint 3]]'],
  ...outcome(() => S.serializeToBuffer(true, 7, 9n, 'ab', Buffer.from([1, 2]), mixedFr, mixedFq, [1, [2, 3n]])),
});

// ---- length-prefixed buffers and vectors
const prefixed = [];
for (const len of [0, 1, 3, 32, 300]) {
  const b = rnd(len);
  prefixed.push({ buffer: hex(b), bytes: hex(S.prefixBufferWithLength(b)) });
}
const vectors = [];
const addVec = (kind, value, arr, prefix) =>
  vectors.push({ kind, value, prefixLength: prefix, ...outcome(() => S.serializeArrayOfBufferableToVector(arr, prefix)) });
for (const prefix of [4, 1]) {
  addVec('number', [], [], prefix);
  const nums = Array.from({ length: 5 }, () => u32());
  addVec('number', nums, nums, prefix);
  const frs = Array.from({ length: 3 }, () => Fr.fromBufferReduce(rnd(64)));
  addVec('fr', frs.map((f) => f.toString()), frs, prefix);
  const bufs = [rnd(3), rnd(0), rnd(7)];
  addVec('buffer', bufs.map(hex), bufs, prefix);
  addVec('string', ['ab', 'cde'], ['ab', 'cde'], prefix);
  addVec('bigint', ['1', '2'], [1n, 2n], prefix);
  addVec('boolean', [true, false, true], [true, false, true], prefix);
  addVec('nested number', [[1, 2], [3]], [[1, 2], [3]], prefix);
  addVec('number', Array(255).fill(1), Array(255).fill(1), prefix);
  addVec('number', Array(256).fill(1), Array(256).fill(1), prefix);
}
addVec('number', [1], [1], 2);

// ---- BufferReader: sequences of reads over a buffer; reading stops at the first error
const encVal = (v) => {
  if (typeof v === 'bigint') return { bigint: v.toString() };
  if (Buffer.isBuffer(v)) return { buffer: hex(v) };
  if (Array.isArray(v)) return { array: v.map(encVal) };
  if (typeof v === 'string') return { string: v };
  if (typeof v === 'boolean') return { boolean: v };
  if (typeof v === 'number') return { number: v };
  if (v && typeof v === 'object') return { map: Object.entries(v).map(([k, x]) => [k, encVal(x)]) };
  throw new Error('cannot encode ' + v);
};
const readerOps = {
  readNumber: (r) => r.readNumber(),
  readUInt8: (r) => r.readUInt8(),
  readUInt16: (r) => r.readUInt16(),
  readUInt64: (r) => r.readUInt64(),
  readUInt128: (r) => r.readUInt128(),
  readUInt256: (r) => r.readUInt256(),
  readInt256: (r) => r.readInt256(),
  readBigInt: (r) => r.readBigInt(),
  readBoolean: (r) => r.readBoolean(),
  readBytes: (r, a) => r.readBytes(a),
  readBuffer: (r, a) => r.readBuffer(a ?? undefined),
  readString: (r, a) => r.readString(a ?? undefined),
  readToEnd: (r) => r.readToEnd(),
  peekBytes: (r, a) => r.peekBytes(a ?? undefined),
  readNumberVector: (r) => r.readNumberVector(),
  readUint256Vector: (r) => r.readUint256Vector(),
  readNumberVectorMax: (r, a) => r.readVector({ fromBuffer: (x) => x.readNumber() }, a),
  readNumberVectorUint8Prefix: (r) => r.readVectorUint8Prefix({ fromBuffer: (x) => x.readNumber() }),
  readNumberArray: (r, a) => r.readArray(a, { fromBuffer: (x) => x.readNumber() }),
  readBufferArray: (r, a) => r.readBufferArray(a ?? undefined),
  readNumberMap: (r) => r.readMap({ fromBuffer: (x) => x.readNumber() }),
  readFr: (r) => Fr.fromBuffer(r).toString(),
  readFq: (r) => Fq.fromBuffer(r).toString(),
  remainingBytes: (r) => r.remainingBytes(),
  isEmpty: (r) => r.isEmpty(),
};
const readers = [];
const addReader = (bytes, ops) => {
  const r = new S.BufferReader(bytes);
  const results = [];
  for (const [op, arg] of ops) {
    try {
      results.push({ value: encVal(readerOps[op](r, arg)) });
    } catch (e) {
      results.push({ error: e.message });
      break;
    }
  }
  readers.push({ bytes: hex(bytes), ops: ops.map(([op, arg]) => ({ op, arg: arg ?? null })), results });
};
const cat = (...parts) => Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
const be32 = (n) => S.numToUInt32BE(n);
for (let i = 0; i < 8; i++) {
  const b = rnd(64);
  addReader(b, [['readNumber'], ['readUInt8'], ['readUInt16'], ['readUInt64'], ['readUInt128'], ['readBoolean'], ['readInt256'], ['remainingBytes'], ['readNumber']]);
}
addReader(rnd(40), [['readUInt256'], ['readBigInt'], ['isEmpty']]);
addReader(cat(Buffer.alloc(32, 0xff), Buffer.alloc(31, 0), [1], [0x80], Buffer.alloc(31, 0)), [['readInt256'], ['readInt256'], ['readInt256'], ['isEmpty']]);
addReader(Buffer.from([0, 1, 2, 255]), [['readBoolean'], ['readBoolean'], ['readBoolean'], ['readBoolean'], ['readBoolean']]);
addReader(Buffer.from([1, 2, 3]), [['readNumber']]);
addReader(Buffer.from([1, 2, 3]), [['readBytes', 2], ['readBytes', 2]]);
addReader(Buffer.from([1, 2, 3]), [['readBytes', 0], ['peekBytes', 0], ['peekBytes', 2], ['peekBytes', 4]]);
addReader(Buffer.from([1, 2, 3]), [['peekBytes'], ['readToEnd'], ['readToEnd'], ['isEmpty'], ['readUInt8']]);
addReader(cat(be32(3), [0x61, 0x62, 0x63], be32(2), [0xc3, 0xa9]), [['readString'], ['readString'], ['isEmpty']]);
addReader(cat(be32(5), [0xe9, 0xff, 0xc3, 0x28, 0xf0]), [['readString']]);
addReader(cat(be32(4), [0xf0, 0x9f, 0x98, 0x80], be32(3), [0xed, 0xa0, 0x80], be32(2), [0xc0, 0xaf]), [['readString'], ['readString'], ['readString']]);
addReader(cat(be32(4), [0xf4, 0x90, 0x80, 0x80], be32(3), [0xe0, 0x80, 0xaf], be32(3), [0xf0, 0x9f, 0x98]), [['readString'], ['readString'], ['readString']]);
addReader(cat(be32(5), [1, 2, 3]), [['readBuffer']]);
addReader(cat(be32(5), [1, 2, 3, 4, 5]), [['readBuffer', 4]]);
addReader(cat(be32(5), [1, 2, 3, 4, 5]), [['readBuffer', 5], ['isEmpty']]);
addReader(cat(be32(3), [0x61, 0x62, 0x63]), [['readString', 2]]);
addReader(cat(be32(0), be32(0xffffffff)), [['readBuffer'], ['readBuffer']]);
addReader(cat(be32(3), be32(1), be32(2), be32(0xffffffff)), [['readNumberVector'], ['isEmpty']]);
addReader(cat(be32(3), be32(1), be32(2)), [['readNumberVector']]);
addReader(cat(be32(3), be32(1), be32(2), be32(3)), [['readNumberVectorMax', 2]]);
addReader(cat(be32(3), be32(1), be32(2), be32(3)), [['readNumberVectorMax', 3]]);
addReader(cat(be32(0xffffffff)), [['readNumberVector']]);
addReader(cat([2], be32(7), be32(8)), [['readNumberVectorUint8Prefix'], ['isEmpty']]);
addReader(cat(be32(7), be32(8), be32(9)), [['readNumberArray', 2], ['readNumberArray', 2]]);
addReader(cat(be32(2), Buffer.alloc(32, 1), Buffer.alloc(32, 2)), [['readUint256Vector']]);
addReader(cat(be32(2), [1, 2], be32(0), be32(1), [9]), [['readBufferArray']]);
addReader(cat(be32(2), [1, 2], be32(0), be32(1), [9]), [['readBufferArray', 10], ['isEmpty']]);
addReader(cat(be32(2), [1, 2], be32(1), [9]), [['readBufferArray', 7]]);
addReader(cat(be32(2), [1, 2], be32(1), [9]), [['readBufferArray', 8]]);
addReader(cat(be32(2), [1, 2], be32(1), [9]), [['readBufferArray', 20]]);
addReader(cat(be32(2), [1, 2], be32(3), [9]), [['readBufferArray']]);
addReader(cat(be32(2), be32(1), 'ab', be32(5), be32(1), 'c', be32(6)), [['readNumberMap']]);
addReader(cat(be32(2), be32(2), 'ab', be32(5), be32(1), 'c', be32(6)), [['readNumberMap'], ['isEmpty']]);
const strEntry = (k, n) => cat(be32(Buffer.byteLength(k)), k, be32(n));
addReader(
  cat(be32(7), strEntry('b', 1), strEntry('10', 2), strEntry('2', 3), strEntry('01', 4), strEntry('__proto__', 5), strEntry('a', 6), strEntry('b', 7)),
  [['readNumberMap']],
);
addReader(cat(be32(2), strEntry('4294967295', 1), strEntry('4294967294', 2)), [['readNumberMap']]);
addReader(cat(be32(2), be32(1), 'k', be32(5), be32(1), 'k', be32(6)), [['readNumberMap']]);
addReader(cat(be32(1), be32(1), 'k'), [['readNumberMap']]);
addReader(cat(Buffer.from(new Fr(5n).toBuffer()), Buffer.from(Fr.MODULUS.toString(16).padStart(64, '0'), 'hex')), [['readFr'], ['readFr']]);
addReader(cat(Buffer.from(new Fq(Fq.MODULUS - 1n).toBuffer()), Buffer.from(Fq.MODULUS.toString(16).padStart(64, '0'), 'hex')), [['readFq'], ['readFq']]);
addReader(Buffer.alloc(31), [['readFr']]);
addReader(Buffer.alloc(0), [['isEmpty'], ['remainingBytes'], ['readToEnd'], ['peekBytes'], ['readUInt8']]);

// ---- fields: Fr/Fq buffers, serializeToFields, FieldReader, to2Fields
const fieldBuffers = [];
for (let i = 0; i < 10; i++) {
  const fr = i === 0 ? Fr.ZERO : i === 1 ? new Fr(Fr.MODULUS - 1n) : Fr.fromBufferReduce(rnd(64));
  const fq = i === 0 ? Fq.ZERO : i === 1 ? new Fq(Fq.MODULUS - 1n) : Fq.fromBufferReduce(rnd(64));
  fieldBuffers.push({
    fr: fr.toString(),
    frBytes: hex(fr.toBuffer()),
    fq: fq.toString(),
    fqBytes: hex(fq.toBuffer()),
    fqFields: fq.toFields().map((f) => f.toString()),
  });
}
const toFields = [];
const addFields = (kind, value, obj) => {
  try {
    toFields.push({ kind, value, fields: S.serializeToFields(obj).map((f) => f.toString()) });
  } catch (e) {
    toFields.push({ kind, value, error: e.message });
  }
};
for (const b of [true, false]) addFields('boolean', b, b);
for (const n of [0, 1, 2 ** 32, 2 ** 53 - 1, -1, 1.5]) addFields('number', n, n);
for (const n of [0n, 1n, Fr.MODULUS - 1n, Fr.MODULUS, 2n ** 256n, -5n, big(rnd(31))]) addFields('bigint', n.toString(), n);
for (const len of [32, 33, 40, 31, 0]) {
  const b = len === 32 ? Buffer.from(Fr.MODULUS.toString(16).padStart(64, '0'), 'hex') : rnd(len);
  addFields('buffer', hex(b), b);
}
addFields('buffer', hex(Buffer.alloc(32, 0x01)), Buffer.alloc(32, 0x01));
for (let i = 0; i < 3; i++) {
  const fq = i === 0 ? new Fq(Fq.MODULUS - 1n) : Fq.fromBufferReduce(rnd(64));
  addFields('fq', fq.toString(), fq);
}
addFields('fr', new Fr(42n).toString(), new Fr(42n));
addFields('mixed', ['true', 'number 3', 'bigint 4', 'fr 5', '[number 6, [bigint 7]]'], [true, 3, 4n, new Fr(5n), [6, [7n]]]);

const frOf = (n) => new Fr(n);
const fieldReaderOps = {
  readField: (r) => r.readField().toString(),
  peekField: (r) => r.peekField().toString(),
  readBoolean: (r) => r.readBoolean(),
  readU32: (r) => r.readU32(),
  readU64: (r) => r.readU64().toString(),
  readFq: (r) => r.readFq().toString(),
  readFieldArray: (r, a) => r.readFieldArray(a).map((f) => f.toString()),
  skip: (r, a) => (r.skip(a), null),
  cursor: (r) => r.cursor,
  remainingFields: (r) => r.remainingFields(),
  isFinished: (r) => r.isFinished(),
};
const fieldReaders = [];
const addFieldReader = (vals, ops, offset = 0) => {
  const fields = vals.map(frOf);
  const results = [];
  let r;
  try {
    r = new S.FieldReader(fields, offset);
  } catch (e) {
    fieldReaders.push({ fields: fields.map((f) => f.toString()), offset, ops: [], results: [{ error: e.message }] });
    return;
  }
  for (const [op, arg] of ops) {
    try {
      const v = fieldReaderOps[op](r, arg);
      results.push({ value: v });
    } catch (e) {
      results.push({ error: e.message });
      break;
    }
  }
  fieldReaders.push({ fields: fields.map((f) => f.toString()), offset, ops: ops.map(([op, arg]) => ({ op, arg: arg ?? null })), results });
};
addFieldReader([0n, 1n, 2n], [['readBoolean'], ['readBoolean'], ['readBoolean']]);
addFieldReader([2n ** 32n - 1n, 2n ** 32n], [['readU32'], ['readU32']]);
addFieldReader([2n ** 64n - 1n, 2n ** 64n], [['readU64'], ['readU64']]);
{
  const fq = new Fq(Fq.MODULUS - 1n);
  const [lo, hi] = fq.toFields().map((f) => f.toBigInt());
  addFieldReader([hi, lo, lo, hi], [['readFq'], ['readFq']]);
  addFieldReader([2n ** 200n, 0n], [['readFq']]);
  addFieldReader([hi + 1n, lo], [['readFq']]);
}
addFieldReader([5n, 6n, 7n], [['peekField'], ['cursor'], ['readField'], ['skip', 1], ['remainingFields'], ['readFieldArray', 1], ['isFinished'], ['readField']]);
addFieldReader([5n, 6n], [['skip', 3]]);
addFieldReader([5n, 6n], [['readFieldArray', 3]]);
addFieldReader([5n, 6n], [['readField'], ['peekField'], ['readField'], ['peekField']]);
addFieldReader([5n, 6n], [['cursor'], ['readField']], 1);
addFieldReader([5n, 6n], [['isFinished']], 2);
addFieldReader([5n, 6n], [['isFinished']], 3);

const twoFields = [];
for (let i = 0; i < 6; i++) {
  const b = i === 0 ? Buffer.alloc(32, 0xff) : rnd(32);
  const [hi, lo] = S.to2Fields(b);
  twoFields.push({ bytes: hex(b), fields: [hi.toString(), lo.toString()], back: hex(S.from2Fields(hi, lo)) });
}
const twoFieldErrors = [31, 33].map((len) => ({ length: len, ...outcome(() => S.to2Fields(Buffer.alloc(len))) }));

writeVectors('foundation/src/test/resources/vectors/serialization.json', {
  frModulus: '0x' + Fr.MODULUS.toString(16),
  fqModulus: '0x' + Fq.MODULUS.toString(16),
  numbers,
  fixed,
  bigints,
  signedBigints,
  bigintDeserialize,
  serialize,
  prefixed,
  vectors,
  readers,
  fieldBuffers,
  toFields,
  fieldReaders,
  twoFields,
  twoFieldErrors,
});
