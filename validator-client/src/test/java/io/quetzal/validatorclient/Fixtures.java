package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic keys, headers and payloads for tests. */
final class Fixtures {
  private Fixtures() {}

  static Secp256k1PrivateKey key(int i) {
    return Secp256k1PrivateKey.fromBytes(
        Fr.ofLong(0x1000L + i).toBytes()); // small distinct scalars, all valid keys
  }

  static List<Secp256k1PrivateKey> keys(int n) {
    List<Secp256k1PrivateKey> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(key(i));
    }
    return out;
  }

  static Fr fr(SplittableRandom r) {
    return Fr.ofLong(r.nextLong() & Long.MAX_VALUE);
  }

  static CheckpointHeader header(long slot, SplittableRandom r) {
    return new CheckpointHeader(
        fr(r),
        fr(r),
        fr(r),
        fr(r),
        fr(r),
        SlotNumber.of(slot),
        1_700_000_000L + slot * 36,
        EthAddress.fromNumber(r.nextInt(1, 1 << 20)),
        AztecAddress.fromLong(r.nextInt(1 << 20)),
        GasFees.of(0, r.nextInt(1, 1 << 20)),
        fr(r));
  }

  static ConsensusPayload payload(long slot, SplittableRandom r) {
    return new ConsensusPayload(header(slot, r), fr(r), BigInteger.valueOf(r.nextInt(-100, 101)));
  }
}
