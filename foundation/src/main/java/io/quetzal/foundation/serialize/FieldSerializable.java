package io.quetzal.foundation.serialize;

import io.quetzal.foundation.field.Fr;
import java.util.List;

/** A value with a field-element form (the official {@code toFields()}). */
public interface FieldSerializable {
  List<Fr> toFields();
}
