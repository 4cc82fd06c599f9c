package io.quetzal.ethereum.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.types.EthAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Snapshots of a freshly deployed anvil, so that later starts with the same inputs skip forge:
 * {@code <cache>/l1-state/<key>/state.json} (anvil's dump, what {@code --load-state} reads) and
 * {@code deployment.json} (the {@link DeployedL1Contracts}).
 *
 * <p>The key is a digest of everything the deployed state depends on: the toolchain version,
 * anvil's flags, the deployer, the complete deploy-script environment (configuration, genesis root,
 * validators, portal balance) and the snapshot format. A snapshot is written atomically (a
 * directory renamed into place) and only after a successful deployment. Delete {@code
 * <cache>/l1-state} to drop every snapshot.
 */
public final class AnvilStateCache {
  /** Bump when what a snapshot holds changes meaning. */
  static final String FORMAT = "quetzal-anvil-state/1";

  static final String STATE = "state.json";
  static final String DEPLOYMENT = "deployment.json";

  private final Path root;

  /** A cache in {@code directory}. */
  public AnvilStateCache(Path directory) {
    this.root = directory;
  }

  /** {@code <cacheRoot>/l1-state}. */
  public static Path defaultDirectory(Path cacheRoot) {
    return cacheRoot.resolve("l1-state");
  }

  /** The key of a deployment. */
  public static String key(L1Toolchain toolchain, EthAddress deployer, AztecL1DeployArgs args) {
    Map<String, String> parts = new TreeMap<>(args.forgeEnvironment());
    parts.put("~format", FORMAT);
    parts.put("~toolchain", toolchain.versionKey());
    parts.put("~anvilFlags", String.join(" ", Anvil.officialFlags()));
    parts.put("~ethereumSlotDuration", Long.toString(args.config().ethereumSlotDuration()));
    parts.put("~deployer", deployer.toString());
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    parts.forEach(o::put);
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(o.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stored snapshot. */
  public record Snapshot(Path state, DeployedL1Contracts deployment) {}

  /** The snapshot of {@code key}, if complete. */
  public Optional<Snapshot> find(String key) {
    Path dir = root.resolve(key);
    Path state = dir.resolve(STATE);
    Path deployment = dir.resolve(DEPLOYMENT);
    if (!Files.isRegularFile(state) || !Files.isRegularFile(deployment)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Snapshot(state, DeployedL1Contracts.read(deployment)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Dumps {@code anvil}'s state and stores it with {@code deployment} under {@code key}. */
  public Path store(String key, Anvil anvil, DeployedL1Contracts deployment) throws IOException {
    Files.createDirectories(root);
    Path tmp = Files.createTempDirectory(root, "." + key + ".");
    try {
      anvil.dumpState(tmp.resolve(STATE));
      deployment.write(tmp.resolve(DEPLOYMENT));
      Path dir = root.resolve(key);
      L1ToolchainInstaller.deleteRecursively(dir);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      return dir;
    } finally {
      L1ToolchainInstaller.deleteRecursively(tmp);
    }
  }

  /** Drops the snapshot of {@code key}. */
  public void delete(String key) throws IOException {
    L1ToolchainInstaller.deleteRecursively(root.resolve(key));
  }
}
