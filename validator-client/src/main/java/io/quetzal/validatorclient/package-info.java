/**
 * The validator client's signing side (the official {@code @aztec/validator-client} key store and
 * {@code ValidationService}, with the slashing protection of {@code @aztec/validator-ha-signer}):
 * the node's attester keys, every signature a proposer or attester makes, and the collection of
 * attestations up to quorum.
 *
 * <p><b>Owns.</b>
 *
 * <ul>
 *   <li>{@link io.quetzal.validatorclient.ValidatorKeyStore}: the keys of {@code
 *       VALIDATOR_PRIVATE_KEYS}, their addresses, coinbase / fee recipient defaults, which of them
 *       sit in a committee.
 *   <li>{@link io.quetzal.validatorclient.ValidatorSigner}: checkpoint proposal, block proposal,
 *       attestation and attestations-and-signers signatures. Payloads ({@link
 *       io.quetzal.validatorclient.SignedPayloads}, {@link
 *       io.quetzal.validatorclient.AttestationsAndSigners}) follow the official {@code
 *       getPayloadToSign}s; the two L1 checks are recomputed from the Solidity sources ({@code
 *       ProposeLib.digest} for attestations, {@code AttestationLib.getAttestationsAndSignersDigest}
 *       for the proposer's second signature, both verified in {@code
 *       ValidatorSelectionLib.verifyProposer} after {@code toEthSignedMessageHash}).
 *   <li>{@link io.quetzal.validatorclient.SlashingProtection}: one LMDB record per (rollup,
 *       validator, slot, duty, block index) holding the signed payload hash.
 *   <li>{@link io.quetzal.validatorclient.Quorum} and {@link
 *       io.quetzal.validatorclient.AttestationCollector}.
 * </ul>
 *
 * <p><b>Slashing protection is not optional.</b> There is no signing path that bypasses it: the key
 * store's signing method is package-private and {@link io.quetzal.validatorclient.ValidatorSigner}
 * records the payload hash and commits (fsync) before it signs. The official node only protects
 * with an external Postgres database in HA mode; Quetzal always protects, locally. Differences from
 * the official HA signer, deliberate: re-signing the identical payload returns the (deterministic,
 * identical) signature instead of {@code DutyAlreadySignedError}, so a restarted node can re-gossip
 * its own proposal; there is no "signing" in-progress state or lock token (a single process, and a
 * record without a signature is harmless: it only blocks the conflicting payloads); the block
 * number is not stored (it is not part of the official key either). The in-memory anti-equivocation
 * rule of the official validator (attest only to a slot above the last attested) is the caller's,
 * not this store's.
 *
 * <p><b>Secrets.</b> Keys stay inside {@link io.quetzal.foundation.crypto.Secp256k1PrivateKey} /
 * {@link io.quetzal.foundation.crypto.Secp256k1Signer}; nothing here prints anything but addresses
 * and payload hashes.
 *
 * <p><b>Not yet.</b> The p2p codecs of proposals and attestations, the attestation pool feeding the
 * collector from gossip, remote signers (web3signer) and keystore files, governance/slashing vote
 * signatures (EIP-712), signed txs in proposals.
 *
 * <p>Thread-safety: every public class is immutable or internally synchronized.
 */
package io.quetzal.validatorclient;
