package io.quetzal.sequencerclient.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.Sleeper;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one L1 transaction at a time from the publisher's account and follows it to a receipt (the
 * official {@code L1TxUtils.sendAndMonitorTransaction}).
 *
 * <p>Send: gas limit (given, or {@code eth_estimateGas} + buffer), fees ({@link FeePolicy}), the
 * deadline check (nothing is sent once {@code txTimeoutAt} has passed), nonce = {@code pending}
 * count, but never below the last nonce this sender used + 1 while L1 still knows that transaction
 * (a lagging fallback host); when an L1 reorg dropped it, L1's pending count again.
 *
 * <p>Monitor, every {@code checkInterval}: when the {@code latest} nonce passed ours, one of our
 * versions was mined, and its receipt is returned; when the deadline passed, stop (and, with {@code
 * cancelTxOnTimeout}, send a no-op replacement: 0 wei to self, 21 000 gas, an empty blob for blob
 * transactions, priority bump 150%); when {@code stallTime} went by since the last version and
 * fewer than {@code maxSpeedUpAttempts} speed-ups were made, re-sign at the same nonce with bumped
 * fees.
 *
 * <p>Time is the injected clock (the node's clock; the official uses the latest L1 block's
 * timestamp); waiting is the injected {@link Sleeper}. One transaction is in flight per sender:
 * {@link #sendAndMonitor} holds a lock for the whole send-and-monitor.
 */
public final class L1TxSender {
  private static final Logger LOG = LoggerFactory.getLogger(L1TxSender.class);
  private static final int CANCEL_RETRY_BUMP_PERCENTAGE = 150;
  private static final long CANCEL_GAS = 21_000;

  /** What was sent, for metrics and tests. */
  public enum Kind {
    ORIGINAL,
    SPEED_UP,
    CANCEL
  }

  /** Told about each version sent. */
  @FunctionalInterface
  public interface Listener {
    void onSent(Kind kind, L1Transaction tx, L1Transaction.Signed signed);

    Listener NONE = (k, t, s) -> {};
  }

  /** A call to make. */
  public record TxRequest(EthAddress to, byte[] data, BigInteger value) {
    public TxRequest {
      Objects.requireNonNull(to, "to");
      data = data.clone();
      Objects.requireNonNull(value, "value");
    }

    public static TxRequest call(EthAddress to, byte[] data) {
      return new TxRequest(to, data, BigInteger.ZERO);
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TxRequest r
          && to.equals(r.to)
          && value.equals(r.value)
          && java.util.Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
      return to.hashCode();
    }

    @Override
    public String toString() {
      return "TxRequest[to " + to + ", " + data.length + " B, value " + value + "]";
    }
  }

  /**
   * Per-send settings.
   *
   * @param gasLimit a fixed gas limit, or empty to estimate
   * @param txTimeoutAt no send, and no wait, past this instant
   */
  public record TxOptions(OptionalLong gasLimit, Optional<Instant> txTimeoutAt) {
    public static TxOptions none() {
      return new TxOptions(OptionalLong.empty(), Optional.empty());
    }
  }

  /**
   * A mined transaction.
   *
   * @param receipt the receipt as L1 returned it
   * @param txHash the hash of the version that was mined
   * @param nonce its nonce
   * @param versions every hash sent for this nonce, in order (the original first)
   * @param gasPrice the fees of the last version sent
   */
  public record Mined(
      JsonNode receipt, String txHash, long nonce, List<String> versions, GasPrice gasPrice) {
    /** {@code status == 0x1}. */
    public boolean succeeded() {
      return "0x1".equals(receipt.path("status").asText());
    }
  }

  private final L1RpcClient rpc;
  private final long chainId;
  private final Secp256k1PrivateKey key;
  private final EthAddress sender;
  private final L1TxConfig config;
  private final FeeOracle fees;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final Listener listener;
  private final ReentrantLock inFlight = new ReentrantLock();
  private volatile Long lastSentNonce;
  private volatile String lastSentHash;

  public L1TxSender(
      L1RpcClient rpc,
      long chainId,
      Secp256k1PrivateKey key,
      L1TxConfig config,
      InstantSource clock,
      Sleeper sleeper,
      Listener listener) {
    this.rpc = Objects.requireNonNull(rpc);
    this.chainId = chainId;
    this.key = Objects.requireNonNull(key);
    this.sender = key.address();
    this.config = Objects.requireNonNull(config);
    this.fees = new FeeOracle(rpc);
    this.clock = Objects.requireNonNull(clock);
    this.sleeper = Objects.requireNonNull(sleeper);
    this.listener = Objects.requireNonNull(listener);
  }

  /** The publisher's address. */
  public EthAddress sender() {
    return sender;
  }

  public L1TxConfig config() {
    return config;
  }

  public long chainId() {
    return chainId;
  }

  /** The fees of attempt {@code attempt} at current L1 conditions. */
  public GasPrice gasPrice(boolean isBlobTx, int attempt, Optional<GasPrice> previous) {
    return FeePolicy.gasPrice(config, fees.read(isBlobTx), isBlobTx, attempt, previous);
  }

  /**
   * {@code eth_estimateGas} plus {@code L1_GAS_LIMIT_BUFFER_PERCENTAGE} (the official {@code
   * estimateGas}); a blob request carries its versioned hashes and twice the current blob fee.
   */
  public long estimateGas(TxRequest request, Optional<BlobSidecar> blobs) {
    Map<String, Object> call = callObject(request);
    call.put("gas", quantity(BigInteger.valueOf(L1TxConfig.MAX_L1_TX_LIMIT)));
    if (blobs.isPresent()) {
      GasPrice p = gasPrice(true, 0, Optional.empty());
      call.put(
          "blobVersionedHashes", blobs.get().versionedHashes().stream().map(Hex::encode).toList());
      call.put("maxFeePerBlobGas", quantity(p.maxFeePerBlobGas().shiftLeft(1)));
    }
    long estimate = L1RpcClient.quantityLong(rpc.call("eth_estimateGas", call, "latest"));
    return config.bumpGasLimit(estimate);
  }

  /** The {@code eth_call}/{@code eth_estimateGas} object for a request from the publisher. */
  Map<String, Object> callObject(TxRequest request) {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("from", sender.toString());
    call.put("to", request.to().toString());
    call.put("data", Hex.encode(request.data()));
    if (request.value().signum() > 0) {
      call.put("value", quantity(request.value()));
    }
    return call;
  }

  /**
   * Sends {@code request} and waits for it to be mined, speeding it up when it stalls.
   *
   * @throws L1TxTimeoutException when the deadline passed before sending or before mining
   * @throws L1TxException when it could not be sent or a version was mined that we cannot find
   */
  public Mined sendAndMonitor(TxRequest request, TxOptions options, Optional<BlobSidecar> blobs)
      throws InterruptedException {
    inFlight.lockInterruptibly();
    try {
      return sendAndMonitorLocked(request, options, blobs);
    } finally {
      inFlight.unlock();
    }
  }

  private Mined sendAndMonitorLocked(
      TxRequest request, TxOptions options, Optional<BlobSidecar> blobs)
      throws InterruptedException {
    boolean isBlob = blobs.isPresent();
    long gasLimit =
        options.gasLimit().isPresent()
            ? options.gasLimit().getAsLong()
            : estimateGas(request, blobs);
    GasPrice price = gasPrice(isBlob, 0, Optional.empty());
    Instant now = clock.instant();
    if (options.txTimeoutAt().isPresent() && now.isAfter(options.txTimeoutAt().get())) {
      throw new L1TxTimeoutException(
          "L1 transaction timed out before sending (now "
              + now
              + " > timeoutAt "
              + options.txTimeoutAt().get()
              + ")",
          false);
    }
    long chainNonce = rpc.getTransactionCount(sender, "pending");
    Long last = lastSentNonce;
    String lastHash = lastSentHash;
    long chosen = chainNonce;
    if (last != null && chainNonce <= last) {
      // Either this host lags behind our last send (keep counting from it), or L1 no longer has
      // that transaction (an L1 reorg dropped it): then L1's pending count is the truth.
      JsonNode known = lastHash == null ? null : rpc.call("eth_getTransactionByHash", lastHash);
      if (known != null && !known.isNull()) {
        chosen = last + 1;
      } else {
        LOG.warn(
            "L1 no longer knows our last transaction {} (nonce {}): continuing at L1's pending"
                + " nonce {}",
            lastHash,
            last,
            chainNonce);
      }
    }
    long nonce = chosen;

    L1Transaction tx = build(request, nonce, gasLimit, price, blobs);
    L1Transaction.Signed signed = tx.sign(key);
    send(signed);
    lastSentNonce = nonce;
    lastSentHash = signed.hashHex();
    listener.onSent(Kind.ORIGINAL, tx, signed);
    LOG.info(
        "Sent L1 transaction {} nonce {} from {} gas {} maxFee {} tip {}{}",
        signed.hashHex(),
        nonce,
        sender,
        gasLimit,
        price.maxFeePerGas(),
        price.maxPriorityFeePerGas(),
        isBlob ? " blobFee " + price.maxFeePerBlobGas() + " blobs " + blobs.get().size() : "");

    List<String> hashes = new ArrayList<>(List.of(signed.hashHex()));
    Instant sentAt = now;
    Instant lastSentAt = now;
    while (true) {
      now = clock.instant();
      try {
        long latestNonce = rpc.getTransactionCount(sender, "latest");
        if (latestNonce > nonce) {
          Optional<Mined> mined = findReceipt(hashes, nonce, price);
          if (mined.isEmpty()) {
            sleeper.sleep(Duration.ofMillis(500));
            mined = findReceipt(hashes, nonce, price);
          }
          return mined.orElseThrow(
              () ->
                  new L1TxException(
                      "nonce " + nonce + " of " + sender + " was mined by a transaction not ours"));
        }
        if (timedOut(options, sentAt, now)) {
          break;
        }
        int attempts = hashes.size();
        if (!Duration.between(lastSentAt, now).minus(config.stallTime()).isNegative()
            && attempts <= config.maxSpeedUpAttempts()) {
          price = gasPrice(isBlob, attempts, Optional.of(price));
          L1Transaction bumped = build(request, nonce, gasLimit, price, blobs);
          L1Transaction.Signed s = bumped.sign(key);
          send(s);
          listener.onSent(Kind.SPEED_UP, bumped, s);
          LOG.info(
              "Sent L1 speed-up {} replacing {} nonce {} ({}/{}) maxFee {} tip {}",
              s.hashHex(),
              hashes.getLast(),
              nonce,
              attempts,
              config.maxSpeedUpAttempts(),
              price.maxFeePerGas(),
              price.maxPriorityFeePerGas());
          hashes.add(s.hashHex());
          lastSentHash = s.hashHex();
          lastSentAt = now;
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.warn("Error while monitoring L1 tx {}: {}", hashes.getLast(), e.getMessage());
      }
      sleeper.sleep(config.checkInterval());
    }
    if (config.cancelTxOnTimeout()) {
      try {
        cancel(nonce, price, hashes.size(), isBlob);
      } catch (RuntimeException e) {
        LOG.error("Failed to send cancellation for nonce {}: {}", nonce, e.getMessage());
      }
    }
    LOG.warn("L1 transaction {} nonce {} from {} timed out", hashes.getFirst(), nonce, sender);
    throw new L1TxTimeoutException(
        "L1 transaction " + hashes.getFirst() + " (nonce " + nonce + ") timed out", true);
  }

  private boolean timedOut(TxOptions options, Instant sentAt, Instant now) {
    if (options.txTimeoutAt().isPresent() && !now.isBefore(options.txTimeoutAt().get())) {
      return true;
    }
    Duration t = config.txTimeout();
    return !t.isZero() && !Duration.between(sentAt, now).minus(t).isNegative();
  }

  /**
   * Replaces a timed-out transaction by a no-op at the same nonce, unless it was dropped. Not
   * monitored further (the official follows it in the background); the next send's pending nonce
   * accounts for it.
   */
  private void cancel(long nonce, GasPrice previous, int attempts, boolean isBlob) {
    long pending = rpc.getTransactionCount(sender, "pending");
    if (pending < nonce) {
      LOG.info("Not cancelling nonce {}: dropped (pending nonce {})", nonce, pending);
      return;
    }
    GasPrice price =
        FeePolicy.gasPrice(
            config,
            fees.read(isBlob),
            isBlob,
            attempts,
            Optional.of(previous),
            CANCEL_RETRY_BUMP_PERCENTAGE);
    Optional<BlobSidecar> blob = isBlob ? Optional.of(BlobSidecar.emptyBlob()) : Optional.empty();
    L1Transaction tx =
        build(new TxRequest(sender, new byte[0], BigInteger.ZERO), nonce, CANCEL_GAS, price, blob);
    L1Transaction.Signed s = tx.sign(key);
    send(s);
    listener.onSent(Kind.CANCEL, tx, s);
    LOG.warn("Sent cancellation {} for timed-out nonce {}", s.hashHex(), nonce);
  }

  private Optional<Mined> findReceipt(List<String> hashes, long nonce, GasPrice price) {
    for (String h : hashes.reversed()) {
      try {
        Optional<JsonNode> r = rpc.getTransactionReceipt(h);
        if (r.isPresent() && !r.get().isNull()) {
          Mined m = new Mined(r.get(), h, nonce, List.copyOf(hashes), price);
          if (m.succeeded()) {
            LOG.info("L1 transaction {} nonce {} mined", h, nonce);
          } else {
            LOG.warn("L1 transaction {} nonce {} reverted", h, nonce);
          }
          return Optional.of(m);
        }
      } catch (RuntimeException e) {
        LOG.debug("receipt of {}: {}", h, e.getMessage());
      }
    }
    return Optional.empty();
  }

  private L1Transaction build(
      TxRequest r, long nonce, long gasLimit, GasPrice p, Optional<BlobSidecar> blobs) {
    return new L1Transaction(
        chainId,
        nonce,
        p.maxPriorityFeePerGas(),
        p.maxFeePerGas(),
        gasLimit,
        r.to(),
        r.value(),
        r.data(),
        p.maxFeePerBlobGas(),
        blobs);
  }

  private void send(L1Transaction.Signed s) {
    String hash = rpc.sendRawTransaction(Hex.encode(s.raw()));
    if (hash != null && !hash.equalsIgnoreCase(s.hashHex())) {
      LOG.warn("L1 returned hash {} for transaction {}", hash, s.hashHex());
    }
  }

  static String quantity(BigInteger v) {
    return "0x" + v.toString(16);
  }
}
