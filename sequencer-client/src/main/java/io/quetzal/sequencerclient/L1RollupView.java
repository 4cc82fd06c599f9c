package io.quetzal.sequencerclient;

import io.quetzal.ethereum.contracts.Abi;
import io.quetzal.ethereum.rpc.JsonRpcErrorException;
import io.quetzal.ethereum.rpc.L1RpcClient;
import io.quetzal.ethereum.rpc.L1RpcException;
import io.quetzal.foundation.bytes.Hex;
import io.quetzal.foundation.field.Fr;
import io.quetzal.foundation.types.EthAddress;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;

/**
 * {@link RollupView} over JSON-RPC. {@code canProposeAtTime} is an {@code eth_call} from the
 * proposer at {@code latest} (it is not a view: it reads transient storage), and a revert is
 * decoded into the rollup's error name and arguments.
 */
public final class L1RollupView implements RollupView {
  private static final Map<String, String> ERRORS = new LinkedHashMap<>();

  static {
    for (String sig :
        List.of(
            "Rollup__SlotAlreadyInChain(uint256,uint256)",
            "Rollup__InvalidArchive(bytes32,bytes32)",
            "ValidatorSelection__InvalidProposer(address,address)")) {
      ERRORS.put(Hash.sha3String(sig).substring(0, 10), sig);
    }
  }

  private final L1RpcClient rpc;
  private final EthAddress rollup;

  public L1RollupView(L1RpcClient rpc, EthAddress rollup) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
  }

  @Override
  public long latestL1BlockTimestamp() {
    return rpc.latestBlockTimestamp();
  }

  @Override
  public BigInteger manaMinFeeAt(long timestamp) {
    String out =
        rpc.ethCall(
            rollup,
            Abi.encode(
                Abi.function(
                    "getManaMinFeeAt", List.of(Abi.uint(timestamp), new Bool(true)), Abi.UINT256)));
    return new BigInteger(1, Hex.decode(out));
  }

  @Override
  public ProposeCheck canProposeAtTime(long timestamp, Fr archive, EthAddress who) {
    var f =
        Abi.function(
            "canProposeAtTime",
            List.of(Abi.uint(timestamp), new Bytes32(archive.toBytes()), Abi.address(who)),
            Abi.UINT256,
            Abi.UINT256);
    Map<String, String> call = new LinkedHashMap<>();
    call.put("from", who.toString());
    call.put("to", rollup.toString());
    call.put("data", Abi.encode(f));
    try {
      String out = rpc.call("eth_call", call, "latest").asText();
      List<Type<?>> r = Abi.decode(f, out);
      return new ProposeCheck.Allowed(
          Abi.toBigInteger(r.get(0)).longValueExact(), Abi.toBigInteger(r.get(1)).longValueExact());
    } catch (JsonRpcErrorException e) {
      return new ProposeCheck.Refused(
          e.data().map(L1RollupView::describeRevert).orElse(e.getMessage()));
    } catch (L1RpcException | ArithmeticException e) {
      return new ProposeCheck.Refused("canProposeAtTime failed: " + e.getMessage());
    }
  }

  /** {@code Error(arg, arg)} for the rollup's known errors, else the raw revert data. */
  static String describeRevert(String data) {
    if (data.length() < 10) {
      return "reverted with " + data;
    }
    String sig = ERRORS.get(data.substring(0, 10).toLowerCase(java.util.Locale.ROOT));
    if (sig == null) {
      return "reverted with " + data;
    }
    String name = sig.substring(0, sig.indexOf('('));
    String[] types = sig.substring(sig.indexOf('(') + 1, sig.length() - 1).split(",");
    StringBuilder b = new StringBuilder(name).append('(');
    String args = data.substring(10);
    for (int i = 0; i < types.length && args.length() >= 64 * (i + 1); i++) {
      String word = args.substring(64 * i, 64 * (i + 1));
      if (i > 0) {
        b.append(", ");
      }
      b.append(
          switch (types[i]) {
            case "uint256" -> new BigInteger(word, 16).toString();
            case "address" -> "0x" + word.substring(24);
            default -> "0x" + word;
          });
    }
    return b.append(')').toString();
  }
}
