package io.quetzal.ethereum.contracts;

import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.crypto.Keccak256;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** Thin helpers over web3j's ABI codec, speaking Quetzal's types. Stateless. */
public final class Abi {
  /** {@code uint256} output. */
  public static final TypeReference<Uint256> UINT256 = new TypeReference<>() {};

  /** {@code address} output. */
  public static final TypeReference<Address> ADDRESS = new TypeReference<>() {};

  /** {@code bytes32} output. */
  public static final TypeReference<Bytes32> BYTES32 = new TypeReference<>() {};

  /** {@code address[]} output. */
  public static final TypeReference<DynamicArray<Address>> ADDRESS_ARRAY = new TypeReference<>() {};

  private Abi() {}

  /** A function with inputs and outputs. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static Function function(
      String name, List<? extends Type<?>> inputs, TypeReference<?>... outputs) {
    return new Function(name, (List<Type>) (List) inputs, Arrays.asList(outputs));
  }

  /** A function without inputs. */
  public static Function view(String name, TypeReference<?>... outputs) {
    return function(name, List.of(), outputs);
  }

  /** The calldata of {@code f}, 0x-hex. */
  public static String encode(Function f) {
    return FunctionEncoder.encode(f);
  }

  /** Decodes {@code f}'s outputs from 0x-hex return data. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static List<Type<?>> decode(Function f, String returnData) {
    List<Type<?>> out =
        (List<Type<?>>) (List) FunctionReturnDecoder.decode(returnData, f.getOutputParameters());
    if (out.size() != f.getOutputParameters().size()) {
      throw new ContractCallException(
          f.getName() + " returned " + returnData.length() / 2 + " bytes, which do not decode");
    }
    return out;
  }

  /** The 4-byte selector of a signature such as {@code "Foo(uint256)"}, 0x-hex. */
  public static String selector(String signature) {
    byte[] h = Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII));
    return Hex.encode(Arrays.copyOf(h, 4));
  }

  /** A uint256 argument. */
  public static Uint256 uint(long v) {
    return new Uint256(BigInteger.valueOf(v));
  }

  /** A uint256 argument. */
  public static Uint256 uint(BigInteger v) {
    return new Uint256(v);
  }

  /** An address argument. */
  public static Address address(EthAddress a) {
    return new Address(a.toString());
  }

  /** A decoded address. */
  public static EthAddress toEthAddress(Type<?> t) {
    return EthAddress.fromString(((Address) t).getValue());
  }

  /** A decoded uint. */
  public static BigInteger toBigInteger(Type<?> t) {
    return (BigInteger) t.getValue();
  }

  /** A decoded bytes32 as a field element. */
  public static Fr toFr(Type<?> t) {
    return Fr.fromBytes(((Bytes32) t).getValue());
  }

  /** A decoded address[]. */
  public static List<EthAddress> toEthAddresses(Type<?> t) {
    @SuppressWarnings("unchecked")
    List<Address> list = ((DynamicArray<Address>) t).getValue();
    List<EthAddress> out = new ArrayList<>(list.size());
    for (Address a : list) {
      out.add(EthAddress.fromString(a.getValue()));
    }
    return List.copyOf(out);
  }
}
