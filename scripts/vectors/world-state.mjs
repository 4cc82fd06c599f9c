// The official world-state oracle: drives the native (C++/LMDB) world state of @aztec/world-state 4.1.2
// and records what it answers, for module world-state's tests. See ABOUT below for the schema.
// Output: world-state/src/test/resources/vectors/world-state-oracle.json
import { hex, load, stream, writeVectors } from './lib.mjs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const refHome = process.env.QUETZAL_REFERENCE_HOME ?? join(homedir(), '.cache', 'quetzal-reference');
const modulesDir = process.env.REF_NODE_MODULES ?? join(refHome, 'toolchain', 'node_modules');
const loadFile = (rel) => import(pathToFileURL(join(modulesDir, rel)).href);

const { NativeWorldStateService } = await load('@aztec/world-state');
const { getGenesisValues } = await load('@aztec/world-state/testing');
const { WorldStateMessageType, blockStateReference } = await loadFile('@aztec/world-state/dest/native/message.js');
const C = await load('@aztec/constants');
const { Fr } = await load('@aztec/foundation/curves/bn254');
const { EthAddress } = await load('@aztec/foundation/eth-address');
const { BlockNumber, SlotNumber } = await load('@aztec/foundation/branded-types');
const { AztecAddress } = await load('@aztec/stdlib/aztec-address');
const { BlockHeader, GlobalVariables } = await load('@aztec/stdlib/tx');
const { GasFees } = await load('@aztec/stdlib/gas');
const { MerkleTreeId, PublicDataTreeLeaf, AppendOnlyTreeSnapshot } = await load('@aztec/stdlib/trees');
const AT = await load('@aztec/accounts/testing');
const { SponsoredFPCContract } = await load('@aztec/noir-contracts.js/SponsoredFPC');
const { TokenContract } = await load('@aztec/noir-contracts.js/Token');
const { FPCContract } = await load('@aztec/noir-contracts.js/FPC');
const CT = await load('@aztec/stdlib/contract');

const ABOUT = `Official world-state oracle (@aztec/world-state 4.1.2 NativeWorldStateService, C++ over LMDB).
Conventions: every field element is a 0x-prefixed 64-hex-digit string; indices, sizes and block numbers are JSON numbers;
"trees" = {"NULLIFIER_TREE":{root,size}, "NOTE_HASH_TREE":..., "PUBLIC_DATA_TREE":..., "L1_TO_L2_MESSAGE_TREE":..., "ARCHIVE":...}
(size = next available leaf index); a nullifier preimage = {nullifier,nextNullifier,nextIndex}; a public-data preimage =
{slot,value,nextSlot,nextIndex}; a preimage at an index >= size is null (the native call fails), while a zero (padding)
leaf inside the tree reads as the all-zero preimage; a sibling path =
array of hex siblings from the leaf level up (length = tree height); a witness = {index, preimage, siblingPath}.
Top level:
- genesis[]: {label, prefilledPublicData:[{slot,value}] (sorted, as given to the world state), trees, initialHeader:{buffer,hash},
  initialLeaves?:{NULLIFIER_TREE:[preimage|null x130], PUBLIC_DATA_TREE:[preimage|null x130]} (indices 0..129), fundedAddresses?}.
  labels: "empty" (no prefill; ARCHIVE root = GENESIS_ARCHIVE_ROOT), "local-network" (TEST_ACCOUNTS + SponsoredFPC + BananaFPC,
  FeeJuice balances of 10^22), "random-*" (random sorted prefills, incl. one of exactly 128 leaves and one with a zero value).
  Rule: the indexed trees start with 128 leaves: k prefilled leaves take the LAST k positions, positions 0..127-k hold the
  padding leaves with key i (nullifier i / slot i, value 0); all 128 form one ascending linked chain, the last leaf links to
  index 0 with nextKey = key of leaf 0. Prefill keys must be sorted, unique and above the padding keys.
- blocks[]: applied in order with SYNC_BLOCK (what handleL2BlockAndMessages sends) on a world state created with the
  "local-network" prefill. Each: {number, firstInCheckpoint, l1ToL2Messages (unpadded; padded with zeros to 1024 when
  firstInCheckpoint, none otherwise), txs:[{noteHashes,nullifiers,publicDataWrites:[{slot,value}]}] (unpadded: the world
  state pads note hashes and nullifiers with zeros to 64 per tx; public data writes are inserted one by one, in order),
  header:{buffer,hash} (its hash is appended to ARCHIVE), trees (after the block),
  siblingPaths:{TREE:[{index,path}]}, leafPreimages:{NULLIFIER_TREE:[{index,preimage}],PUBLIC_DATA_TREE:[...]},
  lowLeaf:{NULLIFIER_TREE:[{key,alreadyPresent,index,preimage,siblingPath}],PUBLIC_DATA_TREE:[...]} (FIND_LOW_LEAF: the
  leaf with the key, or the largest smaller key), findLeafIndices:{TREE:[{leaf,index|null}]} (NOTE_HASH_TREE,
  L1_TO_L2_MESSAGE_TREE, ARCHIVE: leaf = the value, zero is never found; NULLIFIER_TREE: leaf = the nullifier (0 and 1
  are found: padding leaves); PUBLIC_DATA_TREE: leaf = slot||value as 64 bytes hex: only an exact (slot,value) match), historical?: {block, readAfterBlock, trees,
  siblingPaths, leafPreimages, lowLeaf, findLeafIndices} = the same reads against the committed state of an earlier block.
- unwind: {toBlock, status, trees} after unwindBlocks(toBlock) following the last block (trees equal those after toBlock).
- forkOps: {forkedAtBlock, steps:[...]}: a fork of the (unwound) state; each step {op, ...inputs, result?, trees} in order:
  appendLeaves {tree, leaves}; batchInsert {tree, leaves (32-byte nullifiers, zeros = padding), subtreeHeight, result:
  {sortedNewLeaves, sortedNewLeavesIndexes, newSubtreeSiblingPath, lowLeavesWitnessData:[witness]}}; sequentialInsert
  {tree, leaves:[{slot,value}], result:{lowLeavesWitnessData:[witness], insertionWitnessData:[witness]}} (per write, in
  order: the low leaf before the write; the insertion witness is the still-empty leaf at the new index for a new slot, or
  index 0 with the zero preimage and zero path for an update of an existing slot); batchInsert low-leaf witnesses of zero
  (padding) leaves are likewise index 0, zero preimage, zero path; sortedNewLeaves holds the 32-byte leaf values
  (the official facade returns them with extra bytes appended) and sortedNewLeavesIndexes their positions in the input;
  createCheckpoint {depth}; commitCheckpoint; revertCheckpoint; updateArchive {header:{buffer,hash}}; error steps
  {op, ..., error} record a rejected call (state unchanged).
- historicFork: {block, trees}: a fork created at an older block sees that block's trees.`;

const rnd = stream('world-state-oracle');
const u32 = () => rnd(4).readUInt32BE(0);
const randFr = () => new Fr(BigInt(hex(rnd(32))) % Fr.MODULUS);
const TREE_NAMES = ['NULLIFIER_TREE', 'NOTE_HASH_TREE', 'PUBLIC_DATA_TREE', 'L1_TO_L2_MESSAGE_TREE', 'ARCHIVE'];
const ID = Object.fromEntries(TREE_NAMES.map((n) => [n, MerkleTreeId[n]]));
const pick = (xs) => xs[u32() % xs.length];
const frHex = (b) => new Fr(Buffer.from(b)).toString();

async function trees(ops) {
  const out = {};
  for (const n of TREE_NAMES) {
    const info = await ops.getTreeInfo(ID[n]);
    out[n] = { root: frHex(info.root), size: Number(info.size) };
  }
  return out;
}

const preimageJson = (p) => {
  if (!p) return null;
  if ('nullifier' in p.leaf) return { nullifier: p.leaf.nullifier.toString(), nextNullifier: p.nextKey.toString(), nextIndex: Number(p.nextIndex) };
  return { slot: p.leaf.slot.toString(), value: p.leaf.value.toString(), nextSlot: p.nextKey.toString(), nextIndex: Number(p.nextIndex) };
};
const pathJson = (sp) => sp.toFields().map((f) => f.toString());
const witnessJson = (w) => ({ index: Number(w.index), preimage: preimageJson(w.leafPreimage), siblingPath: pathJson(w.siblingPath) });

async function preimage(ops, tree, index) {
  try {
    return preimageJson(await ops.getLeafPreimage(ID[tree], BigInt(index)));
  } catch {
    return null;
  }
}

async function newWs(prefill) {
  return NativeWorldStateService.tmp(undefined, true, prefill);
}

// ---- genesis
const initialAccounts = await AT.getInitialTestAccountsData();
const sponsored = await CT.getContractInstanceFromInstantiationParams(SponsoredFPCContract.artifact, { salt: new Fr(C.SPONSORED_FPC_SALT) });
const admin = initialAccounts[0].address;
const bananaCoin = await CT.getContractInstanceFromInstantiationParams(TokenContract.artifact, { constructorArgs: [admin, 'BC', 'BC', 18n], salt: new Fr(0) });
const bananaFpc = await CT.getContractInstanceFromInstantiationParams(FPCContract.artifact, { constructorArgs: [bananaCoin.address, admin], salt: new Fr(0) });
const localFunded = [...initialAccounts.map((a) => a.address), bananaFpc.address, sponsored.address];
const localGenesis = await getGenesisValues(localFunded);

const sortLeaves = (ls) => ls.sort((a, b) => (a.slot.toBigInt() < b.slot.toBigInt() ? -1 : 1));
const randomPrefill = (n, zeroValue = false) =>
  sortLeaves(Array.from({ length: n }, (_, i) => new PublicDataTreeLeaf(new Fr(1000n + (BigInt(hex(rnd(31))) % (Fr.MODULUS - 2000n))), zeroValue && i === 0 ? Fr.ZERO : randFr())));

const genesisCases = [
  ['empty', [], true],
  ['local-network', localGenesis.prefilledPublicData, true],
  ['random-1', randomPrefill(1), false],
  ['random-7-zero-value', randomPrefill(7, true), false],
  ['random-64', randomPrefill(64), false],
  ['random-128', randomPrefill(128), true],
  ['random-small-keys', [new PublicDataTreeLeaf(new Fr(128n), new Fr(1n)), new PublicDataTreeLeaf(new Fr(129n), new Fr(2n))], true],
];
const genesis = [];
for (const [label, prefill, withLeaves] of genesisCases) {
  const ws = await newWs(prefill);
  const c = ws.getCommitted();
  const header = ws.getInitialHeader();
  const g = {
    label,
    prefilledPublicData: prefill.map((l) => ({ slot: l.slot.toString(), value: l.value.toString() })),
    trees: await trees(c),
    initialHeader: { buffer: hex(header.toBuffer()), hash: (await header.hash()).toString() },
  };
  if (label === 'local-network') {
    g.fundedAddresses = localFunded.map((a) => a.toString());
    g.genesisArchiveRootFromGetGenesisValues = localGenesis.genesisArchiveRoot.toString();
  }
  if (withLeaves) {
    g.initialLeaves = {};
    for (const t of ['NULLIFIER_TREE', 'PUBLIC_DATA_TREE']) {
      g.initialLeaves[t] = [];
      for (let i = 0; i < 130; i++) g.initialLeaves[t].push(await preimage(c, t, i));
    }
  }
  genesis.push(g);
  await ws.close();
}

// ---- blocks
const ws = await newWs(localGenesis.prefilledPublicData);
const inst = ws.instance;
const writtenSlots = localGenesis.prefilledPublicData.map((l) => l.slot);
const allNullifiers = [];
const allNoteHashes = [];
const allMessages = [];
const blockHashes = [];
const checkpointSizes = [2, 1, 3, 2, 2];
const plan = [];
for (const size of checkpointSizes) for (let j = 0; j < size; j++) plan.push(j === 0);

function makeTx(b, t) {
  const pickCount = (max) => {
    const k = u32() % 6;
    return k === 0 ? 0 : k === 1 ? max : 1 + (u32() % Math.min(max, 12));
  };
  const noteHashes = Array.from({ length: pickCount(64) }, randFr);
  const nullifiers = Array.from({ length: Math.max(1, pickCount(64)) }, randFr);
  const nWrites = u32() % 7;
  const publicDataWrites = [];
  const used = new Set();
  for (let i = 0; i < nWrites; i++) {
    let slot;
    if (writtenSlots.length && u32() % 3 === 0) slot = writtenSlots[u32() % writtenSlots.length];
    else slot = randFr();
    if (used.has(slot.toString())) continue;
    used.add(slot.toString());
    publicDataWrites.push({ slot, value: u32() % 9 === 0 ? Fr.ZERO : randFr() });
  }
  return { noteHashes, nullifiers, publicDataWrites };
}

const pad = (xs, n) => [...xs, ...Array(n - xs.length).fill(Fr.ZERO)];
const frList = (xs) => xs.map((x) => x.toString());
const sample = (xs, k) => {
  if (xs.length <= k) return [...xs];
  const out = [];
  for (let i = 0; i < k; i++) out.push(xs[u32() % xs.length]);
  return out;
};

async function reads(ops, t, ctx, light = false) {
  const r = { siblingPaths: {}, leafPreimages: {}, lowLeaf: {}, findLeafIndices: {} };
  for (const n of TREE_NAMES) {
    const size = t[n].size;
    const idxs = [...new Set([Math.max(0, size - 1), size, 0, ctx.pathIdx[n]])];
    r.siblingPaths[n] = [];
    for (const i of idxs.slice(0, light ? 2 : 4)) r.siblingPaths[n].push({ index: i, path: pathJson(await ops.getSiblingPath(ID[n], BigInt(i))) });
  }
  for (const n of ['NULLIFIER_TREE', 'PUBLIC_DATA_TREE']) {
    const size = t[n].size;
    const idxs = [...new Set([0, 127, 128, size - 1, size, ...ctx.preimageIdx[n].filter((i) => i < size + 1)])];
    r.leafPreimages[n] = [];
    for (const i of idxs) r.leafPreimages[n].push({ index: i, preimage: await preimage(ops, n, i) });
    r.lowLeaf[n] = [];
    for (const key of light ? ctx.lowKeys[n].slice(0, 3) : ctx.lowKeys[n]) {
      const found = await ops.getPreviousValueIndex(ID[n], key.toBigInt());
      r.lowLeaf[n].push({
        key: key.toString(),
        alreadyPresent: found.alreadyPresent,
        index: Number(found.index),
        preimage: await preimage(ops, n, found.index),
        siblingPath: pathJson(await ops.getSiblingPath(ID[n], found.index)),
      });
    }
  }
  for (const [n, leaves] of Object.entries(ctx.findLeaves)) {
    const bufs = leaves.map((l) => (typeof l === 'string' ? Buffer.from(l.slice(2), 'hex') : l.toBuffer()));
    const res = await ops.findLeafIndices(ID[n], n === 'NOTE_HASH_TREE' || n === 'L1_TO_L2_MESSAGE_TREE' || n === 'ARCHIVE' ? bufs.map((b) => Fr.fromBuffer(b)) : bufs);
    r.findLeafIndices[n] = leaves.map((l, i) => ({ leaf: typeof l === 'string' ? l : l.toString(), index: res[i] === undefined ? null : Number(res[i]) }));
  }
  return r;
}

const blocks = [];
const contexts = [];
let slot = 10;
let timestamp = 1_800_000_000n;
for (let b = 1; b <= plan.length; b++) {
  const first = plan[b - 1];
  const nTx = 1 + (u32() % 4);
  const txs = Array.from({ length: nTx }, (_, t) => makeTx(b, t));
  const messages = first ? Array.from({ length: u32() % 6 }, randFr) : [];
  if (first) slot += 1 + (u32() % 3);
  timestamp += 12n;

  // sequencer-style: apply on a fork to learn the state reference
  const before = await trees(ws.getCommitted());
  const fork = await ws.fork();
  if (first) await fork.appendLeaves(MerkleTreeId.L1_TO_L2_MESSAGE_TREE, pad(messages, C.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP));
  for (const tx of txs) {
    await fork.appendLeaves(MerkleTreeId.NOTE_HASH_TREE, pad(tx.noteHashes, C.MAX_NOTE_HASHES_PER_TX));
    await fork.batchInsert(MerkleTreeId.NULLIFIER_TREE, pad(tx.nullifiers, C.MAX_NULLIFIERS_PER_TX).map((f) => f.toBuffer()), C.NULLIFIER_SUBTREE_HEIGHT);
    await fork.sequentialInsert(MerkleTreeId.PUBLIC_DATA_TREE, tx.publicDataWrites.map((w) => Buffer.concat([w.slot.toBuffer(), w.value.toBuffer()])));
  }
  const state = await fork.getStateReference();
  const gv = new GlobalVariables(new Fr(31337n), new Fr(1234n), BlockNumber(b), SlotNumber(slot), timestamp,
    EthAddress.fromString('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266'), AztecAddress.ZERO, new GasFees(0n, 1000n + BigInt(b)));
  const header = new BlockHeader(new AppendOnlyTreeSnapshot(Fr.fromBuffer(Buffer.from(before.ARCHIVE.root.slice(2), 'hex')), before.ARCHIVE.size),
    state, randFr(), gv, new Fr(BigInt(u32())), new Fr(BigInt(u32())));
  const headerHash = await header.hash();
  await fork.updateArchive(header);
  const forkTrees = await trees(fork);
  await fork.close();

  await inst.call(WorldStateMessageType.SYNC_BLOCK, {
    blockNumber: b,
    blockHeaderHash: headerHash.toBuffer(),
    paddedL1ToL2Messages: first ? pad(messages, C.NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP).map((f) => f.toBuffer()) : [],
    paddedNoteHashes: txs.flatMap((tx) => pad(tx.noteHashes, C.MAX_NOTE_HASHES_PER_TX)).map((f) => f.toBuffer()),
    paddedNullifiers: txs.flatMap((tx) => pad(tx.nullifiers, C.MAX_NULLIFIERS_PER_TX)).map((f) => ({ nullifier: f.toBuffer() })),
    publicDataWrites: txs.flatMap((tx) => tx.publicDataWrites).map((w) => ({ slot: w.slot.toBuffer(), value: w.value.toBuffer() })),
    blockStateRef: blockStateReference(state),
    canonical: true,
  });
  const after = await trees(ws.getCommitted());
  if (JSON.stringify(after) !== JSON.stringify(forkTrees)) throw new Error(`block ${b}: fork and sync disagree`);

  for (const tx of txs) {
    allNullifiers.push(...tx.nullifiers);
    allNoteHashes.push(...tx.noteHashes);
    for (const w of tx.publicDataWrites) if (!writtenSlots.some((s) => s.equals(w.slot))) writtenSlots.push(w.slot);
  }
  allMessages.push(...messages);
  blockHashes.push(headerHash);

  // what to read: fixed now, so that the historical reads later ask the same questions
  const sizeN = after.NULLIFIER_TREE.size;
  const sizeP = after.PUBLIC_DATA_TREE.size;
  const ctx = {
    pathIdx: Object.fromEntries(TREE_NAMES.map((n) => [n, u32() % Math.max(1, after[n].size)])),
    preimageIdx: {
      NULLIFIER_TREE: [before.NULLIFIER_TREE.size, before.NULLIFIER_TREE.size + 1, sizeN - 2, before.NULLIFIER_TREE.size + (u32() % Math.max(1, sizeN - before.NULLIFIER_TREE.size))],
      PUBLIC_DATA_TREE: [before.PUBLIC_DATA_TREE.size, sizeP - 2, 125, 126, u32() % sizeP],
    },
    lowKeys: {
      NULLIFIER_TREE: [...sample(allNullifiers, 2), randFr(), pick([new Fr(5n), new Fr(127n), new Fr(128n)]), new Fr(Fr.MODULUS - 1n)],
      PUBLIC_DATA_TREE: [...sample(writtenSlots, 2), randFr(), pick([new Fr(3n), new Fr(200n), new Fr(127n)]), new Fr(Fr.MODULUS - 1n)],
    },
    findLeaves: {
      NOTE_HASH_TREE: [...sample(allNoteHashes, 3), randFr(), Fr.ZERO],
      NULLIFIER_TREE: [...sample(allNullifiers, 3), randFr(), new Fr(0n), new Fr(1n)],
      PUBLIC_DATA_TREE: [],
      L1_TO_L2_MESSAGE_TREE: [...sample(allMessages, 2), randFr()],
      ARCHIVE: [blockHashes[0], headerHash, randFr()],
    },
  };
  // public data: exact leaves (latest value of a written slot), a stale value, a random leaf
  const lastWrites = txs.flatMap((tx) => tx.publicDataWrites);
  if (lastWrites.length) {
    const w = lastWrites[lastWrites.length - 1];
    ctx.findLeaves.PUBLIC_DATA_TREE.push(hex(Buffer.concat([w.slot.toBuffer(), w.value.toBuffer()])));
    ctx.findLeaves.PUBLIC_DATA_TREE.push(hex(Buffer.concat([w.slot.toBuffer(), randFr().toBuffer()])));
  }
  const pd0 = localGenesis.prefilledPublicData[0];
  ctx.findLeaves.PUBLIC_DATA_TREE.push(hex(Buffer.concat([pd0.slot.toBuffer(), pd0.value.toBuffer()])));
  ctx.findLeaves.PUBLIC_DATA_TREE.push(hex(Buffer.concat([new Fr(5n).toBuffer(), Fr.ZERO.toBuffer()])));
  contexts.push(ctx);

  const rec = {
    number: b,
    firstInCheckpoint: first,
    l1ToL2Messages: frList(messages),
    txs: txs.map((tx) => ({
      noteHashes: frList(tx.noteHashes),
      nullifiers: frList(tx.nullifiers),
      publicDataWrites: tx.publicDataWrites.map((w) => ({ slot: w.slot.toString(), value: w.value.toString() })),
    })),
    header: { buffer: hex(header.toBuffer()), hash: headerHash.toString() },
    trees: after,
    ...(await reads(ws.getCommitted(), after, ctx)),
  };
  blocks.push(rec);

  // historical reads: the state of block b-3, read now
  if (b >= 4) {
    const k = b - 3;
    const snap = ws.getSnapshot(BlockNumber(k));
    const t = await trees(snap);
    if (JSON.stringify(t) !== JSON.stringify(blocks[k - 1].trees)) throw new Error(`historical trees of block ${k} differ`);
    blocks[k - 1].historical = { block: k, readAfterBlock: b, trees: t, ...(await reads(snap, t, contexts[k - 1], true)) };
  }
}

// ---- unwind
const last = plan.length;
const toBlock = last - 3;
const status = await ws.unwindBlocks(BlockNumber(toBlock));
const unwoundTrees = await trees(ws.getCommitted());
if (JSON.stringify(unwoundTrees) !== JSON.stringify(blocks[toBlock - 1].trees)) throw new Error('unwind mismatch');
const unwind = {
  toBlock,
  status: {
    unfinalizedBlockNumber: Number(status.summary.unfinalizedBlockNumber),
    finalizedBlockNumber: Number(status.summary.finalizedBlockNumber),
    oldestHistoricalBlock: Number(status.summary.oldestHistoricalBlock),
    treesAreSynched: status.summary.treesAreSynched,
  },
  trees: unwoundTrees,
};

// ---- fork operations (sequencer style) on the unwound state
const fork = await ws.fork();
const steps = [];
const step = async (rec, fn) => {
  try {
    const result = await fn();
    if (result !== undefined) rec.result = result;
  } catch (e) {
    rec.error = String(e.message ?? e);
  }
  rec.trees = await trees(fork);
  steps.push(rec);
};
const leavesHex = (xs) => xs.map((x) => x.toString());
const batchResult = (r) => ({
  // the facade's buffers are leaf || extra bytes (it maps serializeToBuffer with index and array); keep the leaf
  sortedNewLeaves: r.sortedNewLeaves.map((b) => hex(b.subarray(0, 32))),
  sortedNewLeavesIndexes: r.sortedNewLeavesIndexes.map(Number),
  newSubtreeSiblingPath: pathJson(r.newSubtreeSiblingPath),
  lowLeavesWitnessData: r.lowLeavesWitnessData.map(witnessJson),
});
const seqResult = (r) => ({
  lowLeavesWitnessData: r.lowLeavesWitnessData.map(witnessJson),
  insertionWitnessData: r.insertionWitnessData.map(witnessJson),
});
const doAppend = (tree, leaves) => step({ op: 'appendLeaves', tree, leaves: leavesHex(leaves) }, () => fork.appendLeaves(ID[tree], leaves));
const doBatch = (leaves, height = C.NULLIFIER_SUBTREE_HEIGHT) =>
  step({ op: 'batchInsert', tree: 'NULLIFIER_TREE', leaves: leavesHex(leaves), subtreeHeight: height },
    async () => batchResult(await fork.batchInsert(MerkleTreeId.NULLIFIER_TREE, leaves.map((f) => f.toBuffer()), height)));
const doSeq = (writes) =>
  step({ op: 'sequentialInsert', tree: 'PUBLIC_DATA_TREE', leaves: writes.map((w) => ({ slot: w.slot.toString(), value: w.value.toString() })) },
    async () => seqResult(await fork.sequentialInsert(MerkleTreeId.PUBLIC_DATA_TREE, writes.map((w) => Buffer.concat([w.slot.toBuffer(), w.value.toBuffer()])))));
const doCp = () => step({ op: 'createCheckpoint' }, async () => undefined).then(() => undefined);

steps.push({ op: 'initial', trees: await trees(fork) });
await doAppend('NOTE_HASH_TREE', pad([randFr(), randFr(), randFr()], 64));
const txNullifiers = [randFr(), randFr(), new Fr(130n), randFr(), randFr()];
await doBatch(pad(txNullifiers, 64));
const existingSlot = writtenSlots[0];
const newSlot = randFr();
await doSeq([{ slot: newSlot, value: randFr() }, { slot: existingSlot, value: randFr() }, { slot: newSlot, value: randFr() }, { slot: new Fr(3n), value: new Fr(77n) }]);
// checkpoint, more work, revert
{
  const rec = { op: 'createCheckpoint' };
  rec.depth = await fork.createCheckpoint();
  rec.trees = await trees(fork);
  steps.push(rec);
}
await doAppend('NOTE_HASH_TREE', pad([randFr()], 64));
await doBatch([randFr(), randFr()], 1);
await doSeq([{ slot: randFr(), value: randFr() }]);
await step({ op: 'revertCheckpoint' }, () => fork.revertCheckpoint());
// nested: cp1 { work; cp2 { work } commit cp2 } revert cp1 ... and cp { work } commit
{
  const rec = { op: 'createCheckpoint' };
  rec.depth = await fork.createCheckpoint();
  rec.trees = await trees(fork);
  steps.push(rec);
}
await doBatch([randFr(), Fr.ZERO], 1);
{
  const rec = { op: 'createCheckpoint' };
  rec.depth = await fork.createCheckpoint();
  rec.trees = await trees(fork);
  steps.push(rec);
}
await doSeq([{ slot: existingSlot, value: randFr() }, { slot: randFr(), value: randFr() }]);
await step({ op: 'commitCheckpoint' }, () => fork.commitCheckpoint());
await step({ op: 'revertCheckpoint' }, () => fork.revertCheckpoint());
{
  const rec = { op: 'createCheckpoint' };
  rec.depth = await fork.createCheckpoint();
  rec.trees = await trees(fork);
  steps.push(rec);
}
const keptNullifiers = Array.from({ length: 64 }, randFr);
await doBatch(keptNullifiers);
await step({ op: 'commitCheckpoint' }, () => fork.commitCheckpoint());
// a duplicate nullifier is rejected
await doBatch([txNullifiers[0], randFr()], 1);
// an archive update with a header of the fork's state
{
  const t = await trees(fork);
  const state = await fork.getStateReference();
  const header = new BlockHeader(new AppendOnlyTreeSnapshot(Fr.fromString(t.ARCHIVE.root), t.ARCHIVE.size), state, randFr(),
    GlobalVariables.empty({ blockNumber: BlockNumber(toBlock + 1) }), Fr.ZERO, Fr.ZERO);
  await step({ op: 'updateArchive', header: { buffer: hex(header.toBuffer()), hash: (await header.hash()).toString() } }, () => fork.updateArchive(header));
}
await fork.close();
const forkOps = { forkedAtBlock: toBlock, steps };

// ---- a fork at an older block
const oldBlock = 2;
const oldFork = await ws.fork(BlockNumber(oldBlock));
const historicFork = { block: oldBlock, trees: await trees(oldFork) };
await oldFork.close();
if (JSON.stringify(historicFork.trees) !== JSON.stringify(blocks[oldBlock - 1].trees)) throw new Error('historic fork mismatch');

await ws.close();

writeVectors('world-state/src/test/resources/vectors/world-state-oracle.json', {
  about: ABOUT,
  constants: {
    NOTE_HASH_TREE_HEIGHT: C.NOTE_HASH_TREE_HEIGHT, NULLIFIER_TREE_HEIGHT: C.NULLIFIER_TREE_HEIGHT,
    PUBLIC_DATA_TREE_HEIGHT: C.PUBLIC_DATA_TREE_HEIGHT, L1_TO_L2_MSG_TREE_HEIGHT: C.L1_TO_L2_MSG_TREE_HEIGHT,
    ARCHIVE_HEIGHT: C.ARCHIVE_HEIGHT, GENESIS_ARCHIVE_ROOT: new Fr(C.GENESIS_ARCHIVE_ROOT).toString(),
  },
  genesis,
  blocks,
  unwind,
  forkOps,
  historicFork,
});
process.exit(0);
