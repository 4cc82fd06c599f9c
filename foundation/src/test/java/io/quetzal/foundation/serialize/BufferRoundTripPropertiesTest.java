package io.quetzal.foundation.serialize;

import static org.assertj.core.api.Assertions.assertThat;

import io.quetzal.foundation.field.Fq;
import io.quetzal.foundation.field.Fr;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class BufferRoundTripPropertiesTest {
  @Provide
  Arbitrary<BigInteger> u256() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
  }

  @Provide
  Arbitrary<BigInteger> frValues() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, Fr.MODULUS.subtract(BigInteger.ONE));
  }

  @Provide
  Arbitrary<BigInteger> fqValues() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, Fq.MODULUS.subtract(BigInteger.ONE));
  }

  @Property(tries = 300, seed = "4120412")
  void primitivesRoundTrip(
      @ForAll @LongRange(min = 0, max = 0xffff_ffffL) long number,
      @ForAll @IntRange(min = 0, max = 255) int u8,
      @ForAll @IntRange(min = 0, max = 0xffff) int u16,
      @ForAll boolean flag,
      @ForAll("u256") BigInteger big,
      @ForAll @LongRange(min = 0) long u64,
      @ForAll String text,
      @ForAll @Size(max = 100) byte[] blob) {
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

    // Strings: the prefix counts UTF-16 units, so only well-formed text reads back unchanged.
    if (text.codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff)) {
      byte[] s = new BufferWriter().writeString(text).toByteArray();
      BufferReader sr = new BufferReader(s);
      long units = sr.readNumber();
      assertThat(units).isEqualTo(text.length());
      assertThat(BufferReader.decodeUtf8(sr.readToEnd())).isEqualTo(text);
    }
  }

  @Property(tries = 200, seed = "4120412")
  void fieldsAndVectorsRoundTrip(
      @ForAll("frValues") BigInteger a,
      @ForAll("fqValues") BigInteger b,
      @ForAll @Size(max = 20) List<@LongRange(min = 0, max = 0xffff_ffffL) Long> numbers) {
    Fr fr = Fr.fromBigInteger(a);
    Fq fq = Fq.fromBigInteger(b);
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
  }

  @Property(tries = 200, seed = "4120412")
  void signedBigIntsRoundTrip(
      @ForAll @IntRange(min = 1, max = 40) int width, @ForAll BigInteger seed) {
    BigInteger half = BigInteger.ONE.shiftLeft(8 * width - 1);
    BigInteger n = seed.mod(half.shiftLeft(1)).subtract(half);
    byte[] b = BigInts.serializeSignedBigInt(n, width);
    assertThat(b).hasSize(width);
    assertThat(BigInts.fromSignedBytesBE(b, 0, width)).isEqualTo(n);
  }
}
