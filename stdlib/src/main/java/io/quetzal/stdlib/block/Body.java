package io.quetzal.stdlib.block;

import io.quetzal.foundation.serialize.BufferReader;
import io.quetzal.foundation.serialize.BufferSerializable;
import io.quetzal.foundation.serialize.BufferWriter;
import io.quetzal.stdlib.tx.TxEffect;
import java.util.List;

/**
 * A block's tx effects. Buffer: a 4-byte count then each effect; JSON: {@code {txEffects}}.
 *
 * @param txEffects the effects, in block order
 */
public record Body(List<TxEffect> txEffects) implements BufferSerializable {
  public static final Body EMPTY = new Body(List.of());

  public Body {
    txEffects = List.copyOf(txEffects);
  }

  @Override
  public void writeTo(BufferWriter writer) {
    writer.writeVector(txEffects, (w, t) -> t.writeTo(w));
  }

  public static Body fromBuffer(BufferReader reader) {
    return new Body(reader.readVector(TxEffect::fromBuffer));
  }
}
