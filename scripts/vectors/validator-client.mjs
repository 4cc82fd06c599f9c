// Reference vectors for the validator client's signatures: checkpoint proposal, block proposal,
// checkpoint attestation and the proposer's attestations-and-signers signature, produced with the
// official classes (CheckpointProposal / BlockProposal.createProposalFromSigner, ConsensusPayload,
// CommitteeAttestationsAndSigners) and Secp256k1Signer. Output:
// validator-client/src/test/resources/vectors/validator-client.json
import { hex, load, stream, writeVectors } from './lib.mjs';

const { keccak256 } = await load('@aztec/foundation/crypto/keccak');
const { Secp256k1Signer } = await load('@aztec/foundation/crypto/secp256k1-signer');
const { Buffer32 } = await load('@aztec/foundation/buffer');
const { Fr } = await load('@aztec/foundation/curves/bn254');
const { EthAddress } = await load('@aztec/foundation/eth-address');
const { makeBlockHeader, makeCheckpointHeader } = await load('@aztec/stdlib/testing');
const p2p = await load('@aztec/stdlib/p2p');
const { CommitteeAttestation, CommitteeAttestationsAndSigners } = await load('@aztec/stdlib/block');
const { TxHash } = await load('@aztec/stdlib/tx');

const { BlockProposal, CheckpointProposal, ConsensusPayload, SignatureDomainSeparator } = p2p;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const rnd = stream('validator-client');
const key = () => {
  for (;;) {
    const k = rnd(32);
    const n = BigInt(hex(k));
    if (n > 0n && n < N) return k;
  }
};
const fr = () => Fr.fromBufferReduce(rnd(32));
const signerFor = (k) => new Secp256k1Signer(new Buffer32(k));
const payloadSigner = (s) => async (payload /* Buffer32 */) => s.signMessage(payload);

const cases = [];
for (let c = 0; c < 6; c++) {
  const keys = Array.from({ length: 5 }, key);
  const signers = keys.map(signerFor);
  const header = makeCheckpointHeader(c * 17 + 1);
  const archive = fr();
  const modifier = [0n, 1n, -1n, 100n, -100n, (1n << 255n) - 1n][c];
  const proposer = signers[c % signers.length];

  // checkpoint proposal (with or without a last block)
  const blockHeader = makeBlockHeader(c * 31 + 3);
  const txHashes = Array.from({ length: c }, () => new TxHash(fr()));
  const lastBlock =
    c % 2 === 0 ? { blockHeader, indexWithinCheckpoint: c, txHashes, txs: undefined } : undefined;
  const proposal = await CheckpointProposal.createProposalFromSigner(
    header,
    archive,
    modifier,
    lastBlock,
    payloadSigner(proposer),
  );
  const block = lastBlock ? proposal.getBlockProposal() : undefined;

  // attestations: committee of 7 = our 5 keys interleaved with 2 outsiders; 4 of ours sign
  const outsiders = [EthAddress.fromField(fr()), EthAddress.fromField(fr())];
  const committee = [
    signers[0].address,
    outsiders[0],
    signers[1].address,
    signers[2].address,
    outsiders[1],
    signers[3].address,
    signers[4].address,
  ];
  const consensus = new ConsensusPayload(header, archive, modifier);
  const digest = Buffer32.fromBuffer(
    keccak256(consensus.getPayloadToSign(SignatureDomainSeparator.checkpointAttestation)),
  );
  const signing = new Set([0, 1, 2, 3].map((i) => signers[(i + c) % 5].address.toString()));
  signing.add(proposer.address.toString());
  const attestations = committee.map((addr) => {
    const s = signers.find((x) => x.address.equals(addr));
    return s && signing.has(addr.toString())
      ? CommitteeAttestation.fromAddressAndSignature(addr, s.signMessage(digest))
      : CommitteeAttestation.fromAddress(addr);
  });
  const aas = new CommitteeAttestationsAndSigners(attestations);
  const aasPayload = aas.getPayloadToSign(SignatureDomainSeparator.attestationsAndSigners);
  const aasSig = proposer.signMessage(Buffer32.fromBuffer(keccak256(aasPayload)));
  const packed = aas.getPackedAttestations();

  cases.push({
    keys: keys.map(hex),
    proposer: proposer.address.toString(),
    checkpointHeader: hex(header.toBuffer()),
    archive: archive.toString(),
    feeAssetPriceModifier: modifier.toString(),
    checkpointProposalPayload: hex(proposal.getPayloadToSign(SignatureDomainSeparator.checkpointProposal)),
    checkpointProposalSignature: proposal.signature.toString(),
    block: block && {
      blockHeader: hex(blockHeader.toBuffer()),
      indexWithinCheckpoint: c,
      inHash: header.inHash.toString(),
      txHashes: txHashes.map((h) => h.toString()),
      payload: hex(block.getPayloadToSign(SignatureDomainSeparator.blockProposal)),
      signature: block.signature.toString(),
    },
    committee: committee.map((a) => a.toString()),
    attestationPayload: hex(consensus.getPayloadToSign(SignatureDomainSeparator.checkpointAttestation)),
    attestations: attestations.map((a) => a.signature.toString()),
    signatureIndices: packed.signatureIndices,
    signaturesOrAddresses: packed.signaturesOrAddresses,
    signers: aas.getSigners().map((a) => a.toString()),
    attestationsAndSignersPayload: hex(aasPayload),
    attestationsAndSignersSignature: aasSig.toString(),
  });
}

writeVectors('validator-client/src/test/resources/vectors/validator-client.json', { cases });
