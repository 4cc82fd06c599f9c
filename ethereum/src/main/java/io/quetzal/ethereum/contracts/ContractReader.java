package io.quetzal.ethereum.contracts;

import io.quetzal.ethereum.rpc.JsonRpcErrorException;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.types.EthAddress;
import java.util.List;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

/**
 * Calls views of one contract with {@code eth_call}. Reverts become {@link ContractCallException}
 * with their data. Thread-safe (the client is).
 */
public class ContractReader {
  private final L1RpcClient rpc;
  private final EthAddress address;

  public ContractReader(L1RpcClient rpc, EthAddress address) {
    this.rpc = rpc;
    this.address = address;
  }

  /** The contract's address. */
  public EthAddress address() {
    return address;
  }

  /** The client. */
  protected L1RpcClient rpc() {
    return rpc;
  }

  /** Calls {@code f} at {@code latest} and decodes its outputs. */
  public List<Type<?>> call(Function f) {
    String data;
    try {
      data = rpc.ethCall(address, Abi.encode(f));
    } catch (JsonRpcErrorException e) {
      throw new ContractCallException(
          f.getName() + " on " + address + " failed: " + e.getMessage(), e.data().orElse(null), e);
    }
    if (data == null || data.equals("0x")) {
      throw new ContractCallException(
          f.getName() + " on " + address + " returned no data (is a contract deployed there?)");
    }
    return Abi.decode(f, data);
  }

  /** Calls a view with one output. */
  public Type<?> call1(Function f) {
    return call(f).get(0);
  }
}
