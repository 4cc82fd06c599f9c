package io.quetzal.benchmarks;

import io.quetzal.foundation.crypto.EthSign;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Eth-sign costs: signing a 32-byte digest (RFC 6979 + low-s), recovering the signer's address, and
 * keccak-256 of 32 bytes. Inputs are fixed so runs are comparable.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Secp256k1Bench {
  private Secp256k1PrivateKey key;
  private byte[] digest;
  private EthSignature signature;

  @Setup
  public void setup() {
    key =
        Secp256k1PrivateKey.fromHex(
            "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    digest = EthSign.makeEthSignDigest(Keccak256.hash(new byte[] {1, 2, 3}));
    signature = EthSign.signMessage(digest, key);
  }

  @Benchmark
  public EthSignature sign() {
    return EthSign.signMessage(digest, key);
  }

  @Benchmark
  public EthAddress recover() {
    return EthSign.recoverAddress(digest, signature);
  }

  @Benchmark
  public byte[] keccak32() {
    return Keccak256.hash(digest);
  }
}
