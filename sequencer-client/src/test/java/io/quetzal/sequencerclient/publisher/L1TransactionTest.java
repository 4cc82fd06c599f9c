package io.quetzal.sequencerclient.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.blob.Blob;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction4844;

/**
 * Signing against the official node's transactions: viem and Quetzal both sign with RFC 6979, so
 * re-signing a proposal's fields with the same (public, anvil dev) key must give the same r, s,
 * yParity and transaction hash; the sidecar's KZG proofs must equal the ones viem sent; and web3j
 * must decode our network wrapper back to the same fields.
 */
class L1TransactionTest {
  static final List<String> PROPOSALS = Fixtures.PROPOSALS;

  @ParameterizedTest
  @FieldSource("PROPOSALS")
  void reSigningAProposalGivesTheOfficialHashAndSignature(String name) throws Exception {
    JsonNode tx = Fixtures.tx(name);
    List<Blob> blobs = new ArrayList<>();
    for (int i = 0; i < tx.path("blobs").size(); i++) {
      blobs.add(
          new Blob(
              Hex.decode(tx.path("blobs").get(i).asText()),
              Hex.decode(tx.path("commitments").get(i).asText())));
    }
    BlobSidecar sidecar = BlobSidecar.of(blobs);
    for (int i = 0; i < blobs.size(); i++) {
      assertThat(Hex.encode(sidecar.proofs().get(i))).isEqualTo(tx.path("proofs").get(i).asText());
      assertThat(Hex.encode(sidecar.versionedHashes().get(i)))
          .isEqualTo(tx.path("blobVersionedHashes").get(i).asText());
    }
    L1Transaction unsigned =
        new L1Transaction(
            L1RpcClient.quantityLong(tx.get("chainId")),
            L1RpcClient.quantityLong(tx.get("nonce")),
            L1RpcClient.quantity(tx.get("maxPriorityFeePerGas")),
            L1RpcClient.quantity(tx.get("maxFeePerGas")),
            L1RpcClient.quantityLong(tx.get("gas")),
            EthAddress.fromString(tx.get("to").asText()),
            L1RpcClient.quantity(tx.get("value")),
            Hex.decode(tx.get("input").asText()),
            L1RpcClient.quantity(tx.get("maxFeePerBlobGas")),
            Optional.of(sidecar));
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromHex(Fixtures.ANVIL_KEY_0);
    assertThat(key.address()).isEqualTo(EthAddress.fromString(tx.get("from").asText()));

    L1Transaction.Signed signed = unsigned.sign(key);
    assertThat(signed.hashHex()).isEqualTo(tx.get("hash").asText());
    assertThat(signed.type()).isEqualTo(3);

    // web3j reads our network wrapper back (fields, blobs, signature).
    SignedRawTransaction back =
        (SignedRawTransaction) TransactionDecoder.decode(Hex.encode(signed.raw()));
    Transaction4844 t = (Transaction4844) back.getTransaction();
    assertThat(t.getNonce()).isEqualTo(L1RpcClient.quantity(tx.get("nonce")));
    assertThat(t.getMaxFeePerBlobGas()).isEqualTo(L1RpcClient.quantity(tx.get("maxFeePerBlobGas")));
    assertThat(t.getVersionedHashes().getFirst().toHexString())
        .isEqualTo(tx.path("blobVersionedHashes").get(0).asText());
    assertThat(t.getBlobs()).isPresent();
    assertThat(t.getKzgProofs().orElseThrow().getFirst().toHexString())
        .isEqualTo(tx.path("proofs").get(0).asText());
    // r and s are quantities in JSON-RPC (no leading zeros).
    assertThat(new BigInteger(1, back.getSignatureData().getR()))
        .isEqualTo(L1RpcClient.quantity(tx.get("r")));
    assertThat(new BigInteger(1, back.getSignatureData().getS()))
        .isEqualTo(L1RpcClient.quantity(tx.get("s")));
    assertThat(back.getFrom()).isEqualToIgnoringCase(tx.get("from").asText());
  }
}
