package io.quetzal.ethereum.local;

import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * The accounts of a BIP-39 mnemonic on the Ethereum path {@code m/44'/60'/0'/0/i}, as anvil and
 * viem's {@code mnemonicToAccount} derive them. With anvil's default mnemonic, account 0 is {@code
 * 0xf39F…2266}: the official local network's deployer, sequencer publisher and validator.
 */
public final class AnvilAccounts {
  /** anvil's default mnemonic (the official local network's {@code DefaultMnemonic}). */
  public static final String DEFAULT_MNEMONIC =
      "test test test test test test test test test test test junk";

  private static final int HARDENED = 0x80000000;

  private AnvilAccounts() {}

  /** The private key of account {@code index}. */
  public static Secp256k1PrivateKey account(String mnemonic, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("negative account index");
    }
    if (!MnemonicUtils.validateMnemonic(mnemonic)) {
      throw new IllegalArgumentException("not a valid BIP-39 mnemonic");
    }
    byte[] seed = MnemonicUtils.generateSeed(mnemonic, "");
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
    int[] path = {44 | HARDENED, 60 | HARDENED, HARDENED, 0, index};
    BigInteger priv = Bip32ECKeyPair.deriveKeyPair(master, path).getPrivateKey();
    return Secp256k1PrivateKey.fromBytes(toBytes32(priv));
  }

  /** Accounts {@code 0 .. count-1}. */
  public static List<Secp256k1PrivateKey> accounts(String mnemonic, int count) {
    List<Secp256k1PrivateKey> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(account(mnemonic, i));
    }
    return List.copyOf(out);
  }

  static byte[] toBytes32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
