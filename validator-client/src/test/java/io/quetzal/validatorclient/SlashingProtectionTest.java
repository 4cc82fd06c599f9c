package io.quetzal.validatorclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.archive.Bytes32;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.stdlib.block.BlockHeader;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slashing protection per duty, across restarts, and against a model. */
class SlashingProtectionTest {
  @TempDir Path dir;

  final ValidatorKeyStore keys =
      new ValidatorKeyStore(Fixtures.keys(3), Optional.empty(), Optional.empty());
  final EthAddress a = keys.address(0);
  final EthAddress b = keys.address(1);

  @Test
  void checkpointProposal() {
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      ValidatorSigner s = new ValidatorSigner(keys, new SlashingProtection(kv, EthAddress.ZERO));
      SplittableRandom r = new SplittableRandom(1);
      CheckpointHeader h = Fixtures.header(7, r);
      EthSignature first = s.signCheckpointProposal(a, h, Fr.ONE, BigInteger.ZERO);
      // idempotent
      assertThat(s.signCheckpointProposal(a, h, Fr.ONE, BigInteger.ZERO)).isEqualTo(first);
      // another archive, another modifier, another header of the same slot: refused
      assertRefused(
          () -> s.signCheckpointProposal(a, h, Fr.ofLong(2), BigInteger.ZERO),
          a,
          7,
          "CHECKPOINT_PROPOSAL");
      assertRefused(
          () -> s.signCheckpointProposal(a, h, Fr.ONE, BigInteger.ONE),
          a,
          7,
          "CHECKPOINT_PROPOSAL");
      assertRefused(
          () -> s.signCheckpointProposal(a, Fixtures.header(7, r), Fr.ONE, BigInteger.ZERO),
          a,
          7,
          "CHECKPOINT_PROPOSAL");
      // another key or another slot is free
      s.signCheckpointProposal(b, Fixtures.header(7, r), Fr.ONE, BigInteger.ZERO);
      s.signCheckpointProposal(a, Fixtures.header(8, r), Fr.ONE, BigInteger.ZERO);
    }
  }

  @Test
  void blockProposalIsPerBlockIndex() {
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      ValidatorSigner s = new ValidatorSigner(keys, new SlashingProtection(kv, EthAddress.ZERO));
      BlockHeader h = BlockHeader.empty();
      SlotNumber slot = h.globalVariables().slotNumber();
      EthSignature i0 = s.signBlockProposal(a, h, 0, Fr.ONE, Fr.ONE, List.of());
      EthSignature i1 = s.signBlockProposal(a, h, 1, Fr.ONE, Fr.ONE, List.of());
      assertThat(i0).isNotEqualTo(i1);
      assertThat(s.signBlockProposal(a, h, 1, Fr.ONE, Fr.ONE, List.of())).isEqualTo(i1);
      assertRefused(
          () -> s.signBlockProposal(a, h, 1, Fr.ONE, Fr.ONE, List.of(Fr.ONE)),
          a,
          slot.value(),
          "BLOCK_PROPOSAL, block index 1");
      assertRefused(
          () -> s.signBlockProposal(a, h, 0, Fr.ONE, Fr.ofLong(9), List.of()),
          a,
          slot.value(),
          "BLOCK_PROPOSAL, block index 0");
    }
  }

  @Test
  void attestation() {
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      ValidatorSigner s = new ValidatorSigner(keys, new SlashingProtection(kv, EthAddress.ZERO));
      SplittableRandom r = new SplittableRandom(2);
      ConsensusPayload p = Fixtures.payload(9, r);
      ConsensusPayload q = Fixtures.payload(9, r);
      CheckpointAttestation first = s.attest(a, p, EthSignature.empty());
      assertThat(s.attest(a, p, EthSignature.empty())).isEqualTo(first);
      assertRefused(() -> s.attest(a, q, EthSignature.empty()), a, 9, "ATTESTATION");
      // attestAll skips the refused key and signs with the others
      List<CheckpointAttestation> all = s.attestAll(List.of(a, b), q, EthSignature.empty());
      assertThat(all).hasSize(1);
      assertThat(all.getFirst().sender()).contains(b);
    }
  }

  @Test
  void attestationsAndSigners() {
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      ValidatorSigner s = new ValidatorSigner(keys, new SlashingProtection(kv, EthAddress.ZERO));
      AttestationsAndSigners x =
          new AttestationsAndSigners(
              List.of(io.quetzal.ethereum.archive.CommitteeAttestation.ofAddress(b)));
      SlotNumber slot = SlotNumber.of(5);
      EthSignature sig = s.signAttestationsAndSigners(a, slot, x);
      assertThat(s.signAttestationsAndSigners(a, slot, x)).isEqualTo(sig);
      assertRefused(
          () -> s.signAttestationsAndSigners(a, slot, AttestationsAndSigners.empty()),
          a,
          5,
          "ATTESTATIONS_AND_SIGNERS");
    }
  }

  @Test
  void dutiesOfOneSlotAreIndependent() {
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      SlashingProtection p = new SlashingProtection(kv, EthAddress.ZERO);
      SlotNumber slot = SlotNumber.of(3);
      Bytes32 h = hash(1);
      for (Duty d : Duty.values()) {
        p.checkAndRecord(new DutyKey(a, slot, d, 0), h);
      }
      assertThat(p.records()).hasSize(Duty.values().length);
    }
  }

  @Test
  void unknownKeyIsRejectedWithoutRecording() {
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      SlashingProtection p = new SlashingProtection(kv, EthAddress.ZERO);
      ValidatorSigner s = new ValidatorSigner(keys, p);
      assertThatThrownBy(
              () ->
                  s.signAttestationsAndSigners(
                      EthAddress.fromNumber(1), SlotNumber.of(1), AttestationsAndSigners.empty()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(p.records()).isEmpty();
    }
  }

  @Test
  void recordsSurviveARestartAndAreKeptPerRollup() {
    Path path = dir.resolve("validator");
    EthAddress rollup = EthAddress.fromNumber(0xabc);
    try (SlashingProtection p = SlashingProtection.open(path, rollup)) {
      p.checkAndRecord(DutyKey.attestation(a, SlotNumber.of(10)), hash(1));
      p.checkAndRecord(DutyKey.blockProposal(a, SlotNumber.of(10), 2), hash(2));
    }
    try (SlashingProtection p = SlashingProtection.open(path, rollup)) {
      assertThat(p.recorded(DutyKey.attestation(a, SlotNumber.of(10)))).contains(hash(1));
      p.checkAndRecord(DutyKey.attestation(a, SlotNumber.of(10)), hash(1));
      assertThatThrownBy(() -> p.checkAndRecord(DutyKey.attestation(a, SlotNumber.of(10)), hash(3)))
          .isInstanceOf(SlashingProtectionException.class);
      assertThatThrownBy(
              () -> p.checkAndRecord(DutyKey.blockProposal(a, SlotNumber.of(10), 2), hash(3)))
          .isInstanceOf(SlashingProtectionException.class);
    }
    // a new rollup's slots restart: the old records do not block it
    try (SlashingProtection p = SlashingProtection.open(path, EthAddress.fromNumber(0xdef))) {
      assertThat(p.records()).isEmpty();
      p.checkAndRecord(DutyKey.attestation(a, SlotNumber.of(10)), hash(3));
    }
  }

  @Test
  void pruneRemovesOnlyOlderSlots() {
    try (InMemoryKvStore kv = new InMemoryKvStore()) {
      SlashingProtection p = new SlashingProtection(kv, EthAddress.ZERO);
      for (long s = 1; s <= 10; s++) {
        p.checkAndRecord(DutyKey.attestation(a, SlotNumber.of(s)), hash(s));
        p.checkAndRecord(DutyKey.attestation(b, SlotNumber.of(s)), hash(s));
      }
      assertThat(p.pruneBefore(SlotNumber.of(6))).isEqualTo(10);
      assertThat(p.records()).hasSize(10);
      assertThat(p.records().getFirst().duty().slot()).isEqualTo(SlotNumber.of(6));
    }
  }

  /** Random sign attempts against a map model: refused exactly when the model has another hash. */
  @Test
  void behavesLikeAMapOfFirstSignedHashes() {
    Property.forAll(
        "slashing protection = first hash per duty",
        200,
        r -> r.split(),
        r -> {
          try (InMemoryKvStore kv = new InMemoryKvStore()) {
            SlashingProtection p = new SlashingProtection(kv, EthAddress.ZERO);
            Map<DutyKey, Bytes32> model = new HashMap<>();
            for (int i = 0; i < 60; i++) {
              Duty d = Duty.values()[r.nextInt(4)];
              DutyKey k =
                  new DutyKey(
                      keys.address(r.nextInt(3)),
                      SlotNumber.of(r.nextInt(4)),
                      d,
                      d == Duty.BLOCK_PROPOSAL ? r.nextInt(3) : 0);
              Bytes32 h = hash(r.nextInt(3));
              Bytes32 prior = model.get(k);
              if (prior == null || prior.equals(h)) {
                p.checkAndRecord(k, h);
                model.put(k, h);
              } else {
                assertThatThrownBy(() -> p.checkAndRecord(k, h))
                    .isInstanceOf(SlashingProtectionException.class);
              }
              assertThat(p.recorded(k)).contains(model.get(k));
            }
            assertThat(p.records()).hasSize(model.size());
          }
        });
  }

  static Bytes32 hash(long n) {
    return Bytes32.of(Fr.ofLong(n));
  }

  static void assertRefused(Runnable sign, EthAddress v, long slot, String duty) {
    assertThatThrownBy(sign::run)
        .isInstanceOf(SlashingProtectionException.class)
        .hasMessageContaining("validator " + v)
        .hasMessageContaining("slot " + slot)
        .hasMessageContaining("duty " + duty);
  }
}
