package io.quetzal.sequencerclient.publisher;

import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.crypto.Secp256k1;
import io.quetzal.foundation.crypto.Secp256k1PrivateKey;
import io.quetzal.foundation.types.EthAddress;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/**
 * An unsigned EIP-1559 (type 2) or, with a sidecar, EIP-4844 (type 3) transaction, and its signing.
 *
 * <p>Type 3 payload: {@code [chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value,
 * data, accessList, maxFeePerBlobGas, blobVersionedHashes, yParity, r, s]}; the signing hash is
 * {@code keccak256(0x03 ‖ rlp(first 11))} and the transaction hash {@code keccak256(0x03 ‖ rlp(all
 * 14))}. What {@code eth_sendRawTransaction} takes for a blob transaction is the network wrapper
 * {@code 0x03 ‖ rlp([payload, blobs, commitments, proofs])} (EIP-4844 wrapper, version 0). Type 2
 * has no blob fields and no wrapper. The RLP codec is web3j's; the signature is the project's RFC
 * 6979 secp256k1 ({@link Secp256k1#sign}).
 *
 * @param chainId the L1 chain id
 * @param nonce the sender's nonce
 * @param maxPriorityFeePerGas wei
 * @param maxFeePerGas wei
 * @param gasLimit gas
 * @param to the recipient
 * @param value wei
 * @param data the calldata
 * @param maxFeePerBlobGas wei (type 3 only; ignored without a sidecar)
 * @param sidecar the blobs, or empty for a type-2 transaction
 */
public record L1Transaction(
    long chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    EthAddress to,
    BigInteger value,
    byte[] data,
    BigInteger maxFeePerBlobGas,
    Optional<BlobSidecar> sidecar) {

  public L1Transaction {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(sidecar, "sidecar");
    data = data.clone();
    if (nonce < 0 || gasLimit <= 0 || chainId <= 0) {
      throw new IllegalArgumentException("bad nonce, gas limit or chain id");
    }
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** 3 with blobs, otherwise 2. */
  public int type() {
    return sidecar.isPresent() ? 3 : 2;
  }

  /** The signed transaction: what to send and its hash. */
  public record Signed(byte[] raw, byte[] hash, int type) {
    public Signed {
      raw = raw.clone();
      hash = hash.clone();
    }

    @Override
    public byte[] raw() {
      return raw.clone();
    }

    @Override
    public byte[] hash() {
      return hash.clone();
    }

    /** The 0x-hex hash. */
    public String hashHex() {
      return io.quetzal.foundation.bytes.Hex.encode(hash);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Signed s && java.util.Arrays.equals(hash, s.hash);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
      return "Signed[type " + type + ", " + hashHex() + ", " + raw.length + " bytes]";
    }
  }

  /** Signs with {@code key}. The key is used for the signature only and never kept. */
  public Signed sign(Secp256k1PrivateKey key) {
    List<RlpType> fields = unsignedFields();
    byte typeByte = (byte) type();
    byte[] signingHash = Keccak256.hash(typed(typeByte, RlpEncoder.encode(new RlpList(fields))));
    Secp256k1.RawSignature sig = Secp256k1.sign(signingHash, key);
    if (sig.recovery() > 1) {
      throw new IllegalStateException("signature with an x-overflowing R cannot be sent");
    }
    List<RlpType> signed = new ArrayList<>(fields);
    signed.add(quantity(BigInteger.valueOf(sig.recovery())));
    signed.add(quantity(sig.r()));
    signed.add(quantity(sig.s()));
    byte[] payload = RlpEncoder.encode(new RlpList(signed));
    byte[] hash = Keccak256.hash(typed(typeByte, payload));
    if (sidecar.isEmpty()) {
      return new Signed(typed(typeByte, payload), hash, 2);
    }
    BlobSidecar sc = sidecar.get();
    List<RlpType> wrapper = new ArrayList<>();
    wrapper.add(new RlpList(signed));
    wrapper.add(new RlpList(sc.blobs().stream().map(b -> (RlpType) bytes(b.data())).toList()));
    wrapper.add(new RlpList(sc.commitments().stream().map(c -> (RlpType) bytes(c)).toList()));
    wrapper.add(new RlpList(sc.proofs().stream().map(p -> (RlpType) bytes(p)).toList()));
    return new Signed(typed(typeByte, RlpEncoder.encode(new RlpList(wrapper))), hash, 3);
  }

  private List<RlpType> unsignedFields() {
    List<RlpType> f = new ArrayList<>();
    f.add(quantity(BigInteger.valueOf(chainId)));
    f.add(quantity(BigInteger.valueOf(nonce)));
    f.add(quantity(maxPriorityFeePerGas));
    f.add(quantity(maxFeePerGas));
    f.add(quantity(BigInteger.valueOf(gasLimit)));
    f.add(bytes(to.toBytes()));
    f.add(quantity(value));
    f.add(bytes(data));
    f.add(new RlpList()); // access list
    sidecar.ifPresent(
        sc -> {
          f.add(quantity(maxFeePerBlobGas));
          f.add(new RlpList(sc.versionedHashes().stream().map(h -> (RlpType) bytes(h)).toList()));
        });
    return f;
  }

  private static byte[] typed(byte type, byte[] rlp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rlp.length + 1);
    out.write(type);
    out.writeBytes(rlp);
    return out.toByteArray();
  }

  private static RlpString bytes(byte[] b) {
    return RlpString.create(b);
  }

  /** An RLP integer: big-endian, no leading zeros, zero as the empty string. */
  static RlpString quantity(BigInteger v) {
    if (v.signum() < 0) {
      throw new IllegalArgumentException("negative quantity");
    }
    if (v.signum() == 0) {
      return RlpString.create(new byte[0]);
    }
    byte[] b = v.toByteArray();
    if (b[0] == 0) {
      b = java.util.Arrays.copyOfRange(b, 1, b.length);
    }
    return RlpString.create(b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof L1Transaction t
        && chainId == t.chainId
        && nonce == t.nonce
        && maxPriorityFeePerGas.equals(t.maxPriorityFeePerGas)
        && maxFeePerGas.equals(t.maxFeePerGas)
        && gasLimit == t.gasLimit
        && to.equals(t.to)
        && value.equals(t.value)
        && java.util.Arrays.equals(data, t.data)
        && maxFeePerBlobGas.equals(t.maxFeePerBlobGas)
        && sidecar.equals(t.sidecar);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, nonce, gasLimit, to);
  }

  @Override
  public String toString() {
    return "L1Transaction[type "
        + type()
        + ", nonce "
        + nonce
        + ", to "
        + to
        + ", gas "
        + gasLimit
        + ", maxFee "
        + maxFeePerGas
        + ", tip "
        + maxPriorityFeePerGas
        + (sidecar.isPresent() ? ", blobFee " + maxFeePerBlobGas + ", " + sidecar.get() : "")
        + "]";
  }
}
