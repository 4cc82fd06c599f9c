package io.quetzal.worldstate;

/**
 * The official {@code findLowLeaf} answer: the leaf holding the key, or the one with the largest
 * smaller key.
 *
 * @param index its index
 * @param alreadyPresent whether it holds exactly the key asked for
 */
public record LowLeaf(long index, boolean alreadyPresent) {}
