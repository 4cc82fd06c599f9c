package io.quetzal.benchmarks;

import io.quetzal.blockbuilder.CheckpointBlobs;
import io.quetzal.ethereum.blobs.Kzg;
import io.quetzal.foundation.crypto.Sha256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.blob.Blob;
import io.quetzal.stdlib.blob.CheckpointEndMarker;
import io.quetzal.stdlib.blob.SpongeBlob;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Assembling the blob side of a full checkpoint, 6 blobs (24 575 fields and the end marker): the
 * Poseidon2 blob sponge over every field (what the builder absorbs block by block for the {@code
 * spongeBlobHash}es), the split into blobs, the 6 KZG commitments (c-kzg), the versioned hashes,
 * {@code blobsHash} and the {@code blobInput}. Field i is {@code sha256ToField("cp-bench" ‖
 * u32be(i))}.
 *
 * <p>{@code sequential} does everything on the calling thread (run it under {@code taskset -c 0}
 * for the one-core figure); {@code parallel} commits the blobs on a pool (two committing threads)
 * while the calling thread runs the sponge. The official builder takes about 1.3–1.7 s for the same
 * work on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CheckpointAssemblyBench {
  private List<Fr> fields;
  private ExecutorService pool;

  @Setup(Level.Trial)
  public void setup() {
    int n = 6 * 4096;
    fields = new ArrayList<>(n);
    byte[] prefix = "cp-bench".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < n - 1; i++) {
      fields.add(
          Sha256.sha256ToField(
              ByteBuffer.allocate(prefix.length + 4).put(prefix).putInt(i).array()));
    }
    fields.add(new CheckpointEndMarker(n).encode());
    Kzg.ensureLoaded();
    pool = Executors.newFixedThreadPool(3);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  @Benchmark
  public byte[] sequential() {
    Fr spongeHash = SpongeBlob.blobFieldsHash(fields);
    List<Blob> blobs = CheckpointBlobs.fromFields(fields);
    return finish(spongeHash, blobs);
  }

  @Benchmark
  public byte[] parallel() {
    CompletableFuture<List<Blob>> blobs =
        CompletableFuture.supplyAsync(
            () -> CheckpointBlobs.fromFields(fields, pool, CheckpointBlobs.KZG), pool);
    Fr spongeHash = SpongeBlob.blobFieldsHash(fields);
    return finish(spongeHash, blobs.join());
  }

  @Benchmark
  public Fr spongeOnly() {
    return SpongeBlob.blobFieldsHash(fields);
  }

  @Benchmark
  public List<Blob> kzgOnly() {
    return CheckpointBlobs.fromFields(fields);
  }

  private static byte[] finish(Fr spongeHash, List<Blob> blobs) {
    Fr blobsHash = Blob.blobsHash(CheckpointBlobs.versionedHashes(blobs));
    byte[] input = CheckpointBlobs.blobInput(blobs);
    input[0] ^= (byte) (spongeHash.hashCode() ^ blobsHash.hashCode());
    return input;
  }
}
