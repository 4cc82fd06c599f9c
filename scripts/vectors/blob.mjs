// Reference vectors for the checkpoint/block/tx-effect model and blob codecs of module stdlib:
// blob-field markers, TxEffect (buffer, JSON, blob fields), checkpoint blob fields built from random
// blocks and the official archiver's rebuild of those blocks (retrievedToPublishedCheckpoint: headers,
// sponge blob hashes, archives, JSON and buffers), CheckpointHeader (buffer, hash, JSON), the Poseidon2
// blob sponge, blob commitments/versioned hashes/blobsHash and the blob file-store encoding.
// Output: stdlib/src/test/resources/vectors/blob.json
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { hex, load, stream, writeVectors } from './lib.mjs';

const C = await load('@aztec/constants');
const { Fr } = await load('@aztec/foundation/curves/bn254');
const { EthAddress } = await load('@aztec/foundation/eth-address');
const { jsonStringify } = await load('@aztec/foundation/json-rpc');
const { BlockNumber, SlotNumber, CheckpointNumber, IndexWithinCheckpoint } = await load('@aztec/foundation/branded-types');
const { AztecAddress } = await load('@aztec/stdlib/aztec-address');
const { BlockHeader, GlobalVariables, StateReference, PartialStateReference, TxEffect, TxHash } = await load('@aztec/stdlib/tx');
const { GasFees } = await load('@aztec/stdlib/gas');
const { AppendOnlyTreeSnapshot } = await load('@aztec/stdlib/trees');
const { PrivateLog, PublicLog, ContractClassLog, ContractClassLogFields } = await load('@aztec/stdlib/logs');
const { PublicDataWrite, RevertCode } = await load('@aztec/stdlib/avm');
const { Body, L2Block } = await load('@aztec/stdlib/block');
const { L1PublishedData } = await load('@aztec/stdlib/checkpoint');
const { CheckpointHeader } = await load('@aztec/stdlib/rollup');
const B = await load('@aztec/blob-lib');
const { outboundTransform } = await load('@aztec/blob-client/encoding');

// retrievedToPublishedCheckpoint is not exported by @aztec/archiver: load its compiled module by path.
const refHome = process.env.QUETZAL_REFERENCE_HOME ?? join(homedir(), '.cache', 'quetzal-reference');
const modulesDir = process.env.REF_NODE_MODULES ?? join(refHome, 'toolchain', 'node_modules');
const req = createRequire(join(modulesDir, '..', 'package.json'));
const archiverDest = dirname(req.resolve('@aztec/archiver'));
const { retrievedToPublishedCheckpoint } = await import(pathToFileURL(join(archiverDest, 'l1', 'data_retrieval.js')).href);

const rnd = stream('blob');
const u32 = () => rnd(4).readUInt32BE(0);
const big = (n) => BigInt(hex(rnd(n)));
const pick = (choices) => choices[u32() % choices.length];
const randFr = () => {
  const k = u32() % 10;
  if (k === 0) return Fr.ZERO;
  if (k === 1) return new Fr(Fr.MODULUS - 1n);
  if (k === 2) return new Fr(BigInt(u32()));
  return new Fr(big(32) % Fr.MODULUS);
};
const nonZeroFr = () => {
  const f = randFr();
  return f.isZero() ? new Fr(1n + BigInt(u32())) : f;
};
const randAddr = () => (u32() % 8 === 0 ? AztecAddress.ZERO : AztecAddress.fromField(randFr()));
const randEth = () => (u32() % 8 === 0 ? EthAddress.ZERO : new EthAddress(rnd(20)));
const randU128 = () => pick([0n, 1n, 2n ** 128n - 1n, BigInt(u32()), big(16), big(8)]);
const bits = (n) => big(8 + Math.ceil(n / 8)) % 2n ** BigInt(n);
const edge = (n) => pick([0n, 1n, 2n ** BigInt(n) - 1n, bits(n), bits(n)]);
const json = (v) => JSON.parse(jsonStringify(v));
const fieldsHex = (fs) => fs.map((f) => f.toString());
const count = (max) => pick([0, 1, 2, u32() % 5, u32() % (max + 1), max]);

// ---- constants
const constants = {};
for (const n of ['TX_START_PREFIX', 'BLOCK_END_PREFIX', 'CHECKPOINT_END_PREFIX', 'BLOBS_PER_CHECKPOINT', 'FIELDS_PER_BLOB',
  'FLAT_PUBLIC_LOGS_PAYLOAD_LENGTH', 'PUBLIC_LOG_HEADER_LENGTH', 'PRIVATE_LOG_SIZE_IN_FIELDS', 'CONTRACT_CLASS_LOG_SIZE_IN_FIELDS',
  'MAX_NOTE_HASHES_PER_TX', 'MAX_NULLIFIERS_PER_TX', 'MAX_L2_TO_L1_MSGS_PER_TX', 'MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX',
  'MAX_PRIVATE_LOGS_PER_TX', 'MAX_CONTRACT_CLASS_LOGS_PER_TX', 'DA_GAS_PER_FIELD']) {
  if (C[n] === undefined) throw new Error(`no constant ${n}`);
  constants[n] = C[n].toString();
}

// ---- markers
const txStartMarkers = [];
for (let i = 0; i < 60; i++) {
  const m = {
    numBlobFields: Number(edge(32)), revertCode: Number(edge(8)), numNoteHashes: Number(edge(16)),
    numNullifiers: Number(edge(16)), numL2ToL1Msgs: Number(edge(16)), numPublicDataWrites: Number(edge(16)),
    numPrivateLogs: Number(edge(16)), privateLogsLength: Number(edge(16)), publicLogsLength: Number(edge(32)),
    contractClassLogLength: Number(edge(16)),
  };
  txStartMarkers.push({ ...m, field: B.encodeTxStartMarker(m).toString() });
}
const blockEndMarkers = [];
for (let i = 0; i < 40; i++) {
  const m = { timestamp: edge(64), blockNumber: BlockNumber(Number(edge(32))), numTxs: Number(edge(16)) };
  blockEndMarkers.push({ timestamp: m.timestamp.toString(), blockNumber: m.blockNumber, numTxs: m.numTxs, field: B.encodeBlockEndMarker(m).toString() });
}
const blockEndStateFields = [];
for (let i = 0; i < 40; i++) {
  const m = {
    l1ToL2MessageNextAvailableLeafIndex: Number(edge(36)), noteHashNextAvailableLeafIndex: Number(edge(42)),
    nullifierNextAvailableLeafIndex: Number(edge(42)), publicDataNextAvailableLeafIndex: Number(edge(40)), totalManaUsed: edge(48),
  };
  blockEndStateFields.push({ ...m, totalManaUsed: m.totalManaUsed.toString(), field: B.encodeBlockEndStateField(m).toString() });
}
const checkpointEndMarkers = [];
for (let i = 0; i < 20; i++) {
  const m = { numBlobFields: Number(edge(32)) };
  checkpointEndMarkers.push({ ...m, field: B.encodeCheckpointEndMarker(m).toString() });
}

// ---- tx effects
let classLogBudget = 1;
async function randTxEffect(withClassLog = true) {
  const privateLogs = Array.from({ length: count(C.MAX_PRIVATE_LOGS_PER_TX) % 6 }, () => {
    const len = 1 + (u32() % C.PRIVATE_LOG_SIZE_IN_FIELDS);
    const fs = Array.from({ length: len }, nonZeroFr);
    return new PrivateLog([...fs, ...Array(C.PRIVATE_LOG_SIZE_IN_FIELDS - len).fill(Fr.ZERO)], len);
  });
  const publicLogs = Array.from({ length: u32() % 4 }, () => new PublicLog(randAddr(), Array.from({ length: u32() % 6 }, randFr)));
  let contractClassLogs = [];
  if (withClassLog && classLogBudget > 0 && u32() % 4 === 0) {
    classLogBudget--;
    const len = C.CONTRACT_CLASS_LOG_SIZE_IN_FIELDS;
    const fs = Array.from({ length: len }, randFr);
    contractClassLogs = [new ContractClassLog(randAddr(), ContractClassLogFields.fromEmittedFields(fs), len)];
  }
  return new TxEffect(
    RevertCode.fromNumber(pick([0, 0, 1, 2, 3])),
    new TxHash(randFr()),
    pick([Fr.ZERO, new Fr(BigInt(u32()) * BigInt(u32())), randFr()]),
    Array.from({ length: count(C.MAX_NOTE_HASHES_PER_TX) }, nonZeroFr),
    Array.from({ length: Math.max(1, count(C.MAX_NULLIFIERS_PER_TX)) }, nonZeroFr),
    Array.from({ length: count(C.MAX_L2_TO_L1_MSGS_PER_TX) }, nonZeroFr),
    Array.from({ length: count(C.MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX) % 10 }, () => new PublicDataWrite(nonZeroFr(), randFr())),
    privateLogs,
    publicLogs,
    contractClassLogs,
  );
}

const txEffects = [];
for (let i = 0; i < 30; i++) {
  const t = i === 0 ? TxEffect.empty() : await randTxEffect();
  txEffects.push({
    buffer: hex(t.toBuffer()),
    json: json(t),
    blobFields: i === 0 ? null : fieldsHex(t.toBlobFields()),
    numBlobFields: t.getNumBlobFields(),
  });
}

// ---- checkpoints: random blocks → blob fields → the official archiver's rebuild
const snapshot = (maxBits) => new AppendOnlyTreeSnapshot(randFr(), Number(bits(maxBits)));
const checkpoints = [];
let blockNumber = 1 + (u32() % 1000);
for (let c = 0; c < 10; c++) {
  const numBlocks = c === 0 ? 1 : 1 + (u32() % 4);
  const chainId = new Fr(BigInt(pick([1, 31337, 11155111, u32()])));
  const version = new Fr(BigInt(u32()));
  const slot = SlotNumber(1 + (u32() % 100000));
  const coinbase = randEth();
  const feeRecipient = randAddr();
  const gasFees = new GasFees(randU128(), randU128());
  const l1ToL2 = snapshot(32);
  const blocks = [];
  let lastArchive = snapshot(30).root;
  for (let b = 0; b < numBlocks; b++) {
    const n = BlockNumber(blockNumber++);
    const gv = new GlobalVariables(chainId, version, n, slot, BigInt(1_700_000_000 + u32() % 100_000_000), coinbase, feeRecipient, gasFees);
    const state = new StateReference(l1ToL2, new PartialStateReference(snapshot(32), snapshot(32), snapshot(32)));
    const body = new Body(await Promise.all(Array.from({ length: u32() % 3 }, () => randTxEffect(c === 3))));
    const header = new BlockHeader(new AppendOnlyTreeSnapshot(lastArchive, n), state, Fr.ZERO, gv, Fr.ZERO, new Fr(bits(48)));
    const block = new L2Block(new AppendOnlyTreeSnapshot(randFr(), n + 1), header, body, CheckpointNumber(c + 1), IndexWithinCheckpoint(b));
    lastArchive = block.archive.root;
    blocks.push(block);
  }
  const fields = B.encodeCheckpointBlobDataFromBlocks(blocks.map((b) => b.toBlockBlobData()));
  const checkpointNumber = CheckpointNumber(1 + (u32() % 10000));
  const archiveRoot = nonZeroFr();
  const header = new CheckpointHeader(blocks[0].header.lastArchive.root, randFr(), randFr(), randFr(), randFr(), slot,
    blocks[0].header.globalVariables.timestamp, coinbase, feeRecipient, gasFees, randFr());
  const feeAssetPriceModifier = pick([0n, 1n, -1n, -(2n ** 100n), BigInt(u32())]);
  const published = await retrievedToPublishedCheckpoint({
    checkpointNumber, archiveRoot, feeAssetPriceModifier, header,
    checkpointBlobData: B.decodeCheckpointBlobData(fields),
    l1: new L1PublishedData(BigInt(u32()), BigInt(u32()), hex(rnd(32))), chainId, version, attestations: [],
  });
  const cp = published.checkpoint;
  // Individual sponge hashes of prefixes, as an extra check of the sponge.
  const blockFields = blocks.map((b) => b.toBlobFields());
  const cpJson = json(cp); // before any hash(): otherwise "_cachedHash":{} appears in the headers
  const blockJsons = cp.blocks.map((b) => json(b));
  checkpoints.push({
    checkpointNumber,
    archiveRoot: archiveRoot.toString(),
    chainId: chainId.toString(),
    version: version.toString(),
    feeAssetPriceModifier: feeAssetPriceModifier.toString(),
    header: json(header),
    fields: fieldsHex(fields),
    blockFieldCounts: blockFields.map((f) => f.length),
    rebuilt: {
      json: { ...cpJson, blocks: null },
      buffer: hex(cp.toBuffer()),
      blocks: cp.blocks.map((b, i) => ({ json: blockJsons[i], hash: null })),
    },
    blobFieldsHash: (await B.computeBlobFieldsHash(fields)).toString(),
  });
  for (let i = 0; i < cp.blocks.length; i++) {
    checkpoints.at(-1).rebuilt.blocks[i].hash = (await cp.blocks[i].hash()).toString();
  }
}

// ---- checkpoint headers
const checkpointHeaders = [];
for (let i = 0; i < 60; i++) {
  const h = i === 0 ? CheckpointHeader.empty() : new CheckpointHeader(randFr(), randFr(), randFr(), randFr(), randFr(),
    SlotNumber(Number(pick([0n, 1n, 2n ** 32n - 1n, bits(32), bits(20)]))), pick([0n, 1n, 2n ** 63n - 1n, bits(63), BigInt(1_700_000_000 + u32())]),
    randEth(), randAddr(), new GasFees(randU128(), randU128()), randFr());
  checkpointHeaders.push({ buffer: hex(h.toBuffer()), hash: h.hash().toString(), json: json(h) });
}

// ---- sponge over raw field lists; long lists are formulaic: field i = i * 0x1234567 + 1
const formula = (n) => Array.from({ length: n }, (_, i) => new Fr(BigInt(i) * 0x1234567n + 1n));
const sponges = [];
for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 100]) {
  const fs = Array.from({ length: n }, randFr);
  sponges.push({ fields: fieldsHex(fs), hash: (await B.computeBlobFieldsHash(fs)).toString() });
}
for (const n of [4096, 24576]) {
  sponges.push({ formula: n, hash: (await B.computeBlobFieldsHash(formula(n))).toString() });
}

// ---- blobs: commitments, versioned hashes, blobsHash, the file-store encoding
const blobCases = [];
for (const fields of [checkpoints[0].fields.map((s) => Fr.fromHexString(s)), formula(5000)]) {
  const blobs = await B.getBlobsPerL1Block(fields);
  const small = fields.length <= 200;
  blobCases.push({
    fields: small ? fieldsHex(fields) : null,
    formula: small ? null : fields.length,
    commitments: blobs.map((b) => hex(b.commitment)),
    versionedHashes: blobs.map((b) => hex(b.getEthVersionedBlobHash())),
    blobsHash: B.computeBlobsHashFromBlobs(blobs).toString(),
    prefixedCommitments: B.getPrefixedEthBlobCommitments(blobs),
    fileStore: small ? outboundTransform(Buffer.from(JSON.stringify(blobs[0].toJSON()))).toString('base64') : null,
  });
}

writeVectors('stdlib/src/test/resources/vectors/blob.json', {
  constants,
  txStartMarkers,
  blockEndMarkers,
  blockEndStateFields,
  checkpointEndMarkers,
  txEffects,
  checkpoints,
  checkpointHeaders,
  sponges,
  blobCases,
});
