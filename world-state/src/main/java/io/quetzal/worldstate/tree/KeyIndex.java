package io.quetzal.worldstate.tree;

import io.quetzal.foundation.field.Fr;

/**
 * A key found in an indexed tree and the index of its leaf.
 *
 * @param key the key
 * @param index the leaf index
 */
public record KeyIndex(Fr key, long index) {}
