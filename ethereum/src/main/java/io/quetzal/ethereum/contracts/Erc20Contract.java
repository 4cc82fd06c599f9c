package io.quetzal.ethereum.contracts;

import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.List;

/** Views of an ERC-20 (the fee juice and staking assets are {@code TestERC20}s locally). */
public final class Erc20Contract extends ContractReader {
  public Erc20Contract(L1RpcClient rpc, EthAddress address) {
    super(rpc, address);
  }

  /** {@code balanceOf(owner)}. */
  public BigInteger balanceOf(EthAddress owner) {
    return Abi.toBigInteger(
        call1(Abi.function("balanceOf", List.of(Abi.address(owner)), Abi.UINT256)));
  }

  /** {@code totalSupply()}. */
  public BigInteger totalSupply() {
    return Abi.toBigInteger(call1(Abi.view("totalSupply", Abi.UINT256)));
  }

  /** {@code owner()} (Ownable tokens). */
  public EthAddress owner() {
    return Abi.toEthAddress(call1(Abi.view("owner", Abi.ADDRESS)));
  }
}
