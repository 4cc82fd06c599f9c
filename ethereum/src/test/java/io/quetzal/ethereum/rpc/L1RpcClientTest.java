package io.quetzal.ethereum.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quetzal.ethereum.rpc.StubRpcServer.Reply;
import io.quetzal.testkit.Property;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The L1 client against scripted hosts on 127.0.0.1, on a manual clock (no real back-off). */
class L1RpcClientTest {
  private final ManualClock clock = new ManualClock();

  private L1RpcClient client(URI... urls) {
    L1RpcConfig cfg =
        L1RpcConfig.of(List.of(urls))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withRetries(4, Duration.ofMillis(150), Duration.ofSeconds(5), Duration.ofSeconds(30));
    return new L1RpcClient(cfg, clock, clock);
  }

  /** A loopback port nothing listens on (connection refused). */
  private static URI deadHost() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    }
  }

  @Test
  void answersFromTheFirstHost() throws Exception {
    try (StubRpcServer a = new StubRpcServer(Reply.result("\"0x7a69\""));
        L1RpcClient c = client(a.url())) {
      assertThat(c.chainId()).isEqualTo(31337);
      assertThat(a.requests().get(0).get("method").asText()).isEqualTo("eth_chainId");
      assertThat(a.requests().get(0).get("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(clock.sleeps()).isEmpty();
    }
  }

  @Test
  void failsOverToTheNextHostAndSticksToIt() throws Exception {
    try (StubRpcServer bad = new StubRpcServer(Reply.raw(503, "upstream down"));
        StubRpcServer good = new StubRpcServer(Reply.result("\"0x10\""));
        L1RpcClient c = client(bad.url(), good.url())) {
      assertThat(c.blockNumber()).isEqualTo(16);
      assertThat(c.blockNumber()).isEqualTo(16);
      assertThat(bad.hits()).isEqualTo(1); // the second call starts at the host that answered
      assertThat(good.hits()).isEqualTo(2);
      assertThat(clock.sleeps()).isEmpty(); // failover within a round does not wait
    }
  }

  @Test
  void failsOverPastARefusedConnection() throws Exception {
    try (StubRpcServer good = new StubRpcServer(Reply.result("\"0x1\""));
        L1RpcClient c = client(deadHost(), good.url())) {
      assertThat(c.chainId()).isEqualTo(1);
    }
  }

  @Test
  void retriesWithExponentialBackoff() throws Exception {
    try (StubRpcServer a =
            new StubRpcServer(
                Reply.raw(502, "bad gateway"),
                Reply.raw(502, "bad gateway"),
                Reply.raw(500, ""),
                Reply.result("\"0x2a\""));
        L1RpcClient c = client(a.url())) {
      assertThat(c.blockNumber()).isEqualTo(42);
      assertThat(a.hits()).isEqualTo(4);
      assertThat(clock.sleeps())
          .containsExactly(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(600));
    }
  }

  @Test
  void givesUpAfterTheLastRoundNamingEveryHostWithoutSecrets() throws Exception {
    try (StubRpcServer a = new StubRpcServer(Reply.raw(500, "boom"));
        StubRpcServer b = new StubRpcServer(Reply.raw(502, "bang"));
        L1RpcClient c = client(a.url("/v2/SECRET-API-KEY"), b.url("/?key=SECRET2"))) {
      assertThatThrownBy(c::chainId)
          .isInstanceOf(L1RpcException.class)
          .hasMessageContaining("eth_chainId failed on all 2 hosts after 4 rounds")
          .hasMessageContaining("HTTP 500")
          .hasMessageContaining("HTTP 502")
          .hasMessageContaining("http://127.0.0.1:")
          .hasMessageNotContaining("SECRET");
      assertThat(a.hits()).isEqualTo(4);
      assertThat(b.hits()).isEqualTo(4);
      assertThat(clock.sleeps()).hasSize(3);
    }
  }

  @Test
  void honoursRetryAfterSecondsOn429() throws Exception {
    try (StubRpcServer a = new StubRpcServer(Reply.tooManyRequests("3"), Reply.result("\"0x5\""));
        L1RpcClient c = client(a.url())) {
      assertThat(c.blockNumber()).isEqualTo(5);
      assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    }
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() throws Exception {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(7).atZone(ZoneOffset.UTC));
    try (StubRpcServer a = new StubRpcServer(Reply.tooManyRequests(date), Reply.result("\"0x5\""));
        L1RpcClient c = client(a.url())) {
      assertThat(c.blockNumber()).isEqualTo(5);
      assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }
  }

  @Test
  void capsRetryAfter() throws Exception {
    try (StubRpcServer a =
            new StubRpcServer(Reply.tooManyRequests("86400"), Reply.result("\"0x5\""));
        L1RpcClient c = client(a.url())) {
      assertThat(c.blockNumber()).isEqualTo(5);
      assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30));
    }
  }

  @Test
  void aRateLimitedHostRestsWhileTheOtherAnswers() throws Exception {
    try (StubRpcServer limited =
            new StubRpcServer(Reply.tooManyRequests("60"), Reply.result("\"0x1\""));
        StubRpcServer other = new StubRpcServer(Reply.result("\"0x2\""));
        L1RpcClient c = client(limited.url(), other.url())) {
      assertThat(c.blockNumber()).isEqualTo(2);
      assertThat(c.blockNumber()).isEqualTo(2);
      assertThat(limited.hits()).isEqualTo(1);
      assertThat(clock.sleeps()).isEmpty();
    }
  }

  @Test
  void limitExceededIsARateLimitToo() throws Exception {
    try (StubRpcServer a =
            new StubRpcServer(
                Reply.error(-32005, "limit exceeded", null), Reply.result("\"0x9\""));
        L1RpcClient c = client(a.url())) {
      assertThat(c.blockNumber()).isEqualTo(9);
      assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(150));
    }
  }

  @Test
  void malformedJsonIsAClearError() throws Exception {
    try (StubRpcServer a = new StubRpcServer(Reply.raw(200, "<html>oops, not json</html>"));
        L1RpcClient c = client(a.url())) {
      assertThatThrownBy(c::chainId)
          .isInstanceOf(L1RpcException.class)
          .hasMessageContaining("malformed JSON-RPC response")
          .hasMessageContaining("<html>oops, not json</html>");
    }
  }

  @Test
  void malformedAnswersOfOtherShapesAreClearErrors() throws Exception {
    try (StubRpcServer a =
            new StubRpcServer(
                Reply.raw(200, "[1,2]"),
                Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1}"),
                Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":999999,\"result\":\"0x1\"}"),
                Reply.raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"nope\"}"));
        L1RpcClient c = client(a.url())) {
      assertThatThrownBy(c::chainId)
          .isInstanceOf(L1RpcException.class)
          .hasMessageContaining("malformed JSON-RPC error object");
      assertThat(a.hits()).isEqualTo(4);
    }
  }

  @Test
  void aMalformedHostIsFailedOver() throws Exception {
    try (StubRpcServer bad = new StubRpcServer(Reply.raw(200, "{not json"));
        StubRpcServer good = new StubRpcServer(Reply.result("\"0x3\""));
        L1RpcClient c = client(bad.url(), good.url())) {
      assertThat(c.blockNumber()).isEqualTo(3);
    }
  }

  @Test
  void aJsonRpcErrorIsAnAnswerAndIsNotRetried() throws Exception {
    try (StubRpcServer a = new StubRpcServer(Reply.error(3, "execution reverted", "0xdeadbeef"));
        StubRpcServer b = new StubRpcServer(Reply.result("\"0x\""));
        L1RpcClient c = client(a.url(), b.url())) {
      assertThatThrownBy(() -> c.call("eth_call", Map.of("to", "0x00"), "latest"))
          .isInstanceOfSatisfying(
              JsonRpcErrorException.class,
              e -> {
                assertThat(e.code()).isEqualTo(3);
                assertThat(e.data()).contains("0xdeadbeef");
                assertThat(e.getMessage()).contains("execution reverted");
              });
      assertThat(a.hits()).isEqualTo(1);
      assertThat(b.hits()).isZero();
    }
  }

  @Test
  void aHostThatNeverAnswersTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort());
      L1RpcConfig cfg =
          L1RpcConfig.of(List.of(url))
              .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
              .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1));
      try (L1RpcClient c = new L1RpcClient(cfg, clock, clock)) {
        assertThatThrownBy(c::chainId)
            .isInstanceOf(L1RpcException.class)
            .hasMessageContaining("timed out after 200 ms");
      }
    }
  }

  @Test
  void chainIdMismatchIsAClearError() throws Exception {
    try (StubRpcServer a = new StubRpcServer(Reply.result("\"0x1\""));
        L1RpcClient c = client(a.url())) {
      assertThatThrownBy(() -> c.verifyChainId(31337))
          .isInstanceOf(ChainIdMismatchException.class)
          .hasMessageContaining("answers eth_chainId 1 but L1_CHAIN_ID is 31337");
    }
  }

  @Test
  void chainIdCheckSkipsDeadHostsButNeedsOneAnswer() throws Exception {
    try (StubRpcServer a = new StubRpcServer(Reply.result("\"0x7a69\""));
        L1RpcClient c = client(deadHost(), a.url())) {
      c.verifyChainId(31337);
    }
    try (L1RpcClient c = client(deadHost())) {
      assertThatThrownBy(() -> c.verifyChainId(31337))
          .isInstanceOf(L1RpcException.class)
          .hasMessageContaining("no L1 host answered eth_chainId");
    }
  }

  @Test
  void ethereumHostsParsing() {
    L1RpcConfig cfg = L1RpcConfig.fromEthereumHosts(" http://a:1 , https://b/x?k=1,,");
    assertThat(cfg.urls()).containsExactly(URI.create("http://a:1"), URI.create("https://b/x?k=1"));
    assertThatThrownBy(() -> L1RpcConfig.fromEthereumHosts(" , "))
        .hasMessageContaining("ETHEREUM_HOSTS is empty");
    assertThatThrownBy(() -> L1RpcConfig.fromEthereumHosts("ws://a:1/secret"))
        .hasMessageContaining("not an http(s) URL")
        .hasMessageNotContaining("secret");
  }

  @Test
  void backoffScheduleIsExponentialAndCapped() {
    Property.forAll(
        "back-off doubles up to the cap",
        60,
        r -> new int[] {1 + r.nextInt(8), 1 + r.nextInt(400), 1 + r.nextInt(3000)},
        in -> {
          int failures = in[0];
          Duration initial = Duration.ofMillis(in[1]);
          Duration cap = Duration.ofMillis(in[2]);
          Reply[] replies = new Reply[failures + 1];
          for (int i = 0; i < failures; i++) {
            replies[i] = Reply.raw(503, "");
          }
          replies[failures] = Reply.result("\"0x1\"");
          ManualClock mc = new ManualClock();
          try (StubRpcServer a = new StubRpcServer(replies);
              L1RpcClient c =
                  new L1RpcClient(
                      L1RpcConfig.of(List.of(a.url()))
                          .withRetries(failures + 1, initial, cap, Duration.ofSeconds(1)),
                      mc,
                      mc)) {
            assertThat(c.chainId()).isEqualTo(1);
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
          List<Duration> want = new ArrayList<>();
          for (int i = 0; i < failures; i++) {
            long ms = (long) in[1] << Math.min(i, 20);
            want.add(Duration.ofMillis(Math.min(ms, in[2])));
          }
          assertThat(mc.sleeps()).isEqualTo(want);
        });
  }

  @Test
  void redactionNeverShowsPathQueryOrUserInfo() {
    Property.forAll(
        "redact keeps scheme, host and port only",
        300,
        r -> {
          String secret = Long.toHexString(r.nextLong() | 1L << 62);
          String[] shapes = {
            "https://node.example:8545/v2/" + secret,
            "http://u:" + secret + "@10.0.0.1:8545",
            "https://h.example/?apikey=" + secret,
            "http://127.0.0.1:" + (1 + r.nextInt(65535)) + "/" + secret
          };
          return new String[] {shapes[r.nextInt(shapes.length)], secret};
        },
        in -> {
          String shown = L1RpcConfig.redact(URI.create(in[0]));
          assertThat(shown).doesNotContain(in[1]).endsWith("/…").startsWith("http");
        });
  }
}
