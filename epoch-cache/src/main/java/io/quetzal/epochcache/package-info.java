/**
 * Slot and epoch arithmetic, and each epoch's committee, sample seed and proposers: the Java
 * counterpart of the official {@code @aztec/epoch-cache} ({@code EpochCache}) and {@code
 * @aztec/stdlib/src/epoch-helpers}, 4.1.2.
 *
 * <h2>Design</h2>
 *
 * <ul>
 *   <li><b>Arithmetic</b> ({@link io.quetzal.epochcache.L1RollupConstants}) is pure and immutable,
 *       on the typed {@code SlotNumber}/{@code EpochNumber} of foundation. The constants come from
 *       the Rollup ({@code RollupConfig}) except {@code ethereumSlotDuration}, which is local
 *       configuration ({@code ETHEREUM_SLOT_DURATION}, default 12). Slot 0 before genesis; the
 *       sequencer works on {@code slot(now + ethereumSlotDuration)} and starts building at {@code
 *       ts(slot) - ethereumSlotDuration}; a proof of epoch {@code e} is due before epoch {@code e +
 *       proofSubmissionEpochs + 1}.
 *   <li><b>Time</b> is injected ({@link io.quetzal.epochcache.TimeSource}, milliseconds floored to
 *       seconds as the official {@code DateProvider}); nothing here reads the wall clock directly.
 *   <li><b>L1</b> is read through {@link io.quetzal.epochcache.CommitteeSource}: {@code
 *       getCommitteeAt(ts)}, {@code getSampleSeedAt(ts)} (both {@code nonpayable} in the ABI, so
 *       called with {@code eth_call}) and the latest block's timestamp. {@link
 *       io.quetzal.epochcache.RollupCommitteeSource} is the real one; {@code
 *       ValidatorSelection__InsufficientValidatorSetSize} becomes "no committee".
 *   <li><b>Cache</b> ({@link io.quetzal.epochcache.EpochCache}): one entry per epoch, the 12
 *       highest epochs asked for are kept (an older epoch read later is returned and purged at
 *       once, as the official purge does). Missing and empty committees are never cached. An epoch
 *       whose validator-set snapshot ({@code ts - lagInEpochsForValidatorSet * epochSeconds}) is
 *       later than the latest L1 block is refused ({@link
 *       io.quetzal.epochcache.FutureEpochException}); the check runs before the two views are
 *       called.
 *   <li><b>Which timestamp L1 is asked with</b> mirrors the official cache exactly: the epoch's
 *       start for an explicit slot or epoch, but the <i>slot's</i> start for "now" and "next L1
 *       slot". L1 answers the same for any timestamp of the epoch; only the future-epoch check is
 *       slightly stricter for "now"/"next".
 *   <li><b>Proposer</b> ({@link io.quetzal.epochcache.ProposerSelection}) is computed locally:
 *       {@code uint256(keccak256(abi.encode(uint256 epoch, uint256 slot, uint256 seed))) %
 *       committeeSize}, proposer = {@code committee[index]}; an empty committee means anyone may
 *       propose (empty result), no committee raises {@link
 *       io.quetzal.epochcache.NoCommitteeException}. Quorum is {@code floor(2n/3) + 1}.
 * </ul>
 *
 * <p>Not carried over (yet): the escape-hatch flag the official cache stores with each committee
 * ({@code isEscapeHatchOpen}) and {@code getRegisteredValidators}.
 */
package io.quetzal.epochcache;
