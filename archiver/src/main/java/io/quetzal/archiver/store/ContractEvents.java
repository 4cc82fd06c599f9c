package io.quetzal.archiver.store;

import io.quetzal.foundation.crypto.Poseidon2;
import io.quetzal.foundation.field.Fr;
import io.quetzal.stdlib.address.AztecAddress;
import io.quetzal.stdlib.contract.ContractAddresses;
import io.quetzal.stdlib.keys.GrumpkinPoint;
import io.quetzal.stdlib.keys.PublicKeys;
import io.quetzal.stdlib.logs.ContractClassLog;
import io.quetzal.stdlib.logs.PrivateLog;
import io.quetzal.stdlib.logs.PublicLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decoding of the protocol registries' events from logs ({@code @aztec/protocol-contracts}
 * class-registry and instance-registry): class published (contract-class logs of address 3),
 * instance published (private logs whose first field is the instance-published tag), instance
 * updated (public logs of address 2). Stateless.
 */
public final class ContractEvents {
  /** {@code CONTRACT_CLASS_REGISTRY_CONTRACT_ADDRESS}. */
  public static final AztecAddress CLASS_REGISTRY = AztecAddress.fromLong(3);

  /** {@code CONTRACT_INSTANCE_REGISTRY_CONTRACT_ADDRESS}. */
  public static final AztecAddress INSTANCE_REGISTRY = AztecAddress.fromLong(2);

  static final Fr CLASS_PUBLISHED_MAGIC =
      Fr.fromBigInteger(
          new BigInteger(
              "14907836659448373306373608164128296596488873008270905914742877230397948162628"));
  static final Fr INSTANCE_UPDATED_MAGIC =
      Fr.fromBigInteger(
          new BigInteger(
              "20721543224513346060908370400407150739273836456436647488068002302723900469047"));
  static final Fr INSTANCE_PUBLISHED_TAG =
      Fr.fromHexString("0x1a7e1badb79abdd38c684b3c8306ffe7ecb33c69e3380d9855730aaaa83a21a8");

  private static final long DOM_SEP_PUBLIC_BYTECODE = 260313585L;
  private static final long DOM_SEP_CONTRACT_CLASS_ID = 3923495515L;
  private static final int MAX_PACKED_PUBLIC_BYTECODE_SIZE_IN_FIELDS = 3000;

  private ContractEvents() {}

  /**
   * The class a class-registry log publishes, if it is one and its id checks out ({@code
   * ContractClassPublishedEvent.toContractClassPublic}); empty for other logs or a bad event.
   */
  public static Optional<ContractClassPublic> classPublished(ContractClassLog log, long block) {
    List<Fr> f = log.fields();
    if (!log.contractAddress().equals(CLASS_REGISTRY)
        || f.isEmpty()
        || !f.get(0).equals(CLASS_PUBLISHED_MAGIC)
        || f.size() < 6) {
      return Optional.empty();
    }
    Fr id = f.get(1);
    long version = f.get(2).toBigInteger().longValue();
    Fr artifactHash = f.get(3);
    Fr privateFunctionsRoot = f.get(4);
    byte[] bytecode = bufferFromFields(f.subList(5, f.size()));
    if (bytecode == null || version != 1) {
      return Optional.empty();
    }
    Fr commitment = publicBytecodeCommitment(bytecode);
    if (commitment == null) {
      return Optional.empty();
    }
    Fr computedId =
        Poseidon2.hashWithSeparator(
            List.of(artifactHash, privateFunctionsRoot, commitment), DOM_SEP_CONTRACT_CLASS_ID);
    if (!computedId.equals(id)) {
      return Optional.empty();
    }
    return Optional.of(
        new ContractClassPublic(
            id, 1, artifactHash, privateFunctionsRoot, bytecode, commitment, block));
  }

  /** The instance a private log publishes, if it is an instance-published event of version 1. */
  public static Optional<ContractInstance> instancePublished(PrivateLog log) {
    List<Fr> f = log.fields();
    if (f.isEmpty() || !f.get(0).equals(INSTANCE_PUBLISHED_TAG) || f.size() < 15) {
      return Optional.empty();
    }
    if (!f.get(2).equals(Fr.ONE)) {
      return Optional.empty();
    }
    AztecAddress address = AztecAddress.fromField(f.get(1));
    Fr salt = f.get(3);
    Fr classId = f.get(4);
    Fr initHash = f.get(5);
    PublicKeys keys =
        new PublicKeys(
            point(f.get(6), f.get(7)),
            point(f.get(8), f.get(9)),
            point(f.get(10), f.get(11)),
            point(f.get(12), f.get(13)));
    AztecAddress deployer = AztecAddress.fromField(f.get(14));
    return Optional.of(
        new ContractInstance(address, 1, salt, deployer, classId, classId, initHash, keys));
  }

  /** Whether the instance's address is the one derived from its fields. */
  public static boolean addressMatches(ContractInstance i) {
    return ContractAddresses.computeAddress(
            i.originalContractClassId(),
            i.initializationHash(),
            i.salt(),
            i.deployer(),
            i.publicKeys())
        .equals(i.address());
  }

  /** The update a public log announces, if it is an instance-updated event. */
  public static Optional<ContractInstanceUpdate> instanceUpdated(PublicLog log) {
    List<Fr> f = log.fields();
    if (!log.contractAddress().equals(INSTANCE_REGISTRY)
        || f.size() < 5
        || !f.get(0).equals(INSTANCE_UPDATED_MAGIC)) {
      return Optional.empty();
    }
    BigInteger ts = f.get(4).toBigInteger();
    if (ts.bitLength() > 63) {
      return Optional.empty();
    }
    return Optional.of(
        new ContractInstanceUpdate(
            AztecAddress.fromField(f.get(1)), f.get(2), f.get(3), ts.longValueExact()));
  }

  /**
   * {@code computePublicBytecodeCommitment}: Poseidon2 over the 31-byte chunks of the bytecode, the
   * separator carrying the byte length; null when the bytecode is too long.
   */
  public static Fr publicBytecodeCommitment(byte[] bytecode) {
    List<Fr> chunks = bufferAsFields(bytecode);
    if (chunks.size() + 1 > MAX_PACKED_PUBLIC_BYTECODE_SIZE_IN_FIELDS) {
      return null;
    }
    long sep = DOM_SEP_PUBLIC_BYTECODE + ((long) bytecode.length << 32);
    return Poseidon2.hashWithSeparator(chunks, sep);
  }

  /** The 31-byte chunks of {@code bytes} as fields (without the length element). */
  static List<Fr> bufferAsFields(byte[] bytes) {
    List<Fr> out = new ArrayList<>((bytes.length + 30) / 31);
    for (int at = 0; at < bytes.length; at += 31) {
      byte[] be = new byte[32];
      System.arraycopy(bytes, at, be, 1, Math.min(31, bytes.length - at));
      out.add(Fr.fromBytes(be));
    }
    return out;
  }

  /** {@code bufferFromFields}: [length, 31-byte chunks...] back to bytes; null if inconsistent. */
  static byte[] bufferFromFields(List<Fr> fields) {
    if (fields.isEmpty()) {
      return null;
    }
    BigInteger len = fields.get(0).toBigInteger();
    long available = 31L * (fields.size() - 1);
    if (len.compareTo(BigInteger.valueOf(available)) > 0) {
      return null;
    }
    int n = len.intValueExact();
    byte[] out = new byte[n];
    for (int i = 0, at = 0; at < n; i++, at += 31) {
      byte[] be = fields.get(1 + i).toBytes();
      System.arraycopy(be, 1, out, at, Math.min(31, n - at));
    }
    return out;
  }

  private static GrumpkinPoint point(Fr x, Fr y) {
    return GrumpkinPoint.of(x, y);
  }
}
