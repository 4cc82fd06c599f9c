package io.quetzal.ethereum.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Anvil's cheat RPCs, as the local network uses them: read and set the next block's time, mine,
 * pause mining around a set of storage writes, and write contract storage. Only for a local anvil;
 * a real L1 answers these with "method not found". Thread-safe (the client is).
 */
public final class AnvilCheatCodes {
  private final L1RpcClient rpc;

  public AnvilCheatCodes(L1RpcClient rpc) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
  }

  /** The latest block's timestamp, in seconds. */
  public long timestamp() {
    return rpc.latestBlockTimestamp();
  }

  /** Whether anvil mines a block for every transaction. */
  public boolean isAutoMining() {
    JsonNode r = rpc.call("anvil_getAutomine");
    return r != null && r.asBoolean(false);
  }

  /** The interval-mining period in seconds, or 0 when interval mining is off. */
  public long intervalMining() {
    JsonNode r = rpc.call("anvil_getIntervalMining");
    if (r == null || r.isNull()) {
      return 0;
    }
    return r.isNumber() ? r.asLong() : L1RpcClient.quantityLong(r);
  }

  /** Sets the interval-mining period (0 turns it off). */
  public void setIntervalMining(long seconds) {
    rpc.call("evm_setIntervalMining", seconds);
  }

  /** Turns auto-mining on or off. */
  public void setAutomine(boolean on) {
    rpc.call("evm_setAutomine", on);
  }

  /** Mines one block. */
  public void mine() {
    rpc.call("evm_mine");
  }

  /**
   * Mines a block with timestamp {@code seconds}, so L1 time is that now. Interval mining, if on,
   * is paused around it so the next interval block counts from this one.
   */
  public void warp(long seconds) {
    long interval = intervalMining();
    if (interval > 0) {
      setIntervalMining(0);
    }
    try {
      rpc.call("evm_setNextBlockTimestamp", seconds);
      mine();
    } finally {
      if (interval > 0) {
        setIntervalMining(interval);
      }
    }
  }

  /** Writes one 32-byte storage word of {@code contract}. */
  public void store(EthAddress contract, BigInteger slot, BigInteger value) {
    rpc.call("anvil_setStorageAt", contract.toString(), word(slot), word(value));
  }

  /** Reads one storage word of {@code contract}. */
  public BigInteger load(EthAddress contract, BigInteger slot) {
    return new BigInteger(rpc.getStorageAt(contract, slot).substring(2), 16);
  }

  /**
   * Runs {@code action} with mining paused (auto and interval), so that no block is mined between
   * the reads and writes it makes, then restores both.
   */
  public <T> T withMiningPaused(Supplier<T> action) {
    boolean auto = isAutoMining();
    long interval = intervalMining();
    if (auto) {
      setAutomine(false);
    }
    if (interval > 0) {
      setIntervalMining(0);
    }
    try {
      return action.get();
    } finally {
      if (auto) {
        setAutomine(true);
      }
      if (interval > 0) {
        setIntervalMining(interval);
      }
    }
  }

  private static String word(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("not a 256-bit word: " + v);
    }
    return "0x" + String.format(Locale.ROOT, "%64s", v.toString(16)).replace(' ', '0');
  }
}
