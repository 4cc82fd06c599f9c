package io.quetzal.ethereum.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.types.EthAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The L1 contract address book, as the official {@code L1ContractAddresses} (and {@code
 * node_getL1ContractAddresses}) has it: eleven addresses every node knows and six that only a
 * deployer knows (or a node configured with them), which may be {@code null}. {@link #toJson()}
 * writes the official field names, in the order the official node answers them, lower-case, with
 * absent ones omitted.
 */
public record L1ContractAddresses(
    EthAddress registryAddress,
    EthAddress slashFactoryAddress,
    EthAddress feeAssetHandlerAddress,
    EthAddress rollupAddress,
    EthAddress inboxAddress,
    EthAddress outboxAddress,
    EthAddress feeJuiceAddress,
    EthAddress stakingAssetAddress,
    EthAddress feeJuicePortalAddress,
    EthAddress coinIssuerAddress,
    EthAddress rewardDistributorAddress,
    EthAddress governanceProposerAddress,
    EthAddress governanceAddress,
    EthAddress stakingAssetHandlerAddress,
    EthAddress zkPassportVerifierAddress,
    EthAddress gseAddress,
    EthAddress dateGatedRelayerAddress) {

  public L1ContractAddresses {
    Objects.requireNonNull(registryAddress, "registryAddress");
    Objects.requireNonNull(rollupAddress, "rollupAddress");
    Objects.requireNonNull(inboxAddress, "inboxAddress");
    Objects.requireNonNull(outboxAddress, "outboxAddress");
    Objects.requireNonNull(feeJuiceAddress, "feeJuiceAddress");
    Objects.requireNonNull(stakingAssetAddress, "stakingAssetAddress");
    Objects.requireNonNull(feeJuicePortalAddress, "feeJuicePortalAddress");
    Objects.requireNonNull(coinIssuerAddress, "coinIssuerAddress");
    Objects.requireNonNull(rewardDistributorAddress, "rewardDistributorAddress");
    Objects.requireNonNull(governanceProposerAddress, "governanceProposerAddress");
    Objects.requireNonNull(governanceAddress, "governanceAddress");
  }

  /** The GSE, when known. */
  public Optional<EthAddress> gse() {
    return Optional.ofNullable(gseAddress);
  }

  /** Field name → address, official order, absent ones left out. */
  public Map<String, EthAddress> asMap() {
    Map<String, EthAddress> m = new LinkedHashMap<>();
    put(m, "registryAddress", registryAddress);
    put(m, "slashFactoryAddress", slashFactoryAddress);
    put(m, "feeAssetHandlerAddress", feeAssetHandlerAddress);
    put(m, "rollupAddress", rollupAddress);
    put(m, "inboxAddress", inboxAddress);
    put(m, "outboxAddress", outboxAddress);
    put(m, "feeJuiceAddress", feeJuiceAddress);
    put(m, "stakingAssetAddress", stakingAssetAddress);
    put(m, "feeJuicePortalAddress", feeJuicePortalAddress);
    put(m, "coinIssuerAddress", coinIssuerAddress);
    put(m, "rewardDistributorAddress", rewardDistributorAddress);
    put(m, "governanceProposerAddress", governanceProposerAddress);
    put(m, "governanceAddress", governanceAddress);
    put(m, "stakingAssetHandlerAddress", stakingAssetHandlerAddress);
    put(m, "zkPassportVerifierAddress", zkPassportVerifierAddress);
    put(m, "gseAddress", gseAddress);
    put(m, "dateGatedRelayerAddress", dateGatedRelayerAddress);
    return m;
  }

  /** The official JSON object. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    asMap().forEach((k, v) -> o.put(k, v.toString()));
    return o;
  }

  /** Reads the official JSON object; unknown fields are ignored. */
  public static L1ContractAddresses fromJson(JsonNode o) {
    return new L1ContractAddresses(
        req(o, "registryAddress"),
        opt(o, "slashFactoryAddress"),
        opt(o, "feeAssetHandlerAddress"),
        req(o, "rollupAddress"),
        req(o, "inboxAddress"),
        req(o, "outboxAddress"),
        req(o, "feeJuiceAddress"),
        req(o, "stakingAssetAddress"),
        req(o, "feeJuicePortalAddress"),
        req(o, "coinIssuerAddress"),
        req(o, "rewardDistributorAddress"),
        req(o, "governanceProposerAddress"),
        req(o, "governanceAddress"),
        opt(o, "stakingAssetHandlerAddress"),
        opt(o, "zkPassportVerifierAddress"),
        opt(o, "gseAddress"),
        opt(o, "dateGatedRelayerAddress"));
  }

  private static void put(Map<String, EthAddress> m, String k, EthAddress v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static EthAddress req(JsonNode o, String k) {
    EthAddress a = opt(o, k);
    if (a == null) {
      throw new IllegalArgumentException("L1 contract addresses lack " + k);
    }
    return a;
  }

  private static EthAddress opt(JsonNode o, String k) {
    JsonNode v = o.get(k);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || !EthAddress.isAddress(v.asText())) {
      throw new IllegalArgumentException(k + " is not an address: " + v);
    }
    return EthAddress.fromString(v.asText());
  }
}
