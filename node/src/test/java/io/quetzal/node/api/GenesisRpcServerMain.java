package io.quetzal.node.api;

import io.quetzal.node.rpc.JsonRpcHttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A benchmark harness, not a test: the node API over a genesis world state (local network prefill,
 * no L1) on {@code 127.0.0.1:<port>}, for {@code ../shared/bench/rpc-bench.sh}. Runs until killed.
 *
 * <pre>java -cp ... io.quetzal.node.api.GenesisRpcServerMain 18080</pre>
 */
public final class GenesisRpcServerMain {
  private GenesisRpcServerMain() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
    Path dir = Files.createTempDirectory("quetzal-rpc-bench-");
    GenesisApi g = new GenesisApi(dir.resolve("ws"));
    JsonRpcHttpServer s =
        JsonRpcHttpServer.start(
            new InetSocketAddress("127.0.0.1", port),
            g.dispatcher,
            Map.of("x-aztec-packageVersion", "4.1.2"),
            1 << 20);
    System.err.println("node API at genesis on " + s.port());
    Thread.sleep(Long.MAX_VALUE);
  }
}
