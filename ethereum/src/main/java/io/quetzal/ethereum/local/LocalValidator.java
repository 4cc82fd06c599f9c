package io.quetzal.ethereum.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.ethereum.bn254.G2Point;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A validator the local network registers at deployment and this node holds the keys of: an
 * attester (secp256k1, also its own withdrawer, as the official {@code deploy-l1-contracts} command
 * does) and a BN254 secret key for the GSE registration.
 *
 * <p>The official deployer draws the BN254 key at random ({@code Fr.random()}); Quetzal derives it
 * from the attester key — {@code keccak256(attesterKey ‖ "quetzal/local-network/bn254")} reduced
 * into Fr — so that the same mnemonic always gives the same validator set, and so the same L1 state
 * (which lets a deployed state be cached). {@link #toString()} shows the attester only.
 */
public final class LocalValidator {
  private static final byte[] BN254_DOMAIN =
      "quetzal/local-network/bn254".getBytes(StandardCharsets.US_ASCII);

  private final Secp256k1PrivateKey attesterKey;
  private final Fr bn254SecretKey;
  private final G2Point publicKeyInG2;

  public LocalValidator(Secp256k1PrivateKey attesterKey, Fr bn254SecretKey) {
    this.attesterKey = Objects.requireNonNull(attesterKey, "attesterKey");
    this.bn254SecretKey = Objects.requireNonNull(bn254SecretKey, "bn254SecretKey");
    this.publicKeyInG2 = G2Point.publicKey(bn254SecretKey);
  }

  /** A validator whose BN254 key is derived from its attester key. */
  public static LocalValidator derive(Secp256k1PrivateKey attesterKey) {
    Fr sk = Fr.fromBytesReduce(Keccak256.hash(attesterKey.revealBytes(), BN254_DOMAIN));
    return new LocalValidator(attesterKey, sk.equals(Fr.ZERO) ? Fr.ONE : sk);
  }

  /** Validators for mnemonic accounts {@code 0 .. count-1}. */
  public static List<LocalValidator> fromMnemonic(String mnemonic, int count) {
    List<LocalValidator> out = new ArrayList<>(count);
    for (Secp256k1PrivateKey k : AnvilAccounts.accounts(mnemonic, count)) {
      out.add(derive(k));
    }
    return List.copyOf(out);
  }

  public EthAddress attester() {
    return attesterKey.address();
  }

  public EthAddress withdrawer() {
    return attesterKey.address();
  }

  /** The attester's private key (a node signs attestations and proposals with it). */
  public Secp256k1PrivateKey attesterKey() {
    return attesterKey;
  }

  /** The BN254 secret key (registration only). */
  public Fr bn254SecretKey() {
    return bn254SecretKey;
  }

  public G2Point publicKeyInG2() {
    return publicKeyInG2;
  }

  /**
   * The entry of {@code INITIAL_VALIDATORS} the deploy script reads, as the official {@code
   * computeValidatorData} writes it: attester, withdrawer, the secret key and the G2 public key as
   * decimal strings (the script derives the G1 key and the proof of possession itself).
   */
  public ObjectNode toInitialValidatorJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("attester", attester().toString());
    o.put("withdrawer", withdrawer().toString());
    o.put("privateKey", bn254SecretKey.toBigInteger().toString());
    ObjectNode g2 = o.putObject("publicKeyInG2");
    g2.put("x0", publicKeyInG2.x().c0().toString());
    g2.put("x1", publicKeyInG2.x().c1().toString());
    g2.put("y0", publicKeyInG2.y().c0().toString());
    g2.put("y1", publicKeyInG2.y().c1().toString());
    return o;
  }

  @Override
  public String toString() {
    return "LocalValidator(" + attester() + ")";
  }
}
