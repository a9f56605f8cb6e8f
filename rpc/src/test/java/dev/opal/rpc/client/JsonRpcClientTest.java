package dev.opal.rpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's HTTP/1.1 against a scripted server on a real socket: the response framings servers
 * use (Content-Length, chunked as Go's net/http sends large bodies, close-delimited), keep-alive
 * reuse, a kept-alive connection the server closed meanwhile, HTTP errors and timeouts.
 */
class JsonRpcClientTest {
  private static final Duration T = Duration.ofSeconds(5);
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<Integer> connections = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) c.close();
  }

  /** A server that answers each request on a connection with {@code reply.apply(n)} (n counts requests per connection). */
  private URI serve(Function<Integer, String> reply, boolean closeAfterEach) throws IOException {
    ServerSocket server = new ServerSocket(0);
    open.add(server);
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          connections.add(1);
          Thread.ofVirtual().start(() -> handle(s, reply, closeAfterEach));
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
  }

  private static void handle(Socket s, Function<Integer, String> reply, boolean closeAfterEach) {
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = s.getOutputStream();
      for (int n = 0; ; n++) {
        int length = -1;
        String line = in.readLine();
        if (line == null) return;
        while (!(line = in.readLine()).isEmpty()) {
          if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) read += in.read(body, read, length - read);
        out.write(reply.apply(n).getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (closeAfterEach) return;
      }
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
  }

  private static String withLength(String json) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
  }

  @Test
  void readsContentLengthAndReusesTheConnection() throws IOException {
    JsonRpcClient c = new JsonRpcClient(serve(n -> withLength("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + n + "\"}"), false), null);
    assertThat(c.call(T, "eth_blockNumber").asText()).isEqualTo("0x0");
    assertThat(c.call(T, "eth_blockNumber").asText()).isEqualTo("0x1");
    assertThat(c.call(T, "eth_blockNumber").asText()).isEqualTo("0x2");
    assertThat(connections).as("one keep-alive connection").hasSize(1);
  }

  @Test
  void readsChunkedBodies() throws IOException {
    String json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"" + "ab".repeat(5000) + "\"}";
    StringBuilder chunked = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < json.length(); i += 4096) {
      String part = json.substring(i, Math.min(json.length(), i + 4096));
      chunked.append(Integer.toHexString(part.length())).append(";ext=1\r\n").append(part).append("\r\n");
    }
    chunked.append("0\r\n\r\n");
    JsonRpcClient c = new JsonRpcClient(serve(n -> chunked.toString(), false), null);
    assertThat(c.call(T, "debug_getRawBlock").asText()).hasSize(10_000);
    assertThat(c.call(T, "debug_getRawBlock").asText()).as("the connection stays usable after the last chunk").hasSize(10_000);
  }

  @Test
  void aConnectionTheServerClosedIsReplaced() throws IOException {
    // the server closes after every answer without saying so: the next call finds the kept connection dead
    JsonRpcClient c = new JsonRpcClient(serve(n -> withLength("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":true}"), true), null);
    for (int i = 0; i < 3; i++) assertThat(c.call(T, "net_listening").asBoolean()).isTrue();
    assertThat(connections).hasSize(3);
  }

  @Test
  void readsABodyDelimitedByClose() throws IOException {
    JsonRpcClient c = new JsonRpcClient(serve(n -> "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":7}", true), null);
    assertThat(c.call(T, "x").asInt()).isEqualTo(7);
    assertThat(c.call(T, "x").asInt()).isEqualTo(7);
  }

  @Test
  void reportsHttpErrorsJsonRpcErrorsAndTimeouts() throws IOException {
    JsonRpcClient unauthorized = new JsonRpcClient(serve(n -> "HTTP/1.1 401 Unauthorized\r\nContent-Length: 13\r\n\r\nmissing token", false), null);
    assertThatThrownBy(() -> unauthorized.call(T, "engine_exchangeCapabilities")).isInstanceOfSatisfying(RpcTransportException.class,
        e -> assertThat(e.httpStatus()).isEqualTo(401)).hasMessageContaining("missing token");

    JsonRpcClient failing = new JsonRpcClient(serve(n -> withLength("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-38002,\"message\":\"Invalid forkchoice state\"}}"), false), null);
    assertThatThrownBy(() -> failing.call(T, "engine_forkchoiceUpdatedV3")).isInstanceOfSatisfying(RpcErrorException.class,
        e -> assertThat(e.code()).isEqualTo(-38002));

    JsonRpcClient silent = new JsonRpcClient(serve(n -> {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return withLength("{}");
    }, false), null);
    assertThatThrownBy(() -> silent.call(Duration.ofMillis(200), "engine_getPayloadV4")).isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("timed out after 200 ms");

    ServerSocket closed = new ServerSocket(0);
    int port = closed.getLocalPort();
    closed.close();
    assertThatThrownBy(() -> new JsonRpcClient(URI.create("http://127.0.0.1:" + port), null).call(T, "eth_chainId"))
        .isInstanceOf(RpcTransportException.class).hasMessageContaining("connection refused");
  }
}
