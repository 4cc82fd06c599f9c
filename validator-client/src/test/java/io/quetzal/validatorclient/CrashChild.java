package io.quetzal.validatorclient;

import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Child JVM of {@link SlashingProtectionCrashTest}: signs checkpoint proposals and attestations for
 * slots {@code start, start+1, ...} with payloads that depend on {@code seed} (so another run
 * conflicts), printing {@code S duty slot hash signature} after each returned signature and {@code
 * R duty slot hash} after each refusal, until killed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws IOException {
    Path store = Path.of(args[0]);
    long start = Long.parseLong(args[1]);
    long seed = Long.parseLong(args[2]);
    // every line goes to stdout (the parent's trigger) and, unbuffered, to a log the parent reads
    // after the kill
    PrintStream log =
        new PrintStream(new FileOutputStream(args[3], true), true, StandardCharsets.UTF_8);
    PrintStream out = new Tee(System.out, log);
    ValidatorKeyStore keys =
        new ValidatorKeyStore(List.of(Fixtures.key(0)), Optional.empty(), Optional.empty());
    EthAddress v = keys.address(0);
    try (SlashingProtection p = SlashingProtection.open(store, EthAddress.ZERO)) {
      ValidatorSigner signer = new ValidatorSigner(keys, p);
      out.println("opened");
      out.flush();
      SplittableRandom r = new SplittableRandom(seed);
      for (long slot = start; slot < start + 100_000; slot++) {
        CheckpointHeader h = Fixtures.header(slot, new SplittableRandom(slot));
        Fr archive = Fr.ofLong(r.nextInt(3)); // a small range: sometimes the same payload again
        BigInteger modifier = BigInteger.ZERO;
        String ph = SignedPayloads.checkpointProposalHash(h, archive, modifier).toString();
        try {
          EthSignature s = signer.signCheckpointProposal(v, h, archive, modifier);
          out.println("S CHECKPOINT_PROPOSAL " + slot + " " + ph + " " + s);
        } catch (SlashingProtectionException e) {
          out.println("R CHECKPOINT_PROPOSAL " + slot + " " + ph);
        }
        ConsensusPayload cp = new ConsensusPayload(h, archive, modifier);
        String ah = cp.payloadDigest().toString();
        try {
          EthSignature s = signer.attest(v, cp, EthSignature.empty()).signature();
          out.println("S ATTESTATION " + slot + " " + ah + " " + s);
        } catch (SlashingProtectionException e) {
          out.println("R ATTESTATION " + slot + " " + ah);
        }
        out.flush();
      }
      out.println("done");
      out.flush();
    }
  }

  /** Prints each line to both streams. */
  private static final class Tee extends PrintStream {
    private final PrintStream second;

    Tee(PrintStream first, PrintStream second) {
      super(first, false, StandardCharsets.UTF_8);
      this.second = second;
    }

    @Override
    public void println(String x) {
      second.println(x); // unbuffered: on disk before the parent sees the line
      super.println(x);
    }
  }
}
