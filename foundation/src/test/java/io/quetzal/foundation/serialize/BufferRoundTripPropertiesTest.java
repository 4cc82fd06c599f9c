package io.quetzal.foundation.serialize;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import io.quetzal.testkit.Property;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BufferRoundTripPropertiesTest {
  private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private static final List<Long> U32_EDGES =
      List.of(0L, 1L, 2L, 0x7fff_ffffL, 0x8000_0000L, 0xffff_fffeL, 0xffff_ffffL);
  private static final List<Long> U8_EDGES = List.of(0L, 1L, 2L, 127L, 128L, 254L, 255L);
  private static final List<Long> U16_EDGES =
      List.of(0L, 1L, 2L, 0x7fffL, 0x8000L, 0xfffeL, 0xffffL);
  private static final List<Boolean> FLAG_EDGES = List.of(false, true);
  private static final List<BigInteger> U256_EDGES =
      List.of(
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.TWO,
          BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(64),
          TWO_128,
          BigInteger.ONE.shiftLeft(255),
          TWO_256.subtract(BigInteger.TWO),
          TWO_256.subtract(BigInteger.ONE));
  private static final List<Long> U64_EDGES =
      List.of(0L, 1L, 2L, 0xffff_ffffL, 0x1_0000_0000L, Long.MAX_VALUE - 1, Long.MAX_VALUE);
  private static final List<String> TEXT_EDGES =
      List.of(
          "",
          "\0",
          " ",
          "a",
          "\u00e9",
          "\u20ac",
          "\ud83d\ude00",
          "\uffff",
          "a\u00e9\u20ac\ud83d\ude00\0",
          "z".repeat(255));
  private static final List<byte[]> BLOB_EDGES =
      List.of(
          new byte[0],
          new byte[] {0},
          new byte[] {1},
          new byte[] {-1},
          new byte[] {-128},
          new byte[] {127},
          new byte[100],
          filled(100, 0xff));

  private static byte[] filled(int n, int b) {
    byte[] out = new byte[n];
    Arrays.fill(out, (byte) b);
    return out;
  }

  /** The {@code i}-th element, cycling: walks several edge lists side by side. */
  private static <T> T cycle(List<T> list, int i) {
    return list.get(i % list.size());
  }

  /** A value below {@code m}: an edge value, a small value, or uniform. */
  private static BigInteger below(SplittableRandom r, BigInteger m, List<BigInteger> edges) {
    return switch (r.nextInt(8)) {
      case 0 -> edges.get(r.nextInt(edges.size()));
      case 1 -> Property.uniformBelow(r, BigInteger.ONE.shiftLeft(64));
      default -> Property.uniformBelow(r, m);
    };
  }

  /** A long in [0, bound): an edge value, a small value, or uniform. */
  private static long below(SplittableRandom r, long bound, List<Long> edges) {
    return switch (r.nextInt(8)) {
      case 0 -> edges.get(r.nextInt(edges.size()));
      case 1, 2 -> r.nextLong(Math.min(256, bound));
      default -> r.nextLong(bound);
    };
  }

  record Primitives(
      long number,
      int u8,
      int u16,
      boolean flag,
      BigInteger big,
      long u64,
      String text,
      byte[] blob) {
    @Override
    public String toString() {
      return "Primitives[number=%d, u8=%d, u16=%d, flag=%b, big=%s, u64=%d, text=%s, blob=%s]"
          .formatted(
              number,
              u8,
              u16,
              flag,
              big,
              u64,
              text.codePoints().mapToObj(Integer::toHexString).toList(),
              Hex.encode(blob));
    }
  }

  /** Each field's edge values side by side (cycling the shorter lists), then all maxima. */
  private static List<Primitives> primitiveEdges() {
    List<Primitives> edges = new ArrayList<>();
    for (int i = 0; i < TEXT_EDGES.size(); i++) {
      edges.add(
          new Primitives(
              cycle(U32_EDGES, i),
              cycle(U8_EDGES, i).intValue(),
              cycle(U16_EDGES, i).intValue(),
              cycle(FLAG_EDGES, i),
              cycle(U256_EDGES, i),
              cycle(U64_EDGES, i),
              cycle(TEXT_EDGES, i),
              cycle(BLOB_EDGES, i)));
    }
    edges.add(
        new Primitives(
            0xffff_ffffL,
            255,
            0xffff,
            true,
            TWO_256.subtract(BigInteger.ONE),
            Long.MAX_VALUE,
            "\uffff".repeat(255),
            filled(100, 0xff)));
    return edges;
  }

  private static Primitives primitives(SplittableRandom r) {
    int blobLength = r.nextInt(3) == 0 ? r.nextInt(101) : r.nextInt(17);
    return new Primitives(
        below(r, 0x1_0000_0000L, U32_EDGES),
        (int) below(r, 0x100, U8_EDGES),
        (int) below(r, 0x1_0000, U16_EDGES),
        r.nextBoolean(),
        below(r, TWO_256, U256_EDGES),
        r.nextInt(8) == 0 ? U64_EDGES.get(r.nextInt(U64_EDGES.size())) : r.nextLong() >>> 1,
        Property.text(r, 0, 255),
        Property.bytes(r, blobLength));
  }

  @Test
  void primitivesRoundTrip() {
    List<Primitives> edges = primitiveEdges();
    Property.forAll(
        "primitives round-trip",
        edges.size() + 300,
        Property.edgesThen(edges, BufferRoundTripPropertiesTest::primitives),
        p -> {
          long number = p.number();
          int u8 = p.u8();
          int u16 = p.u16();
          boolean flag = p.flag();
          BigInteger big = p.big();
          long u64 = p.u64();
          String text = p.text();
          byte[] blob = p.blob();
          byte[] bytes =
              new BufferWriter()
                  .writeNumber(number)
                  .writeUInt8(u8)
                  .writeUInt16(u16)
                  .writeBoolean(flag)
                  .writeBigInt(big)
                  .writeUInt64(u64)
                  .writeBuffer(blob)
                  .writeBytes(blob)
                  .toByteArray();
          BufferReader r = new BufferReader(bytes);
          assertThat(r.readNumber()).isEqualTo(number);
          assertThat(r.readUInt8()).isEqualTo(u8);
          assertThat(r.readUInt16()).isEqualTo(u16);
          assertThat(r.readBoolean()).isEqualTo(flag);
          assertThat(r.readUInt256()).isEqualTo(big);
          assertThat(r.readUInt64()).isEqualTo(BigInteger.valueOf(u64));
          assertThat(r.readBuffer()).isEqualTo(blob);
          assertThat(r.readBytes(blob.length)).isEqualTo(blob);
          assertThat(r.isEmpty()).isTrue();

          // Strings: the prefix counts UTF-16 units, so only well-formed text reads back
          // unchanged.
          if (text.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff)) {
            byte[] s = new BufferWriter().writeString(text).toByteArray();
            BufferReader sr = new BufferReader(s);
            long units = sr.readNumber();
            assertThat(units).isEqualTo(text.length());
            assertThat(BufferReader.decodeUtf8(sr.readToEnd())).isEqualTo(text);
          }
        });
  }

  private static List<BigInteger> fieldEdges(BigInteger modulus) {
    return List.of(
        BigInteger.ZERO,
        BigInteger.ONE,
        BigInteger.TWO,
        TWO_128.subtract(BigInteger.ONE),
        TWO_128,
        TWO_128.add(BigInteger.ONE),
        modulus.subtract(BigInteger.TWO),
        modulus.subtract(BigInteger.ONE));
  }

  private static final List<BigInteger> FR_EDGES = fieldEdges(Fr.MODULUS);
  private static final List<BigInteger> FQ_EDGES = fieldEdges(Fq.MODULUS);
  private static final List<List<Long>> LIST_EDGES =
      List.of(
          List.of(),
          List.of(0L),
          List.of(1L),
          List.of(2L),
          List.of(0xffff_fffeL),
          List.of(0xffff_ffffL),
          Collections.nCopies(20, 0L),
          Collections.nCopies(20, 0xffff_ffffL));

  record FieldsAndNumbers(BigInteger a, BigInteger b, List<Long> numbers) {}

  private static FieldsAndNumbers fieldsAndNumbers(SplittableRandom r) {
    int size = r.nextInt(3) == 0 ? r.nextInt(21) : r.nextInt(6);
    List<Long> numbers = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      numbers.add(below(r, 0x1_0000_0000L, U32_EDGES));
    }
    return new FieldsAndNumbers(
        below(r, Fr.MODULUS, FR_EDGES), below(r, Fq.MODULUS, FQ_EDGES), numbers);
  }

  @Test
  void fieldsAndVectorsRoundTrip() {
    List<FieldsAndNumbers> edges = new ArrayList<>();
    for (BigInteger a : FR_EDGES) {
      for (BigInteger b : FQ_EDGES) {
        edges.add(new FieldsAndNumbers(a, b, cycle(LIST_EDGES, edges.size())));
      }
    }
    Property.forAll(
        "fields and vectors round-trip",
        edges.size() + 200,
        Property.edgesThen(edges, BufferRoundTripPropertiesTest::fieldsAndNumbers),
        p -> {
          List<Long> numbers = p.numbers();
          Fr fr = Fr.fromBigInteger(p.a());
          Fq fq = Fq.fromBigInteger(p.b());
          byte[] bytes =
              new BufferWriter()
                  .writeFr(fr)
                  .writeFq(fq)
                  .writeVector(numbers, BufferWriter::writeNumber)
                  .toByteArray();
          assertThat(BufferWriter.serializeToBuffer(fr, fq, List.of(numbers.size()), numbers))
              .isEqualTo(bytes);
          BufferReader r = new BufferReader(bytes);
          assertThat(r.readFr()).isEqualTo(fr);
          assertThat(r.readFq()).isEqualTo(fq);
          assertThat(r.readVector(BufferReader::readNumber)).isEqualTo(numbers);
          assertThat(r.isEmpty()).isTrue();

          // Fq: toFields is [lo, hi] while FieldReader.readFq takes [hi, lo].
          List<Fr> fields = FieldSerialization.fqToFields(fq);
          assertThat(new FieldReader(List.of(fields.get(1), fields.get(0))).readFq()).isEqualTo(fq);
          byte[] raw = fr.toBytes();
          List<Fr> two = FieldSerialization.to2Fields(raw);
          assertThat(FieldSerialization.from2Fields(two.get(0), two.get(1))).isEqualTo(raw);
        });
  }

  record WidthAndSeed(int width, BigInteger seed) {}

  /** Seeds around zero and the long bounds. */
  private static final List<BigInteger> SEED_EDGES =
      List.of(
              -2L,
              -1L,
              0L,
              1L,
              2L,
              Long.MIN_VALUE,
              Long.MIN_VALUE + 1,
              Long.MAX_VALUE - 1,
              Long.MAX_VALUE)
          .stream()
          .map(BigInteger::valueOf)
          .toList();

  private static WidthAndSeed widthAndSeed(SplittableRandom r) {
    int width = r.nextInt(1, 41);
    BigInteger seed =
        switch (r.nextInt(6)) {
          case 0 -> SEED_EDGES.get(r.nextInt(SEED_EDGES.size()));
          case 1, 2 -> BigInteger.valueOf(r.nextLong());
          default -> {
            // Any value of the width's range, and beyond, either sign.
            BigInteger v = new BigInteger(1, Property.bytes(r, width + 1));
            yield r.nextBoolean() ? v : v.negate();
          }
        };
    return new WidthAndSeed(width, seed);
  }

  @Test
  void signedBigIntsRoundTrip() {
    // For every edge width: the edge seeds, and the seeds that give -1, 0 and 1.
    List<WidthAndSeed> edges = new ArrayList<>();
    for (int width : new int[] {1, 2, 8, 9, 32, 33, 39, 40}) {
      BigInteger half = BigInteger.ONE.shiftLeft(8 * width - 1);
      for (BigInteger seed : SEED_EDGES) {
        edges.add(new WidthAndSeed(width, seed));
      }
      for (BigInteger seed :
          List.of(half.subtract(BigInteger.ONE), half, half.add(BigInteger.ONE))) {
        edges.add(new WidthAndSeed(width, seed));
      }
    }
    Property.forAll(
        "signed big ints round-trip",
        edges.size() + 200,
        Property.edgesThen(edges, BufferRoundTripPropertiesTest::widthAndSeed),
        ws -> {
          int width = ws.width();
          BigInteger half = BigInteger.ONE.shiftLeft(8 * width - 1);
          BigInteger n = ws.seed().mod(half.shiftLeft(1)).subtract(half);
          byte[] b = BigInts.serializeSignedBigInt(n, width);
          assertThat(b).hasSize(width);
          assertThat(BigInts.fromSignedBytesBE(b, 0, width)).isEqualTo(n);
        });
  }
}
