package io.quetzal.validatorclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.foundation.crypto.EthSign;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a signing child JVM ({@link CrashChild}) with SIGKILL at varying points, each run
 * re-signing some slots of the previous ones with other payloads, and checks: no two signatures
 * were ever returned for one duty with different payloads (across all runs); after every kill the
 * reopened store holds the hash of every signature the child returned, and refuses every other
 * payload for those duties.
 */
class SlashingProtectionCrashTest {
  static final int ROUNDS = 6;

  @TempDir Path dir;

  record Signed(String hash, String signature) {}

  @Test
  void aKilledSignerNeverReturnedAnUnrecordedOrConflictingSignature() throws Exception {
    Path store = dir.resolve("validator");
    SplittableRandom r = new SplittableRandom(20260301L);
    Map<String, Signed> signed = new HashMap<>(); // "duty slot" -> first signed payload
    EthAddress v = Fixtures.key(0).address();
    long maxSlot = 0;
    int refusals = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = Math.max(1, maxSlot - 4); // overlap: conflicting payloads for signed slots
      List<String> lines = runAndKill(store, start, round + 1, r.nextInt(3, 40));
      for (String line : lines) {
        String[] f = line.split(" ");
        if (!complete(f)) {
          continue; // the last line may be cut by the kill
        }
        if (f[0].equals("R")) {
          refusals++;
          continue;
        }
        String key = f[1] + " " + f[2];
        Signed s = new Signed(f[3], f[4]);
        Signed prior = signed.putIfAbsent(key, s);
        assertThat(prior == null || prior.equals(s))
            .as("two different signatures for %s: %s and %s", key, prior, s)
            .isTrue();
        // the signature really is by v over that hash
        assertThat(
                EthSign.recoverAddress(
                    EthSign.makeEthSignDigest(Bytes32.fromHex(f[3]).toBytes()),
                    EthSignature.fromString(f[4])))
            .isEqualTo(v);
        maxSlot = Math.max(maxSlot, Long.parseLong(f[2]));
      }
      try (SlashingProtection p = SlashingProtection.open(store, EthAddress.ZERO)) {
        for (Map.Entry<String, Signed> e : signed.entrySet()) {
          String[] k = e.getKey().split(" ");
          DutyKey duty = new DutyKey(v, SlotNumber.of(Long.parseLong(k[1])), Duty.valueOf(k[0]), 0);
          Bytes32 hash = Bytes32.fromHex(e.getValue().hash());
          assertThat(p.recorded(duty)).as("round %d %s", round, duty).contains(hash);
          byte[] other = hash.toBytes();
          other[0] ^= 1;
          assertThatThrownBy(() -> p.checkAndRecord(duty, Bytes32.wrap(other)))
              .isInstanceOf(SlashingProtectionException.class);
        }
      }
    }
    assertThat(signed.size()).isGreaterThan(ROUNDS);
    assertThat(refusals).as("the runs overlapped with conflicting payloads").isPositive();
  }

  private static boolean complete(String[] f) {
    return (f[0].equals("R") && f.length == 4 && f[3].length() == 66)
        || (f[0].equals("S") && f.length == 5 && f[3].length() == 66 && f[4].length() == 132);
  }

  /** Runs the child until it printed {@code events} result lines, then SIGKILLs it. */
  private static List<String> runAndKill(Path store, long start, long seed, int events)
      throws IOException, InterruptedException {
    Path log = store.resolveSibling("child-" + seed + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xshare:auto",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            CrashChild.class.getName(),
            store.toString(),
            Long.toString(start),
            Long.toString(seed),
            log.toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).isEqualTo("opened");
      while (lines.size() < events && (line = out.readLine()) != null) {
        lines.add(line);
      }
      p.destroyForcibly(); // SIGKILL on Linux, while the child keeps signing
      p.waitFor(30, TimeUnit.SECONDS);
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    // everything the child printed before it died, including lines after the trigger
    List<String> all = new ArrayList<>();
    for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (l.startsWith("S ") || l.startsWith("R ")) {
        all.add(l);
      }
    }
    Files.delete(log);
    assertThat(all.size()).isGreaterThanOrEqualTo(lines.size());
    return all;
  }
}
