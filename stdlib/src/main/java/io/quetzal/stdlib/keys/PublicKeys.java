package io.quetzal.stdlib.keys;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.serialize.FieldSerializable;
import io.quetzal.stdlib.Constants.DomainSeparator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An account's four master public keys, in the official order nullifier, incoming viewing, outgoing
 * viewing, tagging. Fields: the four points' {@code [x, y, isInfinite]}.
 *
 * @param masterNullifierPublicKey npk_m
 * @param masterIncomingViewingPublicKey ivpk_m
 * @param masterOutgoingViewingPublicKey ovpk_m
 * @param masterTaggingPublicKey tpk_m
 */
public record PublicKeys(
    GrumpkinPoint masterNullifierPublicKey,
    GrumpkinPoint masterIncomingViewingPublicKey,
    GrumpkinPoint masterOutgoingViewingPublicKey,
    GrumpkinPoint masterTaggingPublicKey)
    implements FieldSerializable {

  /** The keys of a contract deployed without keys ({@code PublicKeys.default()}). */
  public static final PublicKeys DEFAULT =
      new PublicKeys(
          point(
              "582240093077765400562621227108555700500271598878376310175765873770292988861",
              "10422444662424639723529825114205836958711284159673861467999592572974769103684"),
          point(
              "339708709767762472786445938838804872781183545349360029270386718856175781484",
              "12719619215050539905199178334954929730355853796706924300730604757520758976849"),
          point(
              "12212787719617305570587928860288475454328008955283046946846066128763901043335",
              "3646747884782549389807830220601404629716007431341772952958971658285958854707"),
          point(
              "728059161893070741164607238299536939695876538801885465230641192969135857403",
              "14575718736702206050102425029229426215631664471161015518982549597389390371695"));

  public PublicKeys {
    Objects.requireNonNull(masterNullifierPublicKey, "masterNullifierPublicKey");
    Objects.requireNonNull(masterIncomingViewingPublicKey, "masterIncomingViewingPublicKey");
    Objects.requireNonNull(masterOutgoingViewingPublicKey, "masterOutgoingViewingPublicKey");
    Objects.requireNonNull(masterTaggingPublicKey, "masterTaggingPublicKey");
  }

  /** Whether all four points are zero. */
  public boolean isEmpty() {
    return masterNullifierPublicKey.isZero()
        && masterIncomingViewingPublicKey.isZero()
        && masterOutgoingViewingPublicKey.isZero()
        && masterTaggingPublicKey.isZero();
  }

  @Override
  public List<Fr> toFields() {
    List<Fr> out = new ArrayList<>(12);
    out.addAll(masterNullifierPublicKey.toFields());
    out.addAll(masterIncomingViewingPublicKey.toFields());
    out.addAll(masterOutgoingViewingPublicKey.toFields());
    out.addAll(masterTaggingPublicKey.toFields());
    return List.copyOf(out);
  }

  /** Zero for empty keys, else {@code poseidon2HashWithSeparator(toFields(), PUBLIC_KEYS_HASH)}. */
  public Fr hash() {
    return isEmpty()
        ? Fr.ZERO
        : Poseidon2.hashWithSeparator(toFields(), DomainSeparator.PUBLIC_KEYS_HASH);
  }

  private static GrumpkinPoint point(String x, String y) {
    return GrumpkinPoint.of(
        Fr.fromBigInteger(new BigInteger(x)), Fr.fromBigInteger(new BigInteger(y)));
  }
}
