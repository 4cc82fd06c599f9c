package io.quetzal.foundation.crypto;

import io.quetzal.foundation.field.Fr;

/** Run in a child JVM by {@link NativePoseidon2Test}: prints the routing and two hashes. */
public final class NativePoseidon2Probe {
  private NativePoseidon2Probe() {}

  public static void main(String[] args) {
    System.out.println("implementation=" + Poseidon2.implementation());
    System.out.println("hash=" + Poseidon2.hash(Fr.ofLong(4), Fr.ofLong(8)));
    long[] pair = new long[8];
    Fr.ofLong(4).writeMontgomeryLimbs(pair, 0);
    Fr.ofLong(8).writeMontgomeryLimbs(pair, 4);
    long[] out = new long[4];
    Poseidon2.hashPairs(pair, out, 1);
    System.out.println("pair=" + Fr.fromMontgomeryLimbs(out, 0));
  }
}
