package io.quetzal.stdlib.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.CheckpointNumber;
import io.quetzal.foundation.types.EthAddress;
import io.quetzal.foundation.types.SlotNumber;
import io.quetzal.stdlib.Constants;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.block.GasFees;
import io.quetzal.stdlib.checkpoint.Checkpoint;
import io.quetzal.stdlib.checkpoint.CheckpointHeader;
import io.quetzal.stdlib.checkpoint.CheckpointReconstruction;
import io.quetzal.stdlib.json.BlockJson;
import io.quetzal.stdlib.logs.ContractClassLog;
import io.quetzal.stdlib.logs.PrivateLog;
import io.quetzal.stdlib.logs.PublicLog;
import io.quetzal.stdlib.tx.PublicDataWrite;
import io.quetzal.stdlib.tx.RevertCode;
import io.quetzal.stdlib.tx.TxEffect;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Round trips of random effects and checkpoints, and malformed blob data. */
class BlobPropertiesTest {
  static Fr fr(SplittableRandom r) {
    return switch (r.nextInt(8)) {
      case 0 -> Fr.ZERO;
      case 1 -> Fr.MAX_FIELD_VALUE;
      case 2 -> Fr.ofLong(r.nextInt(1000));
      default -> Fr.fromBytesReduce(Property.bytes(r, 32));
    };
  }

  static Fr nonZero(SplittableRandom r) {
    Fr f = fr(r);
    return f.isZero() ? Fr.ONE : f;
  }

  static <T> List<T> list(SplittableRandom r, int max, Supplier<T> item) {
    int n = r.nextInt(4) == 0 ? max : r.nextInt(Math.min(max, 4) + 1);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(item.get());
    }
    return out;
  }

  static TxEffect effect(SplittableRandom r) {
    return new TxEffect(
        RevertCode.fromCode(r.nextInt(4)),
        fr(r),
        fr(r),
        list(r, Constants.MAX_NOTE_HASHES_PER_TX, () -> nonZero(r)),
        list(r, Constants.MAX_NULLIFIERS_PER_TX, () -> nonZero(r)),
        list(r, Constants.MAX_L2_TO_L1_MSGS_PER_TX, () -> nonZero(r)),
        list(r, 8, () -> new PublicDataWrite(nonZero(r), fr(r))),
        list(r, 5, () -> PrivateLog.fromEmittedFields(nonEmpty(r, 1 + r.nextInt(16)))),
        list(r, 3, () -> new PublicLog(AztecAddress.fromField(fr(r)), list(r, 6, () -> fr(r)))),
        r.nextInt(10) == 0
            ? List.of(
                ContractClassLog.fromEmittedFields(
                    AztecAddress.fromField(fr(r)), nonEmpty(r, 1 + r.nextInt(40))))
            : List.of());
  }

  static List<Fr> nonEmpty(SplittableRandom r, int n) {
    List<Fr> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(fr(r));
    }
    return out;
  }

  /** Random blob data of a checkpoint with 1-3 blocks of 0-3 txs. */
  static List<Fr> checkpointFields(SplittableRandom r) {
    List<BlockBlobData> blocks = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    long number = 1 + r.nextInt(1000);
    for (int b = 0; b < n; b++) {
      List<TxBlobData> txs = new ArrayList<>();
      int k = r.nextInt(4);
      for (int t = 0; t < k; t++) {
        txs.add(effect(r).toBlobData());
      }
      blocks.add(
          new BlockBlobData(
              txs,
              new BlockEndMarker(r.nextLong(0, Long.MAX_VALUE), number + b, k),
              new BlockEndStateField(
                  r.nextLong(1L << 32),
                  r.nextLong(1L << 32),
                  r.nextLong(1L << 32),
                  r.nextLong(1L << 32),
                  r.nextLong(1L << 48)),
              fr(r),
              fr(r),
              fr(r),
              fr(r),
              b == 0 ? fr(r) : null));
    }
    return BlobFieldCodec.encodeCheckpoint(blocks);
  }

  static CheckpointHeader header(SplittableRandom r) {
    return new CheckpointHeader(
        fr(r),
        fr(r),
        fr(r),
        fr(r),
        fr(r),
        SlotNumber.of(r.nextLong(1L << 32)),
        r.nextLong(0, Long.MAX_VALUE),
        EthAddress.fromBytes(Property.bytes(r, 20)),
        AztecAddress.fromField(fr(r)),
        new GasFees(new BigInteger(128, new java.util.Random(r.nextLong())), BigInteger.ONE),
        fr(r));
  }

  static Checkpoint rebuild(List<Fr> fields, CheckpointHeader h) {
    return CheckpointReconstruction.rebuild(
        CheckpointNumber.of(7), h, Fr.ONE, fields, Fr.ONE, Fr.ONE, BigInteger.valueOf(-3));
  }

  @Test
  void txEffectRoundTrips() {
    Property.forAll(
        "tx effect buffer/json/blob round trips",
        300,
        BlobPropertiesTest::effect,
        t -> {
          assertThat(TxEffect.fromBuffer(t.toBuffer())).isEqualTo(t);
          assertThat(BlockJson.parseTxEffect(BlockJson.toJson(t))).isEqualTo(t);
          List<Fr> fields = t.toBlobFields();
          assertThat(fields).hasSize((int) t.numBlobFields());
          assertThat(
                  TxEffect.fromBlobData(
                      BlobFieldCodec.decodeTx(new BlobFieldCodec.FieldCursor(fields))))
              .isEqualTo(t);
        });
  }

  @Test
  void checkpointRoundTrips() {
    Property.forAll(
        "checkpoint fields → blocks → fields",
        100,
        r -> new Object[] {checkpointFields(r), header(r)},
        in -> {
          @SuppressWarnings("unchecked")
          List<Fr> fields = (List<Fr>) in[0];
          CheckpointHeader h = (CheckpointHeader) in[1];
          Checkpoint cp = rebuild(fields, h);
          assertThat(cp.toBlobFields()).isEqualTo(fields);
          assertThat(Checkpoint.fromBuffer(cp.toBuffer())).isEqualTo(cp);
          assertThat(BlockJson.parseCheckpoint(BlockJson.toJson(cp))).isEqualTo(cp);
          assertThat(CheckpointHeader.fromBuffer(h.toBuffer())).isEqualTo(h);
          assertThat(BlockJson.parseCheckpointHeader(BlockJson.toJson(h))).isEqualTo(h);
          // Zero padding to the end of a blob is accepted.
          List<Fr> padded = new ArrayList<>(fields);
          while (padded.size() % Constants.FIELDS_PER_BLOB != 0) {
            padded.add(Fr.ZERO);
          }
          assertThat(rebuild(padded, h)).isEqualTo(cp);
          List<Fr> viaBytes = new ArrayList<>();
          Blob.splitIntoBlobs(fields).forEach(b -> viaBytes.addAll(Blob.bytesToFields(b)));
          assertThat(viaBytes).isEqualTo(padded);
        });
  }

  @Test
  void malformedBlobDataThrowsOnlyBlobDecodingException() {
    Property.forAll(
        "mutated checkpoint fields",
        400,
        r -> {
          List<Fr> fields = new ArrayList<>(checkpointFields(r));
          switch (r.nextInt(5)) {
            case 0 -> fields = new ArrayList<>(fields.subList(0, r.nextInt(fields.size())));
            case 1 -> fields.set(r.nextInt(fields.size()), fr(r));
            case 2 -> fields.add(r.nextInt(fields.size() + 1), fr(r));
            case 3 -> fields.remove(r.nextInt(fields.size()));
            default -> {
              // A marker-looking field with random counts.
              int i = r.nextInt(fields.size());
              fields.set(
                  i,
                  Fr.fromBigInteger(
                      BigInteger.valueOf(Constants.TX_START_PREFIX)
                          .shiftLeft(216)
                          .add(new BigInteger(216, new java.util.Random(r.nextLong())))));
            }
          }
          return fields;
        },
        fields -> {
          try {
            rebuild(fields, header(new SplittableRandom(1)));
          } catch (BlobDecodingException expected) {
            assertThat(expected.getMessage()).isNotBlank();
          }
        });
  }

  @Test
  void malformedInputsAreNamed() {
    assertThatThrownBy(() -> BlobFieldCodec.decodeCheckpoint(List.of()))
        .isInstanceOf(BlobDecodingException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> BlobFieldCodec.decodeCheckpoint(List.of(Fr.ONE, Fr.ONE)))
        .isInstanceOf(BlobDecodingException.class)
        .hasMessageContaining("tx start marker");
    assertThatThrownBy(() -> TxStartMarker.decode(Fr.ONE))
        .isInstanceOf(BlobDecodingException.class);
    assertThatThrownBy(() -> BlockEndMarker.decode(Fr.ONE))
        .isInstanceOf(BlobDecodingException.class);
    assertThatThrownBy(() -> CheckpointEndMarker.decode(Fr.ONE))
        .isInstanceOf(BlobDecodingException.class);
    assertThatThrownBy(() -> BlockEndStateField.decode(Fr.MAX_FIELD_VALUE))
        .isInstanceOf(BlobDecodingException.class);
    byte[] bad = new byte[Blob.BYTES_PER_BLOB];
    java.util.Arrays.fill(bad, 0, 32, (byte) 0xff);
    assertThatThrownBy(() -> new Blob(bad, new byte[48]).toFields())
        .isInstanceOf(BlobDecodingException.class)
        .hasMessageContaining("field 0");
    assertThatThrownBy(() -> new Blob(new byte[10], new byte[48]))
        .isInstanceOf(BlobDecodingException.class);
    assertThatThrownBy(() -> BlobFileFormat.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(BlobDecodingException.class);
    assertThatThrownBy(() -> BlobFileFormat.decode(new byte[0]))
        .isInstanceOf(BlobDecodingException.class);
    Blob blob = new Blob(new byte[Blob.BYTES_PER_BLOB], new byte[48]);
    assertThatThrownBy(() -> BlobFileFormat.decode(BlobFileFormat.encode(blob), new byte[32]))
        .isInstanceOf(BlobDecodingException.class)
        .hasMessageContaining("versioned hash");
  }

  @Test
  void spongeCopiesAreIndependent() {
    Property.forAll(
        "sponge absorb in parts = absorb at once",
        100,
        r -> nonEmpty(r, r.nextInt(50)),
        fields -> {
          SpongeBlob s = SpongeBlob.init();
          int cut = fields.size() / 2;
          s.absorb(fields.subList(0, cut));
          Fr mid = s.copy().squeeze();
          s.absorb(fields.subList(cut, fields.size()));
          assertThat(s.squeeze()).isEqualTo(SpongeBlob.blobFieldsHash(fields));
          assertThat(mid).isEqualTo(SpongeBlob.blobFieldsHash(fields.subList(0, cut)));
          assertThat(s.numAbsorbedFields()).isEqualTo(fields.size());
        });
  }
}
