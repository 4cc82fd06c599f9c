package io.quetzal.node.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.trees.NullifierLeafPreimage;
import io.quetzal.stdlib.trees.PublicDataTreeLeafPreimage;
import java.util.Base64;
import java.util.List;

/**
 * The official JSON forms of tree witnesses (reference-node.md §3):
 *
 * <ul>
 *   <li>{@code SiblingPath}: base64 of a 4-byte big-endian count, then the nodes (32 bytes each,
 *       leaf level first);
 *   <li>{@code MembershipWitness}: base64 of the leaf index as 32 bytes big-endian, then the
 *       siblings, without a count;
 *   <li>{@code NullifierMembershipWitness} / {@code PublicDataWitness}: {@code {index (decimal
 *       string), leafPreimage: {leaf: {nullifier} | {slot, value}, nextKey, nextIndex (decimal
 *       string)}, siblingPath}}.
 * </ul>
 */
public final class WitnessJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private WitnessJson() {}

  /** A {@code SiblingPath}, base64. */
  public static String siblingPath(List<Fr> path) {
    byte[] out = new byte[4 + 32 * path.size()];
    int n = path.size();
    out[0] = (byte) (n >>> 24);
    out[1] = (byte) (n >>> 16);
    out[2] = (byte) (n >>> 8);
    out[3] = (byte) n;
    for (int i = 0; i < n; i++) {
      System.arraycopy(path.get(i).toBytes(), 0, out, 4 + 32 * i, 32);
    }
    return Base64.getEncoder().encodeToString(out);
  }

  /** A {@code MembershipWitness}, base64. */
  public static String membershipWitness(long index, List<Fr> path) {
    byte[] out = new byte[32 + 32 * path.size()];
    for (int i = 0; i < 8; i++) {
      out[31 - i] = (byte) (index >>> (8 * i));
    }
    for (int i = 0; i < path.size(); i++) {
      System.arraycopy(path.get(i).toBytes(), 0, out, 32 + 32 * i, 32);
    }
    return Base64.getEncoder().encodeToString(out);
  }

  /** A {@code NullifierMembershipWitness}. */
  public static ObjectNode nullifierWitness(long index, NullifierLeafPreimage p, List<Fr> path) {
    ObjectNode leaf = F.objectNode();
    leaf.put("nullifier", p.nullifier().toString());
    return witness(index, leaf, p.nextNullifier(), p.nextIndex(), path);
  }

  /** A {@code PublicDataWitness}. */
  public static ObjectNode publicDataWitness(
      long index, PublicDataTreeLeafPreimage p, List<Fr> path) {
    ObjectNode leaf = F.objectNode();
    leaf.put("slot", p.slot().toString());
    leaf.put("value", p.value().toString());
    return witness(index, leaf, p.nextSlot(), p.nextIndex(), path);
  }

  private static ObjectNode witness(
      long index, ObjectNode leaf, Fr nextKey, long nextIndex, List<Fr> path) {
    ObjectNode o = F.objectNode();
    o.put("index", Long.toString(index));
    ObjectNode pre = o.putObject("leafPreimage");
    pre.set("leaf", leaf);
    pre.put("nextKey", nextKey.toString());
    pre.put("nextIndex", Long.toUnsignedString(nextIndex));
    o.put("siblingPath", siblingPath(path));
    return o;
  }
}
