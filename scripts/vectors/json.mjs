// Reference vectors for the JSON-RPC value encodings: how the official node writes each value kind
// (jsonStringify) and how its zod schemas parse tricky inputs, including BlockParameter.
// Every parse goes through the same path as the JSON-RPC server (a tuple of parameter schemas,
// parsed asynchronously); failures are recorded as the zod issues plus the message the server puts
// in its -32701 reply, or as the plain error a transform threw (a -32702 reply).
// Output: foundation/src/test/resources/vectors/json.json
import { hex, load, stream, writeVectors } from './lib.mjs';

const { jsonStringify } = await load('@aztec/foundation/json-rpc');
const { schemas } = await load('@aztec/foundation/schemas');
const { Fr, Fq } = await load('@aztec/foundation/curves/bn254');
const { EthAddress } = await load('@aztec/foundation/eth-address');
const { Signature } = await load('@aztec/foundation/eth-signature');
const branded = await load('@aztec/foundation/branded-types');
const { BlockHash } = await load('@aztec/stdlib/block');
const { TxHash } = await load('@aztec/stdlib/tx');
const { AztecAddress } = await load('@aztec/stdlib/aztec-address');
const { AztecNodeApiSchema } = await load('@aztec/stdlib/interfaces/server');
const { parseWithOptionals } = await load('@aztec/foundation/schemas');
const { z } = await load('zod');
const { Buffer32 } = await load('@aztec/foundation/buffer');

const rnd = stream('json');

// ---- encodings (jsonStringify of each value kind)
const encodings = [];
const enc = (kind, value, describe) => encodings.push({ kind, value: describe, json: jsonStringify(value) });
for (let i = 0; i < 12; i++) {
  const fr = i === 0 ? Fr.ZERO : i === 1 ? new Fr(Fr.MODULUS - 1n) : Fr.fromBufferReduce(rnd(64));
  enc('Fr', fr, fr.toBigInt().toString());
}
for (let i = 0; i < 6; i++) {
  const fq = i === 0 ? new Fq(Fq.MODULUS - 1n) : Fq.fromBufferReduce(rnd(64));
  enc('Fq', fq, fq.toBigInt().toString());
}
for (let i = 0; i < 4; i++) {
  const h = new BlockHash(Fr.fromBufferReduce(rnd(64)));
  enc('BlockHash', h, h.toBigInt().toString());
  const t = new TxHash(Fr.fromBufferReduce(rnd(64)));
  enc('TxHash', t, t.toBigInt().toString());
  const a = AztecAddress.fromField(Fr.fromBufferReduce(rnd(64)));
  enc('AztecAddress', a, a.toBigInt().toString());
}
for (let i = 0; i < 6; i++) {
  const a = i === 0 ? EthAddress.ZERO : new EthAddress(rnd(20));
  enc('EthAddress', a, hex(a.toBuffer()));
}
for (const n of [0, 1, 42, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
  enc('BlockNumber', branded.BlockNumber(n), n);
  enc('CheckpointNumber', branded.CheckpointNumber(n), n);
  enc('EpochNumber', branded.EpochNumber(n), n);
  enc('SlotNumber', branded.SlotNumber(n), n);
}
for (const n of [0n, 1n, 1795593704n, 2n ** 64n, 2n ** 256n - 1n, -5n]) enc('bigint', n, n.toString());
for (const len of [0, 1, 2, 3, 4, 32, 100]) {
  const b = rnd(len);
  enc('Buffer', b, hex(b));
}
{
  const sig = new Signature(new Buffer32(rnd(32)), new Buffer32(rnd(32)), 28);
  enc('Signature', sig, { r: sig.r.toString(), s: sig.s.toString(), v: 28 });
  enc('Signature', Signature.empty(), { r: Signature.empty().r.toString(), s: Signature.empty().s.toString(), v: 0 });
}
enc('object', { a: 1n, b: Buffer.from([1, 2]), c: new Fr(3n), d: undefined, e: null, f: [2n] }, 'object with bigint, buffer, Fr, undefined, null, [bigint]');
enc('Map', new Map([[1, 'a'], [2, 'b']]), 'Map');
enc('Set', new Set([1, 2]), 'Set');

// ---- parse tables
const describe = (v) => {
  if (v === undefined) return { undefined: true };
  if (v === 'latest') return { latest: true };
  if (typeof v === 'number') return { number: v };
  if (typeof v === 'bigint') return { bigint: v.toString() };
  if (typeof v === 'boolean') return { boolean: v };
  if (Buffer.isBuffer(v)) return { buffer: hex(v) };
  if (v instanceof Signature) return { signature: v.toString(), v: v.v };
  if (v instanceof EthAddress) return { address: v.toString() };
  if (BlockHash.isBlockHash(v)) return { hash: v.toString() };
  if (v && typeof v.toString === 'function' && typeof v.toBigInt === 'function') return { field: v.toString() };
  if (v instanceof AztecAddress || v instanceof TxHash) return { field: v.toString() };
  if (typeof v === 'string') return { string: v };
  throw new Error('cannot describe ' + v);
};
const parses = [];
async function parseTable(name, schemaTuple, inputs) {
  for (const inputJson of inputs) {
    const input = JSON.parse(inputJson);
    let result;
    try {
      const out = await parseWithOptionals([input], schemaTuple);
      result = { value: describe(out[0]) };
    } catch (e) {
      if (e?.name === 'ZodError' && Array.isArray(e.issues)) {
        result = {
          issues: e.issues.map((i) => ({ code: i.code, message: i.message, path: i.path })),
          rpcMessage: e.issues.map((i) => `${i.message} (${i.path.join('.')})`).join('. ') || 'Validation error',
        };
      } else {
        result = { thrown: e.message };
      }
    }
    parses.push({ schema: name, input: inputJson, ...result });
  }
}
const tuple = (s) => z.tuple([s]);
const j = (v) => JSON.stringify(v);

const h64 = rnd(32).toString('hex');
const frModHex = Fr.MODULUS.toString(16);
const fqModHex = Fq.MODULUS.toString(16);
const frLike = [
  j('0x' + '00'.repeat(31) + '04'),
  j('0x' + h64.replace(/^./, '0')),
  j('0x' + h64.replace(/^./, '0').toUpperCase().replace('0X', '0x')),
  j('0X' + h64.replace(/^./, '0')),
  j('0x' + h64.replace(/^./, '0').slice(1)),
  j('0x1'),
  j('0x01'),
  j('0xabc'),
  j('0x'),
  j(''),
  j('abc'),
  j('123'),
  j('0123'),
  j('4'),
  j('10'),
  j('-1'),
  j('1.5'),
  j(' 1'),
  j('1 '),
  j('+1'),
  j('1e3'),
  j(h64),
  j('1'.repeat(64)),
  j('0x0' + h64.replace(/^./, '0')),
  j('0x00' + h64.replace(/^./, '0')),
  j('0x' + 'ff'.repeat(32)),
  j('0x' + frModHex),
  j('0x' + (Fr.MODULUS - 1n).toString(16)),
  j('0x' + fqModHex),
  j('0x' + (Fq.MODULUS - 1n).toString(16)),
  j((Fr.MODULUS - 1n).toString()),
  j(Fr.MODULUS.toString()),
  j((2n ** 256n).toString()),
  j((2n ** 256n + 12345n).toString()),
  j('9'.repeat(80)),
  j('0xg'),
  j('0x0x1'),
  j('0xabc '),
  '5',
  'null',
  'true',
  '{}',
  '[]',
];
await parseTable('Fr', tuple(schemas.Fr), frLike);
await parseTable('Fq', tuple(schemas.Fq), frLike);
await parseTable('BlockHash', tuple(BlockHash.schema), frLike);
await parseTable('TxHash', tuple(TxHash.schema), [
  ...frLike,
  j('0x' + h64 + 'ab'),
  j('0x' + h64 + 'abc'),
  j(h64.replace(/^./, '0') + '1'),
]);
await parseTable('AztecAddress', tuple(AztecAddress.schema), [
  ...frLike,
  j(Buffer.from(new Fr(7n).toBuffer()).toString('base64')),
  j(Buffer.alloc(32, 0xff).toString('base64')),
  j(Buffer.alloc(31, 1).toString('base64')),
]);

const a = new EthAddress(rnd(20));
await parseTable('EthAddress', tuple(schemas.EthAddress), [
  j(a.toString()),
  j(a.toChecksumString()),
  j(a.toString().slice(2)),
  j(a.toString().toUpperCase().replace('0X', '0x')),
  j('0X' + a.toString().slice(2)),
  j(a.toChecksumString().replace(/[a-f]/, (c) => c.toUpperCase())),
  j(a.toString().slice(0, 41)),
  j(a.toString() + '0'),
  j(''),
  j('0x'),
  '5',
  'null',
]);

const { signMessage } = await load('@aztec/foundation/crypto/secp256k1-signer');
const sig = signMessage(new Buffer32(rnd(32)), Buffer.from('4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318', 'hex'));
await parseTable('Signature', tuple(Signature.schema), [
  j(sig.toString()),
  j(Signature.empty().toString()),
  j(sig.toString().slice(0, -2) + '00'),
  j(sig.toString().slice(0, -2)),
  j(sig.toString().slice(0, -2) + '1'),
  j(sig.toString().toUpperCase().replace('0X', '0x')),
  j('0X' + sig.toString().slice(2)),
  j(sig.toString().slice(2)),
  '65',
  'null',
]);

const numberLike = [
  '0', '1', '4', '-1', '-0', '1.5', '4.0', '1e3', '1E3', '2.5e1', '-1e-7', '4294967295', '4294967296',
  '9007199254740991', '9007199254740993', '18446744073709551615', '18446744073709551616', '1e20', '1e300',
  j('4'), j(' 4 '), j('\t4\n'), j(''), j('   '), j('0x10'), j('0X10'), j('0b11'), j('0o7'), j('1e3'), j('.5'), j('5.'),
  j('abc'), j('-1'), j('+4'), j('-0'), j('Infinity'), j('-Infinity'), j('4.5'), j('1_000'), j('0x'), j('-0x10'),
  j('9007199254740993'), j('18446744073709551616'), j('99999999999999999999999'),
  'null', 'true', 'false', '[]', '[4]', '{}',
];
await parseTable('BlockNumber', tuple(branded.BlockNumberSchema), numberLike);
await parseTable('BlockNumberPositive', tuple(branded.BlockNumberPositiveSchema), numberLike);
await parseTable('CheckpointNumber', tuple(branded.CheckpointNumberSchema), numberLike);
await parseTable('EpochNumber', tuple(branded.EpochNumberSchema), numberLike);
await parseTable('SlotNumber', tuple(branded.SlotNumberSchema), numberLike);
await parseTable('BigInt', tuple(schemas.BigInt), numberLike);
await parseTable('UInt32', tuple(schemas.UInt32), numberLike);
await parseTable('UInt64', tuple(schemas.UInt64), numberLike);
await parseTable('Integer', tuple(schemas.Integer), numberLike);

const b64 = (n) => rnd(n).toString('base64');
const long = b64(900); // 1200 characters: past the 1024-character regex cutoff
await parseTable('Buffer', tuple(schemas.Buffer), [
  j(''), j('AQID'), j('AQI='), j('AQ=='), j('AQ='), j('AQ'), j('A'), j('_-8='), j('+/8='), j('AQID\n'), j(' AQID'),
  j('AQ==AQ=='), j('AQID!'), j(b64(700)), j(long), j(long.slice(0, -1)), j(long.replace(/\+/g, '-').replace(/\//g, '_')),
  j(long.slice(0, 600) + ' \n' + long.slice(600)), j(long.slice(0, 600) + '!!' + long.slice(600)),
  j(long.slice(0, 600) + '=' + long.slice(600)), j(long.slice(0, 1198) + '=='), j(long + '=='),
  j({ type: 'Buffer', data: [1, 2, 3] }), j({ type: 'Buffer', data: [] }), j({ type: 'Buffer', data: [256] }),
  j({ type: 'Buffer', data: [1.5] }), j({ type: 'Buffer', data: [-1] }), j({ type: 'Buf', data: [1] }),
  '5', 'null', '[]',
]);

const blockHash = '0x' + h64.replace(/^./, '0');
const blockParameterInputs = [
  '0', '1', '4', '-1', '-0', '1.5', '4.0', '1e3', '1e20', '9007199254740993', '1e300',
  j('latest'), j('Latest'), j('LATEST'), j(' latest'), j('latest '), j('pending'), j('finalized'), j('proven'), j('earliest'),
  j(blockHash), j(blockHash.toUpperCase().replace('0X', '0x')), j('0X' + blockHash.slice(2)), j(blockHash.slice(2)),
  j('0x' + 'ff'.repeat(32)), j('0x' + frModHex), j('0x' + (Fr.MODULUS - 1n).toString(16)),
  j('0x00' + blockHash.slice(2)), j('0x' + blockHash.slice(3)), j('0x4'), j('0x04'), j('0x'), j('0xg'),
  j('4'), j('10'), j('0'), j('007'), j(''), j('  '), j(' 4'), j('4 '), j('+4'), j('-1'), j('-4'), j('4.0'), j('4.5'),
  j('1e3'), j('1E3'), j('0X10'), j('0o7'), j('0b11'), j('Infinity'), j('abc'), j('xyz'), j('0x0x1'),
  j((2n ** 256n).toString()), j('9'.repeat(80)), j('1'.repeat(64)),
  'null', 'true', 'false', '[]', '[4]', '{}', j({ number: 4 }),
];
await parseTable('BlockParameter', AztecNodeApiSchema.getBlock.parameters(), blockParameterInputs);
await parseTable('OptionalBlockParameter', AztecNodeApiSchema.getBlockHeader.parameters(), ['null', '4', j('latest'), j('xyz')]);

const counts = {};
for (const p of parses) counts[p.schema] = (counts[p.schema] ?? 0) + 1;
console.error(counts);

writeVectors('foundation/src/test/resources/vectors/json.json', { encodings, parses });
