package io.quetzal.stdlib.genesis;

import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.contract.ContractAddresses;
import io.quetzal.stdlib.contract.FunctionSelector;
import io.quetzal.stdlib.keys.GrumpkinPoint;
import io.quetzal.stdlib.keys.KeyDerivation;
import io.quetzal.stdlib.keys.PublicKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts the official node funds at genesis, derived as it derives them.
 *
 * <ul>
 *   <li>{@code TEST_ACCOUNTS=true}: the three Schnorr accounts of {@code @aztec/accounts/testing}
 *       (secret keys {@link #TEST_SECRET_KEYS}, salt 0, signing key = ivsk_m, constructor {@code
 *       constructor(Field,Field)} with the signing public key's x and y, deployer zero);
 *   <li>{@code SPONSORED_FPC=true}: the SponsoredFPC (salt 0, no initializer, default public keys);
 *   <li>{@code PREFUND_ADDRESSES}: as given. The local network prefunds the BananaFPC this way (an
 *       FPC for the BananaCoin token whose admin is the first test account).
 * </ul>
 *
 * <p>Contract class ids are facts taken from the official artifacts (the generator {@code
 * scripts/vectors/stdlib.mjs} records them and where they came from; the tests check these
 * constants against it).
 */
public final class FundedAccounts {
  /** {@code INITIAL_TEST_SECRET_KEYS} of {@code @aztec/accounts/testing}. */
  public static final List<Fr> TEST_SECRET_KEYS =
      List.of(
          Fr.fromHexString("0x2153536ff6628eee01cf4024889ff977a18d9fa61d0e414422f7681cf085c281"),
          Fr.fromHexString("0x0aebd1b4be76efa44f5ee655c20bf9ea60f7ae44b9a7fd1fd9f189c7a0b0cdae"),
          Fr.fromHexString("0x0f6addf0da06c33293df974a565b03d1ab096090d907d98055a8b7f4954e120c"));

  /** Class id of {@code @aztec/accounts} SchnorrAccount. */
  public static final Fr SCHNORR_ACCOUNT_CLASS_ID =
      Fr.fromHexString("0x010319cf7faafaab5cbe684f2556e379a22539a8de18b35d290a85f30057bf02");

  /** Class id of {@code @aztec/noir-contracts.js} SponsoredFPC. */
  public static final Fr SPONSORED_FPC_CLASS_ID =
      Fr.fromHexString("0x2a70a2847b3af93b7a60f922c6e8ddda9066fa38ee9713ade9104d2556bf5e1a");

  /** Class id of {@code @aztec/noir-contracts.js} Token. */
  public static final Fr TOKEN_CLASS_ID =
      Fr.fromHexString("0x01efe16b55107894e6b6fb63cebc1a3233e23bbcd648fd9cdf6c0351749ce7ee");

  /** Class id of {@code @aztec/noir-contracts.js} FPC. */
  public static final Fr FPC_CLASS_ID =
      Fr.fromHexString("0x0023708ab948a72bd149503b10adc5b2bbe39579c6d857b248137d54784165e9");

  static final String SCHNORR_CONSTRUCTOR = "constructor(Field,Field)";
  static final String TOKEN_CONSTRUCTOR = "constructor((Field),str<31>,str<31>,u8)";
  static final String FPC_CONSTRUCTOR = "constructor((Field),(Field))";
  private static final int STR_LENGTH = 31;

  private FundedAccounts() {}

  /** The address of a Schnorr account with this secret and salt (signing key = ivsk_m). */
  public static AztecAddress schnorrAccountAddress(Fr secret, Fr salt) {
    KeyDerivation.DerivedKeys keys = KeyDerivation.deriveKeys(secret);
    Fq signingKey = KeyDerivation.deriveSigningKey(secret);
    GrumpkinPoint signingPublicKey = KeyDerivation.publicKey(signingKey);
    Fr initHash =
        ContractAddresses.computeInitializationHash(
            FunctionSelector.fromSignature(SCHNORR_CONSTRUCTOR),
            List.of(signingPublicKey.x(), signingPublicKey.y()));
    return ContractAddresses.computeAddress(
        SCHNORR_ACCOUNT_CLASS_ID, initHash, salt, AztecAddress.ZERO, keys.publicKeys());
  }

  /** The three official test accounts, in order. */
  public static List<AztecAddress> testAccounts() {
    List<AztecAddress> out = new ArrayList<>(TEST_SECRET_KEYS.size());
    for (Fr secret : TEST_SECRET_KEYS) {
      out.add(schnorrAccountAddress(secret, Fr.ZERO));
    }
    return List.copyOf(out);
  }

  /** The SponsoredFPC's address. */
  public static AztecAddress sponsoredFpc() {
    return ContractAddresses.computeAddress(
        SPONSORED_FPC_CLASS_ID,
        Fr.ZERO,
        Fr.ofLong(Constants.SPONSORED_FPC_SALT),
        AztecAddress.ZERO,
        PublicKeys.DEFAULT);
  }

  /** The local network's BananaCoin: {@code Token(admin, "BC", "BC", 18)}, salt 0. */
  public static AztecAddress bananaCoin(AztecAddress admin) {
    List<Fr> args = new ArrayList<>();
    args.add(admin.toField());
    args.addAll(encodeString("BC"));
    args.addAll(encodeString("BC"));
    args.add(Fr.ofLong(18));
    Fr initHash =
        ContractAddresses.computeInitializationHash(
            FunctionSelector.fromSignature(TOKEN_CONSTRUCTOR), args);
    return ContractAddresses.computeAddress(
        TOKEN_CLASS_ID, initHash, Fr.ZERO, AztecAddress.ZERO, PublicKeys.DEFAULT);
  }

  /** The local network's BananaFPC: {@code FPC(bananaCoin(admin), admin)}, salt 0. */
  public static AztecAddress bananaFpc(AztecAddress admin) {
    Fr initHash =
        ContractAddresses.computeInitializationHash(
            FunctionSelector.fromSignature(FPC_CONSTRUCTOR),
            List.of(bananaCoin(admin).toField(), admin.toField()));
    return ContractAddresses.computeAddress(
        FPC_CLASS_ID, initHash, Fr.ZERO, AztecAddress.ZERO, PublicKeys.DEFAULT);
  }

  /**
   * The accounts a node funds for {@code TEST_ACCOUNTS}, {@code SPONSORED_FPC} and {@code
   * PREFUND_ADDRESSES}, in the official order (test accounts, SponsoredFPC, prefunded). The order
   * does not change the genesis state: {@link GenesisValues} sorts the leaves.
   */
  public static List<AztecAddress> fundedAddresses(
      boolean testAccounts, boolean sponsoredFpc, List<AztecAddress> prefund) {
    List<AztecAddress> out = new ArrayList<>();
    if (testAccounts) {
      out.addAll(testAccounts());
    }
    if (sponsoredFpc) {
      out.add(sponsoredFpc());
    }
    out.addAll(prefund);
    return List.copyOf(out);
  }

  /**
   * What {@code aztec start --local-network} funds: the test accounts, the BananaFPC and the
   * SponsoredFPC.
   */
  public static List<AztecAddress> localNetworkFundedAddresses() {
    List<AztecAddress> accounts = testAccounts();
    List<AztecAddress> out = new ArrayList<>(accounts);
    out.add(bananaFpc(accounts.get(0)));
    out.add(sponsoredFpc());
    return List.copyOf(out);
  }

  /** A Noir {@code str<31>} argument: one field per byte, zero-padded. */
  static List<Fr> encodeString(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (b.length > STR_LENGTH) {
      throw new IllegalArgumentException("string longer than " + STR_LENGTH + " bytes");
    }
    List<Fr> out = new ArrayList<>(STR_LENGTH);
    for (int i = 0; i < STR_LENGTH; i++) {
      out.add(Fr.ofLong(i < b.length ? b[i] & 0xff : 0));
    }
    return out;
  }
}
