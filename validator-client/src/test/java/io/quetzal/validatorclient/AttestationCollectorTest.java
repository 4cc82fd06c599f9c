package io.quetzal.validatorclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.ethereum.archive.AttestationValidation;
import io.quetzal.ethereum.archive.CommitteeAttestation;
import io.quetzal.ethereum.archive.ConsensusPayload;
import io.quetzal.foundation.crypto.EthSign;
import io.quetzal.foundation.crypto.EthSignature;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.kvstore.InMemoryKvStore;
import io.quetzal.testkit.Property;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttestationCollectorTest {
  static final int KEYS = 10;
  final ValidatorKeyStore keys =
      new ValidatorKeyStore(Fixtures.keys(KEYS), Optional.empty(), Optional.empty());
  final InMemoryKvStore kv = new InMemoryKvStore();
  final ValidatorSigner signer =
      new ValidatorSigner(keys, new SlashingProtection(kv, EthAddress.ZERO));
  final AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(1000));
  final InstantSource clock = () -> now.get();

  @AfterEach
  void close() {
    kv.close();
  }

  @Test
  void quorumIsTwoThirdsPlusOne() {
    assertThat(Quorum.required(48)).isEqualTo(33);
    assertThat(Quorum.required(1)).isEqualTo(1);
    assertThat(Quorum.required(3)).isEqualTo(3);
    assertThat(Quorum.required(4)).isEqualTo(3);
    assertThat(Quorum.required(0)).isZero();
    for (int n = 1; n < 200; n++) {
      int q = Quorum.required(n);
      assertThat(3 * q).isGreaterThan(2 * n); // more than two thirds
      assertThat(3 * (q - 1)).isLessThanOrEqualTo(2 * n); // and minimal
    }
  }

  @Test
  void rejectsBadAttestations() {
    ConsensusPayload p = Fixtures.payload(3, new SplittableRandom(3));
    ConsensusPayload other = Fixtures.payload(3, new SplittableRandom(4));
    List<EthAddress> committee = keys.addresses().subList(0, 6);
    AttestationCollector c =
        new AttestationCollector(
            p, committee, committee.get(0), List.of(), now.get().plusSeconds(5), clock);
    assertThat(c.add(signer.attest(committee.get(1), p, EthSignature.empty())))
        .isEqualTo(AttestationCollector.Outcome.ACCEPTED);
    assertThat(c.add(signer.attest(committee.get(1), p, EthSignature.empty())))
        .isEqualTo(AttestationCollector.Outcome.DUPLICATE);
    assertThat(c.add(signer.attest(committee.get(2), other, EthSignature.empty())))
        .isEqualTo(AttestationCollector.Outcome.WRONG_PAYLOAD);
    assertThat(c.add(signer.attest(keys.address(7), p, EthSignature.empty())))
        .isEqualTo(AttestationCollector.Outcome.NOT_IN_COMMITTEE);
    EthSignature good = signer.attest(committee.get(3), p, EthSignature.empty()).signature();
    assertThat(
            c.add(new CheckpointAttestation(p, EthSign.flipSignature(good), EthSignature.empty())))
        .as("high s")
        .isEqualTo(AttestationCollector.Outcome.INVALID_SIGNATURE);
    assertThat(c.count()).isEqualTo(1);
  }

  @Test
  void timesOutOnTheInjectedClockWithWhatItHas() {
    ConsensusPayload p = Fixtures.payload(5, new SplittableRandom(5));
    List<EthAddress> committee = keys.addresses();
    AttestationCollector c =
        new AttestationCollector(
            p, committee, committee.get(0), List.of(), now.get().plusSeconds(36), clock);
    signer.attestAll(committee.subList(0, 4), p, EthSignature.empty()).forEach(c::add);
    assertThat(c.poll()).isEqualTo(new AttestationCollector.Status.Pending(4, 7));
    now.set(now.get().plusSeconds(35));
    assertThat(c.poll()).isInstanceOf(AttestationCollector.Status.Pending.class);
    now.set(now.get().plusSeconds(1));
    AttestationCollector.Status s = c.poll();
    assertThat(s).isInstanceOf(AttestationCollector.Status.TimedOut.class);
    AttestationsAndSigners got = ((AttestationCollector.Status.TimedOut) s).collected();
    assertThat(got.signers()).isEqualTo(committee.subList(0, 4));
    assertThat(got.attestations()).hasSize(KEYS);
  }

  @Test
  void emptyCommitteeNeedsNothing() {
    ConsensusPayload p = Fixtures.payload(5, new SplittableRandom(5));
    AttestationCollector c =
        new AttestationCollector(p, List.of(), keys.address(0), List.of(), now.get(), clock);
    assertThat(c.poll())
        .isEqualTo(new AttestationCollector.Status.Reached(AttestationsAndSigners.empty()));
  }

  /**
   * For random committees, arrival orders and local sets: the result has exactly the quorum of
   * signatures, the proposer's among them, in committee order, and the archiver accepts it.
   */
  @Test
  void quorumResultIsOrderedTrimmedAndAccepted() {
    Property.forAll(
        "collector result",
        40,
        r -> r.split(),
        r -> {
          List<EthAddress> committee = new ArrayList<>(keys.addresses());
          Collections.shuffle(committee, new Random(r.nextLong()));
          int n = r.nextInt(1, KEYS + 1);
          committee = committee.subList(0, n);
          EthAddress proposer = committee.get(r.nextInt(n));
          List<EthAddress> local = new ArrayList<>();
          for (EthAddress a : committee) {
            if (r.nextBoolean()) {
              local.add(a);
            }
          }
          ConsensusPayload p = Fixtures.payload(r.nextInt(1, 1 << 30), r);
          AttestationCollector c =
              new AttestationCollector(
                  p, committee, proposer, local, now.get().plusSeconds(1), clock);
          List<EthAddress> arrival = new ArrayList<>(committee);
          Collections.shuffle(arrival, new Random(r.nextLong()));
          for (CheckpointAttestation a : signer.attestAll(arrival, p, EthSignature.empty())) {
            c.add(a);
          }
          AttestationCollector.Status s = c.poll();
          assertThat(s).isInstanceOf(AttestationCollector.Status.Reached.class);
          AttestationsAndSigners got = ((AttestationCollector.Status.Reached) s).attestations();
          assertThat(got.signatureCount()).isEqualTo(Quorum.required(n));
          assertThat(got.signers()).contains(proposer);
          // local signers were preferred over the others
          long localSigners = got.signers().stream().filter(local::contains).count();
          long localWanted =
              local.stream().filter(a -> !a.equals(proposer)).count()
                  + (local.contains(proposer) ? 1 : 0);
          assertThat(localSigners)
              .isEqualTo(
                  Math.min(localWanted, Quorum.required(n) - (local.contains(proposer) ? 0 : 1)));
          for (int i = 0; i < n; i++) {
            CommitteeAttestation a = got.attestations().get(i);
            assertThat(a.address()).isEqualTo(committee.get(i));
          }
          AttestationValidation.Result v =
              AttestationValidation.validateAttestations(
                  committee, got.packed().unpack(n), p.payloadDigest());
          assertThat(v.valid()).as(v.detail()).isTrue();
        });
  }
}
