// Conformance through the official client: `createAztecNodeClient` from @aztec/aztec.js (4.1.2,
// the reference install) calls every read method Quetzal serves, on two nodes holding the same
// chain, with arguments taken from that chain; the client parses each answer with the official
// schemas, and the parsed results must be equal. Prints "N passed, M failed"; exit 0 when equal.
//   node aztecjs-client.mjs URL_A URL_B
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const modulesDir = process.env.REF_NODE_MODULES;
const require = createRequire(join(modulesDir, '..', 'package.json'));
const load = (spec) => import(pathToFileURL(require.resolve(spec)).href);
const { createAztecNodeClient } = await load('@aztec/aztec.js/node');
const { Fr } = await load('@aztec/aztec.js/fields');
const { AztecAddress } = await load('@aztec/aztec.js/addresses');
const { TxHash } = await load('@aztec/aztec.js/tx');
const { BlockHash } = await load('@aztec/stdlib/block');

const [urlA, urlB] = process.argv.slice(2);
const a = createAztecNodeClient(urlA);
const b = createAztecNodeClient(urlB);
const show = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x)) ?? 'undefined';
let passed = 0;
let failed = 0;
async function same(method, ...args) {
  const run = async (c) => {
    try {
      return { ok: show(await c[method](...args)) };
    } catch (e) {
      return { err: String(e?.message ?? e).slice(0, 200) };
    }
  };
  const [x, y] = await Promise.all([run(a), run(b)]);
  if (x.ok !== undefined && x.ok === y.ok) {
    passed++;
  } else {
    failed++;
    console.log(`DIFF ${method}(${show(args).slice(1, -1).slice(0, 120)})  A=${(x.ok ?? 'error: ' + x.err).slice(0, 200)} B=${(y.ok ?? 'error: ' + y.err).slice(0, 200)}`);
  }
}

for (const m of ['getL2Tips', 'getBlockNumber', 'getProvenBlockNumber', 'getCheckpointedBlockNumber', 'getCheckpointNumber',
  'getNodeVersion', 'getVersion', 'getChainId', 'getL1ContractAddresses', 'getProtocolContractAddresses', 'getNodeInfo',
  'isReady', 'getWorldStateSyncStatus', 'getEncodedEnr', 'getMaxPriorityFees']) {
  await same(m);
}
const tip = Math.min(await a.getBlockNumber(), await b.getBlockNumber());
await same('getBlocks', 1, Math.min(50, tip));
await same('getCheckpoints', 1, Math.min(50, tip));
await same('getCheckpointedBlocks', 1, Math.min(50, tip));
const txs = [];
const contracts = new Set();
for (let n = 0; n <= tip; n++) {
  const block = await b.getBlock(n);
  if (n === 0 || n === tip || n % 97 === 0 || (block?.body?.txEffects?.length ?? 0) > 0) {
    await same('getBlock', n);
    await same('getBlockHeader', n);
    if (block) {
      const hash = await block.hash();
      await same('getBlockByHash', BlockHash.fromString(hash.toString()));
      await same('getBlockByArchive', block.archive.root);
      await same('getBlockHeaderByArchive', block.archive.root);
    }
  }
  for (const e of block?.body?.txEffects ?? []) {
    txs.push({ n, e });
    for (const l of e.publicLogs) contracts.add(l.contractAddress.toString());
  }
}
for (const { n, e } of txs) {
  const h = TxHash.fromString(e.txHash.toString());
  await same('getTxEffect', h);
  await same('getTxReceipt', h);
  for (const nf of e.nullifiers.slice(0, 2)) {
    await same('getNullifierMembershipWitness', n, nf);
    await same('getLowNullifierMembershipWitness', n, nf);
  }
  for (const nh of e.noteHashes.slice(0, 2)) await same('getNoteHashMembershipWitness', n, nh);
  for (const w of e.publicDataWrites.slice(0, 2)) await same('getPublicDataWitness', n, w.leafSlot);
  await same('findLeavesIndexes', n, 1, e.noteHashes.slice(0, 4));
  if (e.privateLogs.length > 0) {
    await same('getPrivateLogsByTags', e.privateLogs.map((l) => l.fields[0]).slice(0, 4));
  }
}
for (const c of contracts) {
  const addr = AztecAddress.fromString(c);
  await same('getContract', addr);
  await same('getPublicStorageAt', 'latest', addr, new Fr(1n));
  const inst = await b.getContract(addr);
  if (inst) await same('getContractClass', inst.currentContractClassId);
}
for (const { e } of txs) {
  for (const l of e.publicLogs.slice(0, 1)) {
    await same('getPublicLogsByTagsFromContract', l.contractAddress, [l.fields[0]]);
  }
}
if (tip > 1) {
  const prev = await b.getBlock(tip - 1);
  await same('getBlockHashMembershipWitness', tip, BlockHash.fromString((await prev.hash()).toString()));
}
await same('registerContractFunctionSignatures', ['transfer(Field,Field)']);
await same('getPublicLogs', { fromBlock: 1, toBlock: tip + 1 });
await same('getContractClassLogs', { fromBlock: 1, toBlock: tip + 1 });
for (const epoch of [0, 1, Math.floor(tip / 2)]) {
  await same('getCheckpointsDataForEpoch', epoch);
  await same('getL2ToL1Messages', epoch);
}
console.log(`aztec.js client: ${txs.length} txs, ${contracts.size} contracts, blocks up to ${tip}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
