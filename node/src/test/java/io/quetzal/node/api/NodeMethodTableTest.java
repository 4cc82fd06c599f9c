package io.quetzal.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The method table against the official schema, and every served method against the tests. */
class NodeMethodTableTest {
  /** Served although not in the 4.1.2 schema. */
  static final Set<String> EXTENSIONS = Set.of("node_getArchiveSiblingPath");

  @TempDir Path tmp;

  @Test
  void theTableHasTheFiftyFiveOfficialMethodsAndMatchesWhatIsServed() {
    assertThat(NodeMethodTable.NEEDS).hasSize(55);
    try (GenesisApi g = new GenesisApi(tmp.resolve("ws"))) {
      Set<String> served = new TreeSet<>(g.methods.keySet());
      for (String name : served) {
        if (!EXTENSIONS.contains(name)) {
          String bare = name.substring("node_".length());
          assertThat(NodeMethodTable.NEEDS).containsKey(bare);
          assertThat(NodeMethodTable.NEEDS.get(bare)).as(name + " is served").isNull();
        }
      }
      NodeMethodTable.NEEDS.forEach(
          (bare, needs) -> {
            if (needs == null) {
              assertThat(served).as("node_" + bare + " is marked served").contains("node_" + bare);
            }
          });
    }
  }

  @Test
  void withTheArchiverItsMethodsAreServedToo() {
    assertThat(NodeMethodTable.NEEDS.keySet()).containsAll(NodeMethodTable.SERVED_WITH_ARCHIVER);
    try (ReferenceChainApi r = new ReferenceChainApi(tmp.resolve("ws3"))) {
      Set<String> served = new TreeSet<>(r.methods.keySet());
      for (String name : served) {
        if (!EXTENSIONS.contains(name)) {
          String bare = name.substring("node_".length());
          assertThat(
                  NodeMethodTable.NEEDS.get(bare) == null
                      || NodeMethodTable.SERVED_WITH_ARCHIVER.contains(bare))
              .as(name + " is served with the archiver")
              .isTrue();
        }
      }
      NodeMethodTable.NEEDS.forEach(
          (bare, needs) -> {
            if (needs == null || NodeMethodTable.SERVED_WITH_ARCHIVER.contains(bare)) {
              assertThat(served).as("node_" + bare + " is served").contains("node_" + bare);
            } else {
              assertThat(served)
                  .as("node_" + bare + " is not served")
                  .doesNotContain("node_" + bare);
            }
          });
    }
  }

  @Test
  void everyServedMethodHasATest() throws IOException {
    Path root = Path.of("src/test/java");
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (!p.getFileName().toString().equals("NodeMethodTableTest.java")) {
          all.append(Files.readString(p));
        }
      }
    }
    List<String> untested = new ArrayList<>();
    try (ReferenceChainApi g = new ReferenceChainApi(tmp.resolve("ws2"))) {
      for (String name : g.methods.keySet()) {
        if (!all.toString().contains("\"" + name + "\"")) {
          untested.add(name);
        }
      }
    }
    assertThat(untested).as("served methods that no test calls by name").isEmpty();
  }
}
