package io.quetzal.ethereum.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.types.EthAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers a checkpoint's header, attestations and fee modifier from the L1 transaction that
 * proposed it, as the official {@code CalldataRetriever}: the transaction is either a Multicall3
 * {@code aggregate3} whose calls include {@code propose} on the rollup, or a direct {@code
 * propose}. Among the candidate calls the right one is the one whose recomputed {@code
 * attestationsHash} (keccak of the ABI-encoded attestations) and {@code payloadDigest} equal the
 * event's.
 *
 * <p>Not done here (the official node's further fallbacks): the Spire proposer wrapper and the
 * {@code trace_transaction}/{@code debug_traceTransaction} extraction for proposals sent through
 * other contracts. Such a transaction gives a {@link ProposeCalldataNotFoundException}.
 *
 * <p>Thread-safe; blocking.
 */
public final class CalldataRetriever {
  private static final Logger LOG = LoggerFactory.getLogger(CalldataRetriever.class);

  /** Multicall3's address on every chain. */
  public static final EthAddress MULTICALL3 =
      EthAddress.fromString("0xcA11bde05977b3631167028862bE2a173976CA11");

  /** {@code aggregate3((address,bool,bytes)[])}. */
  public static final String AGGREGATE3_SELECTOR =
      Abi.selector("aggregate3((address,bool,bytes)[])");

  private final L1RpcClient rpc;
  private final EthAddress rollup;
  private final int targetCommitteeSize;

  /**
   * @param rpc the L1 client
   * @param rollup the rollup whose {@code propose} calls are wanted
   * @param targetCommitteeSize the rollup's {@code getTargetCommitteeSize()} (positions to unpack)
   */
  public CalldataRetriever(L1RpcClient rpc, EthAddress rollup, int targetCommitteeSize) {
    this.rpc = rpc;
    this.rollup = rollup;
    this.targetCommitteeSize = targetCommitteeSize;
  }

  /** Fetches the event's transaction ({@code eth_getTransactionByHash}) and decodes it. */
  public CheckpointCalldata getCheckpointFromRollupTx(RollupEvents.CheckpointProposed event) {
    JsonNode tx = rpc.call("eth_getTransactionByHash", event.l1().txHash().toString());
    if (tx == null || tx.isNull()) {
      throw new ProposeCalldataNotFoundException(
          "L1 transaction "
              + event.l1().txHash()
              + " of checkpoint "
              + event.checkpointNumber()
              + " was not found");
    }
    return fromTransaction(tx, event, rollup, targetCommitteeSize);
  }

  /**
   * Decodes a transaction object (as {@code eth_getTransactionByHash} returns it) for {@code
   * event}.
   *
   * @throws ProposeCalldataNotFoundException when no call in it matches the event, with the reason
   *     each candidate was rejected
   */
  public static CheckpointCalldata fromTransaction(
      JsonNode tx, RollupEvents.CheckpointProposed event, EthAddress rollup, int committeeSize) {
    String txHash = tx.path("hash").asText(String.valueOf(event.l1().txHash()));
    String toText = tx.path("to").isTextual() ? tx.path("to").asText() : null;
    Optional<EthAddress> to = Optional.empty();
    if (toText != null && EthAddress.isAddress(toText)) {
      to = Optional.of(EthAddress.fromString(toText));
    }
    byte[] input;
    try {
      input = Hex.decode(tx.path("input").asText(""));
    } catch (RuntimeException e) {
      throw new L1DecodeException("L1 transaction " + txHash + " has a malformed input field", e);
    }
    Bytes32 blockHash =
        tx.path("blockHash").isTextual()
            ? Bytes32.fromHex(tx.path("blockHash").asText())
            : event.l1().blockHash();

    List<String> rejected = new ArrayList<>();
    List<byte[]> candidates = new ArrayList<>();
    if (to.isPresent() && to.get().equals(MULTICALL3)) {
      try {
        candidates.addAll(proposeCallsInAggregate3(input, rollup));
        if (candidates.isEmpty()) {
          rejected.add("aggregate3 has no propose call to " + rollup);
        }
      } catch (L1DecodeException e) {
        rejected.add(e.getMessage());
      }
    } else if (to.isPresent() && to.get().equals(rollup)) {
      candidates.add(input);
    } else {
      rejected.add("the transaction is sent to " + toText + ", neither Multicall3 nor the rollup");
    }

    for (byte[] candidate : candidates) {
      try {
        return verify(ProposeCall.decode(candidate), event, committeeSize, blockHash);
      } catch (L1DecodeException e) {
        rejected.add(e.getMessage());
      }
    }
    if (candidates.size() > 1) {
      LOG.debug("{} propose candidates in tx {}, none matched", candidates.size(), txHash);
    }
    throw new ProposeCalldataNotFoundException(
        "no propose call in L1 transaction "
            + txHash
            + " matches checkpoint "
            + event.checkpointNumber()
            + " ("
            + String.join("; ", rejected)
            + "). Proposals sent through other contracts need trace_transaction, which Quetzal"
            + " does not do yet");
  }

  /**
   * Checks a decoded call against the event and builds the result.
   *
   * @throws L1DecodeException when a hash does not match (the message says which)
   */
  public static CheckpointCalldata verify(
      ProposeCall call,
      RollupEvents.CheckpointProposed event,
      int committeeSize,
      Bytes32 blockHash) {
    Bytes32 attestationsHash = call.attestations().hash();
    if (!attestationsHash.equals(event.attestationsHash())) {
      throw new L1DecodeException(
          "attestations hash "
              + attestationsHash
              + " of the propose call differs from the event's "
              + event.attestationsHash());
    }
    Bytes32 digest = call.consensusPayload().payloadDigest();
    if (!digest.equals(event.payloadDigest())) {
      throw new L1DecodeException(
          "payload digest "
              + digest
              + " of the propose call differs from the event's "
              + event.payloadDigest());
    }
    return new CheckpointCalldata(
        event.checkpointNumber(),
        call.archive(),
        call.feeAssetPriceModifier(),
        call.header(),
        call.attestations().unpack(committeeSize),
        call.attestations(),
        call.signers(),
        call.attestationsAndSignersSignature(),
        call.blobCommitments(),
        blockHash,
        digest,
        attestationsHash);
  }

  /** The calldata of every {@code propose} call to {@code rollup} inside an {@code aggregate3}. */
  public static List<byte[]> proposeCallsInAggregate3(byte[] input, EthAddress rollup) {
    if (input.length < 4 || !Hex.encode(Arrays.copyOf(input, 4)).equals(AGGREGATE3_SELECTOR)) {
      throw new L1DecodeException("the Multicall3 transaction is not aggregate3");
    }
    AbiReader r = AbiReader.of(Arrays.copyOfRange(input, 4, input.length), "aggregate3 calldata");
    int n = r.arrayLength(0, 32, "calls");
    AbiReader elems = r.arrayElements(0, "calls");
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AbiReader call = elems.at(32 * i, "calls[" + i + "]");
      EthAddress target = call.address(0, "calls[" + i + "].target");
      byte[] data = call.dynamicBytes(64, "calls[" + i + "].callData");
      if (target.equals(rollup) && ProposeCall.isPropose(data)) {
        out.add(data);
      }
    }
    return out;
  }
}
