package io.quetzal.stdlib.keys;

import static io.quetzal.stdlib.StdlibVectors.fr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.StdlibVectors;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.contract.ContractAddresses;
import io.quetzal.stdlib.contract.FunctionSelector;
import io.quetzal.stdlib.genesis.FundedAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grumpkin, key derivation and account addresses against the official derivation. */
class KeysVectorsTest {
  @Test
  void grumpkinMulAndAdd() {
    JsonNode g = StdlibVectors.get("grumpkin");
    assertThat(Grumpkin.GENERATOR).isEqualTo(point(g.get("generator")));
    assertThat(Grumpkin.GENERATOR.isOnCurve()).isTrue();
    JsonNode mul = g.get("mul");
    for (int i = 0; i < mul.size(); i++) {
      Fq s = Fq.fromHexString(mul.get(i).get("scalar").asText());
      assertThat(Grumpkin.mul(Grumpkin.GENERATOR, s))
          .as("mul " + i)
          .isEqualTo(point(mul.get(i).get("point")));
    }
    JsonNode add = g.get("add");
    for (int i = 0; i < add.size(); i++) {
      JsonNode v = add.get(i);
      assertThat(Grumpkin.add(point(v.get("a")), point(v.get("b"))))
          .as("add " + i)
          .isEqualTo(point(v.get("sum")));
    }
  }

  @Test
  void selectors() {
    JsonNode vs = StdlibVectors.get("selectors");
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      assertThat(FunctionSelector.fromSignature(v.get("signature").asText()).toString())
          .as("selector " + v.get("signature"))
          .isEqualTo(v.get("selector").asText());
    }
  }

  @Test
  void accountDerivationStepByStep() {
    JsonNode vs = StdlibVectors.get("accounts");
    JsonNode schnorr = StdlibVectors.get("contracts").get("schnorrAccount");
    assertThat(FundedAccounts.SCHNORR_ACCOUNT_CLASS_ID)
        .isEqualTo(fr(schnorr.get("contractClassId")));
    assertThat(
            FunctionSelector.fromSignature(schnorr.get("constructorSignature").asText()).toString())
        .isEqualTo(schnorr.get("constructorSelector").asText());
    assertThat(vs.size()).isGreaterThanOrEqualTo(10);
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      String at = "account " + i;
      Fr secret = fr(v.get("secret"));
      Fr salt = fr(v.get("salt"));
      if (v.get("officialTestAccount").asBoolean()) {
        assertThat(FundedAccounts.TEST_SECRET_KEYS.get(i)).as(at).isEqualTo(secret);
      }
      KeyDerivation.DerivedKeys k = KeyDerivation.deriveKeys(secret);
      assertThat(k.masterNullifierHidingKey().toString())
          .as(at + " nhk")
          .isEqualTo(v.get("masterNullifierHidingKey").asText());
      assertThat(k.masterIncomingViewingSecretKey().toString())
          .as(at + " ivsk")
          .isEqualTo(v.get("masterIncomingViewingSecretKey").asText());
      assertThat(k.masterOutgoingViewingSecretKey().toString())
          .as(at + " ovsk")
          .isEqualTo(v.get("masterOutgoingViewingSecretKey").asText());
      assertThat(k.masterTaggingSecretKey().toString())
          .as(at + " tsk")
          .isEqualTo(v.get("masterTaggingSecretKey").asText());
      JsonNode pk = v.get("publicKeys");
      PublicKeys expectedKeys =
          new PublicKeys(
              point(pk.get("masterNullifierPublicKey")),
              point(pk.get("masterIncomingViewingPublicKey")),
              point(pk.get("masterOutgoingViewingPublicKey")),
              point(pk.get("masterTaggingPublicKey")));
      assertThat(k.publicKeys()).as(at + " public keys").isEqualTo(expectedKeys);
      assertThat(k.publicKeys().hash().toString())
          .as(at + " public keys hash")
          .isEqualTo(v.get("publicKeysHash").asText());
      GrumpkinPoint signing = KeyDerivation.publicKey(KeyDerivation.deriveSigningKey(secret));
      assertThat(signing).as(at + " signing key").isEqualTo(point(v.get("signingPublicKey")));
      List<Fr> args = List.of(signing.x(), signing.y());
      assertThat(ContractAddresses.computeVarArgsHash(args).toString())
          .as(at + " args hash")
          .isEqualTo(v.get("argsHash").asText());
      Fr initHash =
          ContractAddresses.computeInitializationHash(
              FunctionSelector.fromSignature("constructor(Field,Field)"), args);
      assertThat(initHash.toString())
          .as(at + " init hash")
          .isEqualTo(v.get("initializationHash").asText());
      Fr salted =
          ContractAddresses.computeSaltedInitializationHash(salt, initHash, AztecAddress.ZERO);
      assertThat(salted.toString())
          .as(at + " salted")
          .isEqualTo(v.get("saltedInitializationHash").asText());
      Fr partial =
          ContractAddresses.computePartialAddress(FundedAccounts.SCHNORR_ACCOUNT_CLASS_ID, salted);
      assertThat(partial.toString())
          .as(at + " partial address")
          .isEqualTo(v.get("partialAddress").asText());
      assertThat(KeyDerivation.computePreaddress(k.publicKeys().hash(), partial).toString())
          .as(at + " preaddress")
          .isEqualTo(v.get("preaddress").asText());
      assertThat(FundedAccounts.schnorrAccountAddress(secret, salt).toString())
          .as(at + " address")
          .isEqualTo(v.get("address").asText());
    }
  }

  @Test
  void fundedContracts() {
    JsonNode c = StdlibVectors.get("contracts");
    JsonNode sponsored = c.get("sponsoredFpc");
    assertThat(FundedAccounts.SPONSORED_FPC_CLASS_ID)
        .isEqualTo(fr(sponsored.get("contractClassId")));
    assertThat(PublicKeys.DEFAULT.hash().toString())
        .isEqualTo(sponsored.get("publicKeysHash").asText());
    assertThat(FundedAccounts.sponsoredFpc().toString())
        .isEqualTo(sponsored.get("address").asText());

    List<AztecAddress> accounts = FundedAccounts.testAccounts();
    JsonNode coin = c.get("bananaCoin");
    JsonNode fpc = c.get("bananaFpc");
    assertThat(FundedAccounts.TOKEN_CLASS_ID).isEqualTo(fr(coin.get("contractClassId")));
    assertThat(FundedAccounts.FPC_CLASS_ID).isEqualTo(fr(fpc.get("contractClassId")));
    for (JsonNode contract : List.of(coin, fpc)) {
      assertThat(
              FunctionSelector.fromSignature(contract.get("constructorSignature").asText())
                  .toString())
          .isEqualTo(contract.get("constructorSelector").asText());
      Fr initHash =
          ContractAddresses.computeInitializationHash(
              FunctionSelector.fromSignature(contract.get("constructorSignature").asText()),
              StdlibVectors.frs(contract.get("encodedArgs")));
      assertThat(initHash.toString()).isEqualTo(contract.get("initializationHash").asText());
    }
    assertThat(FundedAccounts.bananaCoin(accounts.get(0)).toString())
        .isEqualTo(coin.get("address").asText());
    assertThat(FundedAccounts.bananaFpc(accounts.get(0)).toString())
        .isEqualTo(fpc.get("address").asText());
  }

  @Test
  void localNetworkFundsTheOfficialAddresses() {
    JsonNode local = null;
    for (JsonNode g : StdlibVectors.get("genesis")) {
      if (g.get("label").asText().equals("local-network")) {
        local = g;
      }
    }
    assertThat(local).isNotNull();
    List<String> expected = StdlibVectors.strings(local.get("accounts"));
    assertThat(
            FundedAccounts.localNetworkFundedAddresses().stream()
                .map(AztecAddress::toString)
                .toList())
        .isEqualTo(expected);
    assertThat(
            FundedAccounts.fundedAddresses(
                    true, true, List.of(AztecAddress.fromString(expected.get(3))))
                .stream()
                .map(AztecAddress::toString)
                .toList())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static GrumpkinPoint point(JsonNode p) {
    return new GrumpkinPoint(fr(p.get("x")), fr(p.get("y")), p.get("isInfinite").asBoolean());
  }
}
