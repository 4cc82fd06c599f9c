package io.quetzal.ethereum.contracts;

import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.Function;

/**
 * Views of the Aztec {@code Rollup}: where its satellites are, its configuration, its archive and
 * tips, and the validator set and committees. Committee views are {@code nonpayable} in the ABI;
 * they are called with {@code eth_call} like the official node's {@code simulateContract}, and
 * {@code ValidatorSelection__InsufficientValidatorSetSize} becomes "no committee" (empty).
 */
public final class RollupContract extends ContractReader {
  /** Selector of {@code ValidatorSelection__InsufficientValidatorSetSize(uint256,uint256)}. */
  public static final String INSUFFICIENT_VALIDATOR_SET_SIZE =
      Abi.selector("ValidatorSelection__InsufficientValidatorSetSize(uint256,uint256)");

  /** Base slot of the rollup's STF storage: {@code keccak256("aztec.stf.storage")}. */
  public static final BigInteger STF_STORAGE_SLOT =
      new BigInteger(1, Keccak256.hash("aztec.stf.storage".getBytes(StandardCharsets.US_ASCII)));

  /** The contracts a rollup points to. */
  public record RollupAddresses(
      EthAddress inbox,
      EthAddress outbox,
      EthAddress feeJuicePortal,
      EthAddress rewardDistributor,
      EthAddress feeJuice,
      EthAddress stakingAsset,
      EthAddress gse) {}

  public RollupContract(L1RpcClient rpc, EthAddress address) {
    super(rpc, address);
  }

  // ---- addresses

  /** {@code getInbox()}. */
  public EthAddress getInbox() {
    return addr("getInbox");
  }

  /** {@code getOutbox()}. */
  public EthAddress getOutbox() {
    return addr("getOutbox");
  }

  /** {@code getFeeAssetPortal()}: the FeeJuicePortal. */
  public EthAddress getFeeJuicePortal() {
    return addr("getFeeAssetPortal");
  }

  /** {@code getFeeAsset()}: the FeeJuice token. */
  public EthAddress getFeeAsset() {
    return addr("getFeeAsset");
  }

  /** {@code getStakingAsset()}. */
  public EthAddress getStakingAsset() {
    return addr("getStakingAsset");
  }

  /** {@code getGSE()}. */
  public EthAddress getGse() {
    return addr("getGSE");
  }

  /** {@code getRewardDistributor()}. */
  public EthAddress getRewardDistributor() {
    return addr("getRewardDistributor");
  }

  /** Everything the rollup points to ({@code getRollupAddresses} of the official node). */
  public RollupAddresses readAddresses() {
    return new RollupAddresses(
        getInbox(),
        getOutbox(),
        getFeeJuicePortal(),
        getRewardDistributor(),
        getFeeAsset(),
        getStakingAsset(),
        getGse());
  }

  // ---- configuration

  /** {@code getVersion()}. */
  public long getVersion() {
    return uint("getVersion").longValueExact();
  }

  /** {@code archiveAt(checkpointNumber)}; 0 is the genesis archive root. */
  public Fr archiveAt(long checkpointNumber) {
    return Abi.toFr(
        call1(Abi.function("archiveAt", List.of(Abi.uint(checkpointNumber)), Abi.BYTES32)));
  }

  /** {@code archive()}: the archive root of the pending tip. */
  public Fr archive() {
    return Abi.toFr(call1(Abi.view("archive", Abi.BYTES32)));
  }

  /** The genesis VK tree root (STF storage slot + 3, as the official node reads it). */
  public Fr vkTreeRoot() {
    return storageField(3);
  }

  /** The genesis protocol contracts hash (STF storage slot + 4). */
  public Fr protocolContractsHash() {
    return storageField(4);
  }

  /** The configuration a node reads at start. */
  public RollupConfig readConfig() {
    EthAddress inbox = getInbox();
    long inboxLag =
        Abi.toBigInteger(new ContractReader(rpc(), inbox).call1(Abi.view("LAG", Abi.UINT256)))
            .longValueExact();
    return new RollupConfig(
        uint("L1_BLOCK_AT_GENESIS").longValueExact(),
        uint("getGenesisTime").longValueExact(),
        uint("getSlotDuration").longValueExact(),
        uint("getEpochDuration").longValueExact(),
        uint("getProofSubmissionEpochs").longValueExact(),
        uint("getTargetCommitteeSize").longValueExact(),
        uint("getLagInEpochsForValidatorSet").longValueExact(),
        uint("getLagInEpochsForRandao").longValueExact(),
        inboxLag,
        uint("getManaTarget"),
        uint("getManaLimit").longValueExact(),
        getVersion(),
        archiveAt(0),
        vkTreeRoot(),
        protocolContractsHash(),
        uint("getActivationThreshold"),
        uint("getEjectionThreshold"),
        uint("getExitDelay").longValueExact());
  }

  // ---- time and tips

  /** {@code getCurrentSlot()}. */
  public long getCurrentSlot() {
    return uint("getCurrentSlot").longValueExact();
  }

  /** {@code getCurrentEpoch()}. */
  public long getCurrentEpoch() {
    return uint("getCurrentEpoch").longValueExact();
  }

  /** {@code getTimestampForSlot(slot)}. */
  public long getTimestampForSlot(long slot) {
    return Abi.toBigInteger(
            call1(Abi.function("getTimestampForSlot", List.of(Abi.uint(slot)), Abi.UINT256)))
        .longValueExact();
  }

  /** {@code getPendingCheckpointNumber()}. */
  public long getPendingCheckpointNumber() {
    return uint("getPendingCheckpointNumber").longValueExact();
  }

  /** {@code getProvenCheckpointNumber()}. */
  public long getProvenCheckpointNumber() {
    return uint("getProvenCheckpointNumber").longValueExact();
  }

  // ---- validators and committees

  /** {@code getActiveAttesterCount()}. */
  public long getActiveAttesterCount() {
    return uint("getActiveAttesterCount").longValueExact();
  }

  /** {@code getAttesterAtIndex(i)}. */
  public EthAddress getAttesterAtIndex(long index) {
    return Abi.toEthAddress(
        call1(Abi.function("getAttesterAtIndex", List.of(Abi.uint(index)), Abi.ADDRESS)));
  }

  /** Every active attester, by index. */
  public List<EthAddress> getAttesters() {
    long n = getActiveAttesterCount();
    List<EthAddress> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(getAttesterAtIndex(i));
    }
    return List.copyOf(out);
  }

  /** {@code getEntryQueueLength()}. */
  public long getEntryQueueLength() {
    return uint("getEntryQueueLength").longValueExact();
  }

  /** {@code getCommitteeAt(ts)}; empty when the validator set is too small (no committee). */
  public Optional<List<EthAddress>> getCommitteeAt(long timestamp) {
    return committee(
        Abi.function("getCommitteeAt", List.of(Abi.uint(timestamp)), Abi.ADDRESS_ARRAY));
  }

  /** {@code getEpochCommittee(epoch)}; empty when there is no committee. */
  public Optional<List<EthAddress>> getEpochCommittee(long epoch) {
    return committee(
        Abi.function("getEpochCommittee", List.of(Abi.uint(epoch)), Abi.ADDRESS_ARRAY));
  }

  /** {@code getCurrentEpochCommittee()}; empty when there is no committee. */
  public Optional<List<EthAddress>> getCurrentEpochCommittee() {
    return committee(Abi.view("getCurrentEpochCommittee", Abi.ADDRESS_ARRAY));
  }

  /** {@code getSampleSeedAt(ts)}. */
  public BigInteger getSampleSeedAt(long timestamp) {
    return Abi.toBigInteger(
        call1(Abi.function("getSampleSeedAt", List.of(Abi.uint(timestamp)), Abi.UINT256)));
  }

  private Optional<List<EthAddress>> committee(Function f) {
    try {
      return Optional.of(Abi.toEthAddresses(call1(f)));
    } catch (ContractCallException e) {
      if (e.isCustomError(INSUFFICIENT_VALIDATOR_SET_SIZE)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Fr storageField(int offset) {
    String word = rpc().getStorageAt(address(), STF_STORAGE_SLOT.add(BigInteger.valueOf(offset)));
    return Fr.fromBytes(Hex.decodeExact(word, 32));
  }

  private EthAddress addr(String name) {
    return Abi.toEthAddress(call1(Abi.view(name, Abi.ADDRESS)));
  }

  private BigInteger uint(String name) {
    return Abi.toBigInteger(call1(Abi.view(name, Abi.UINT256)));
  }
}
