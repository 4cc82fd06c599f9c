// Reference vectors for module block-builder: the L2-to-L1 out hashes (tx, block, checkpoint, epoch
// and the accumulated epoch out hash of the checkpoint header) and the blobs of checkpoints (KZG
// commitments, versioned hashes, blobsHash and the Rollup.propose blobInput) for large field sets.
// Blob fields are not stored: field i of case c is sha256Trunc(utf8(label) || u32be(i)) (or p-1-i for
// the "high" label), which the Java test recomputes.
// Output: block-builder/src/test/resources/vectors/block-builder.json
import { createHash } from 'node:crypto';

import { hex, load, stream, writeVectors } from './lib.mjs';

const { Fr } = await load('@aztec/foundation/curves/bn254');
const M = await load('@aztec/stdlib/messaging');
const B = await load('@aztec/blob-lib');

const rnd = stream('block-builder');
const u32 = () => rnd(4).readUInt32BE(0);
const randFr = () => {
  const k = u32() % 8;
  if (k === 0) return Fr.ZERO;
  if (k === 1) return new Fr(Fr.MODULUS - 1n);
  return new Fr(BigInt(hex(rnd(32))) % Fr.MODULUS);
};
const hexes = (fs) => fs.map((f) => f.toString());

// ---- out hashes
const outHashes = [];
for (let c = 0; c < 40; c++) {
  const numCheckpoints = c === 0 ? 32 : [1, 1, 2, 3, 5][u32() % 5];
  const epoch = [];
  for (let k = 0; k < numCheckpoints; k++) {
    const blocks = [];
    const numBlocks = 1 + (u32() % 4);
    for (let b = 0; b < numBlocks; b++) {
      const txs = [];
      const numTxs = u32() % 5;
      for (let t = 0; t < numTxs; t++) {
        const n = [0, 0, 1, 2, 3, 5, 8][u32() % 7];
        txs.push(Array.from({ length: n }, () => (u32() % 6 === 0 ? Fr.ZERO : randFr())));
      }
      blocks.push(txs);
    }
    epoch.push(blocks);
  }
  const checkpointOutHashes = epoch.map((cp) => M.computeCheckpointOutHash(cp));
  outHashes.push({
    messages: epoch.map((cp) => cp.map((bl) => bl.map(hexes))),
    txOutHashes: epoch.map((cp) => cp.map((bl) => bl.map((tx) => M.computeTxOutHash(tx).toString()))),
    blockOutHashes: epoch.map((cp) => cp.map((bl) => M.computeBlockOutHash(bl).toString())),
    checkpointOutHashes: checkpointOutHashes.map((h) => h.toString()),
    accumulated: checkpointOutHashes.map((_, i) =>
      M.accumulateCheckpointOutHashes(checkpointOutHashes.slice(0, i + 1)).toString(),
    ),
    epochOutHash: M.computeEpochOutHash(epoch).toString(),
  });
}
const emptyEpochOutHash = M.accumulateCheckpointOutHashes([]).toString();

// ---- blobs
const sha256Trunc = (label, i) => {
  const c = Buffer.alloc(4);
  c.writeUInt32BE(i, 0);
  const d = createHash('sha256').update(label).update(c).digest();
  return new Fr(BigInt(hex(Buffer.concat([Buffer.alloc(1), d.subarray(0, 31)]))));
};
const fieldsOf = (label, n) =>
  Array.from({ length: n }, (_, i) => (label === 'high' ? new Fr(Fr.MODULUS - 1n - BigInt(i)) : sha256Trunc(label, i)));
const blobs = [];
for (const [label, n] of [['a', 1], ['b', 7], ['c', 4095], ['d', 4096], ['e', 4097], ['f', 10000], ['high', 8192], ['full', 24576]]) {
  const fields = fieldsOf(label, n);
  const bs = await B.getBlobsPerL1Block(fields);
  blobs.push({
    label,
    numFields: n,
    commitments: bs.map((b) => hex(b.commitment)),
    versionedHashes: bs.map((b) => hex(b.getEthVersionedBlobHash())),
    blobsHash: B.computeBlobsHashFromBlobs(bs).toString(),
    blobInput: B.getPrefixedEthBlobCommitments(bs),
    blobFieldsHash: (await B.computeBlobFieldsHash(fields)).toString(),
  });
}

writeVectors('block-builder/src/test/resources/vectors/block-builder.json', { outHashes, emptyEpochOutHash, blobs });
