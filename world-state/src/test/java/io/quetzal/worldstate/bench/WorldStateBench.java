package io.quetzal.worldstate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.kvstore.Durability;
import io.quetzal.kvstore.LmdbConfig;
import io.quetzal.stdlib.trees.MerkleTreeId;
import io.quetzal.worldstate.BlockInput;
import io.quetzal.worldstate.TreeInfo;
import io.quetzal.worldstate.WorldState;
import io.quetzal.worldstate.WorldStateConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Quetzal's side of {@code world-state-bench.mjs --mode sync}: a fresh store, one {@link
 * WorldState#applyBlock} per block (its state is checked against the reference file inside the
 * call, so a wrong root stops the run), only that call timed; values generated before the clock
 * starts. Prints the same JSON fields as the official harness.
 *
 * <pre>
 * java -cp ... io.quetzal.worldstate.bench.WorldStateBench [--blocks 50] [--data-dir DIR]
 *      [--refs FILE] [--threads N] [--durability full|no-meta-sync|none] [--no-write-map]
 *      [--json FILE] [--keep]
 * </pre>
 */
public final class WorldStateBench {
  private WorldStateBench() {}

  private static String opt(String[] args, String name, String dflt) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }

  public static void main(String[] args) throws Exception {
    int blocks = Integer.parseInt(opt(args, "--blocks", "50"));
    Path base = Path.of(opt(args, "--data-dir", "/tmp/perf/ws-java"));
    String refsFile = opt(args, "--refs", null);
    int threads =
        Integer.parseInt(
            opt(args, "--threads", Integer.toString(WorldStateConfig.defaults().threads())));
    Durability durability =
        switch (opt(args, "--durability", "full")) {
          case "full" -> Durability.FULL;
          case "no-meta-sync" -> Durability.NO_META_SYNC;
          case "none" -> Durability.NONE;
          default -> throw new IllegalArgumentException("unknown durability");
        };
    boolean writeMap = !Arrays.asList(args).contains("--no-write-map");
    String jsonOut = opt(args, "--json", null);
    boolean keep = Arrays.asList(args).contains("--keep");

    JsonNode refs =
        refsFile == null
            ? BenchWorkload.refsResource("/bench/world-state-refs-t72-p64-m1024-s1.json")
            : new ObjectMapper().readTree(Path.of(refsFile).toFile());
    BenchWorkload w = BenchWorkload.standard(refs);
    if (blocks > w.referenceBlocks()) {
      throw new IllegalArgumentException(
          "the reference file covers " + w.referenceBlocks() + " blocks");
    }
    Files.createDirectories(base);
    Path dir = Files.createTempDirectory(base, "sync-");
    ObjectMapper json = new ObjectMapper();
    double[] ms = new double[blocks];
    ObjectNode after1 = null;
    ObjectNode finalRoots;
    long storeBytes;
    try (WorldState ws =
        WorldState.open(
            dir,
            new LmdbConfig(64L << 30, 64, 126, durability, writeMap),
            WorldStateConfig.defaults().withThreads(threads).withHistoryToKeep(0),
            List.of())) {
      for (int b = 1; b <= blocks; b++) {
        BlockInput block = w.block(b); // generated outside the timed section
        long t0 = System.nanoTime();
        ws.applyBlock(block);
        ms[b - 1] = (System.nanoTime() - t0) / 1e6;
        if (b == 1) {
          after1 = roots(ws, json);
        }
        System.err.printf(Locale.ROOT, "block %d: %.1f ms%n", b, ms[b - 1]);
      }
      finalRoots = roots(ws, json);
    }
    storeBytes = du(dir);
    boolean match = true;
    JsonNode last = refs.get("refs").get(blocks - 1);
    String[] names = {"nullifier", "noteHash", "publicData", "l1ToL2"};
    for (JsonNode e : last) {
      JsonNode got = finalRoots.get(names[e.get(0).asInt()]);
      match &=
          got.get("root").asText().equals(e.get(1).asText())
              && got.get("size").asLong() == Long.parseLong(e.get(2).asText());
    }
    if (refs.get("blocks").asInt() == blocks) {
      for (var e : refs.get("finalRoots").properties()) {
        JsonNode got = finalRoots.get(e.getKey());
        match &=
            got != null
                && got.get("root").asText().equals(e.getValue().get("root").asText())
                && got.get("size").asLong() == e.getValue().get("size").asLong();
      }
    }
    if (!keep) {
      deleteTree(dir);
    }
    ObjectNode out = json.createObjectNode();
    ObjectNode workload = out.putObject("workload");
    workload
        .put("blocks", blocks)
        .put("txsPerBlock", 72)
        .put("perTx", 64)
        .put("l1ToL2LeavesPerBlock", 1024);
    workload
        .put("seed", 1)
        .put("threads", threads)
        .put("durability", durability.name())
        .put("writeMap", writeMap);
    out.put("implementation", "quetzal");
    out.set("sync", stats(ms, 72));
    ArrayNode per = out.putArray("perBlockMs");
    for (double m : ms) {
      per.add(Math.round(m * 10) / 10.0);
    }
    out.put("maxRssMiB", maxRssMiB());
    out.put("storeMiB", storeBytes / (1024 * 1024));
    out.set("rootsAfterBlock1", after1);
    out.set("roots", finalRoots);
    out.put("rootsMatchReference", match);
    String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    System.out.println(text);
    if (jsonOut != null) {
      Files.writeString(Path.of(jsonOut), text + "\n", StandardCharsets.UTF_8);
    }
    if (!match) {
      System.exit(1);
    }
  }

  private static ObjectNode roots(WorldState ws, ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    String[][] trees = {
      {"noteHash", "NOTE_HASH_TREE"},
      {"nullifier", "NULLIFIER_TREE"},
      {"publicData", "PUBLIC_DATA_TREE"},
      {"l1ToL2", "L1_TO_L2_MESSAGE_TREE"},
      {"archive", "ARCHIVE"}
    };
    for (String[] t : trees) {
      TreeInfo info = ws.committed().treeInfo(MerkleTreeId.valueOf(t[1]));
      o.putObject(t[0]).put("root", info.root().toString()).put("size", info.size());
    }
    return o;
  }

  /** The official harness's statistics: pct(p) = sorted[min(n - 1, floor(p / 100 * n))]. */
  static ObjectNode stats(double[] ms, int txs) {
    double total = Arrays.stream(ms).sum();
    double[] s = ms.clone();
    Arrays.sort(s);
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("total_s", round(total / 1000, 3));
    o.put("blocks_per_s", round(ms.length * 1000 / total, 2));
    o.put("tx_per_s", round(ms.length * txs * 1000 / total, 1));
    o.put("p50_ms", round(s[Math.min(s.length - 1, (int) Math.floor(0.5 * s.length))], 1));
    o.put("p99_ms", round(s[Math.min(s.length - 1, (int) Math.floor(0.99 * s.length))], 1));
    o.put("max_ms", round(s[s.length - 1], 1));
    return o;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private static long maxRssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static long du(Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    try {
      return Long.parseLong(out.split("\\s+")[0]) * 1024;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
