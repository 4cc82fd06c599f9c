package io.quetzal.ethereum.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.ethereum.contracts.L1ContractAddresses;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a deployment: the address book, the rollup version and what it was deployed with.
 * Written to {@code <data-directory>/l1-contracts.json} ({@link #FILE_NAME}); the {@code
 * l1ContractAddresses} object there is exactly what {@code node_getL1ContractAddresses} answers.
 *
 * @param l1ChainId the L1 chain
 * @param rollupVersion the rollup's version
 * @param addresses the address book, deploy-only addresses included
 * @param verifierAddress the epoch proof verifier (mock on a local network)
 * @param deployer who deployed
 * @param genesisArchiveRoot the rollup's {@code archiveAt(0)}
 * @param validators the attesters registered at deployment
 */
public record DeployedL1Contracts(
    long l1ChainId,
    long rollupVersion,
    L1ContractAddresses addresses,
    EthAddress verifierAddress,
    EthAddress deployer,
    Fr genesisArchiveRoot,
    List<EthAddress> validators) {

  /** The file name in the data directory. */
  public static final String FILE_NAME = "l1-contracts.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public DeployedL1Contracts {
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(verifierAddress, "verifierAddress");
    Objects.requireNonNull(deployer, "deployer");
    Objects.requireNonNull(genesisArchiveRoot, "genesisArchiveRoot");
    validators = List.copyOf(validators);
  }

  /**
   * Reads the deploy script's result line ({@code JSON DEPLOY RESULT: {...}}): its {@code
   * feeAssetAddress} is the address book's {@code feeJuiceAddress}.
   */
  static L1ContractAddresses addressesFromForgeResult(JsonNode r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    r.properties()
        .forEach(
            e -> {
              String k = e.getKey().equals("feeAssetAddress") ? "feeJuiceAddress" : e.getKey();
              JsonNode v = e.getValue();
              if (v.isTextual() && !EthAddress.fromString(v.asText()).isZero()) {
                o.set(k, v);
              }
            });
    return L1ContractAddresses.fromJson(o);
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("l1ChainId", l1ChainId);
    o.put("rollupVersion", rollupVersion);
    o.set("l1ContractAddresses", addresses.toJson());
    o.put("verifierAddress", verifierAddress.toString());
    o.put("deployer", deployer.toString());
    o.put("genesisArchiveRoot", genesisArchiveRoot.toString());
    ArrayNode vs = o.putArray("validators");
    validators.forEach(v -> vs.add(v.toString()));
    return o;
  }

  public static DeployedL1Contracts fromJson(JsonNode o) {
    List<EthAddress> vs = new ArrayList<>();
    o.path("validators").forEach(v -> vs.add(EthAddress.fromString(v.asText())));
    return new DeployedL1Contracts(
        o.get("l1ChainId").asLong(),
        o.get("rollupVersion").asLong(),
        L1ContractAddresses.fromJson(o.get("l1ContractAddresses")),
        EthAddress.fromString(o.get("verifierAddress").asText()),
        EthAddress.fromString(o.get("deployer").asText()),
        Fr.fromHexString(o.get("genesisArchiveRoot").asText()),
        vs);
  }

  /** Writes the JSON to {@code file} atomically. */
  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".l1-contracts", ".tmp");
    MAPPER.writeValue(tmp.toFile(), toJson());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static DeployedL1Contracts read(Path file) throws IOException {
    return fromJson(MAPPER.readTree(file.toFile()));
  }
}
