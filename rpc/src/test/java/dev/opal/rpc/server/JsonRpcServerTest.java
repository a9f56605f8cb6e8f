package dev.opal.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.client.RpcErrorException;
import dev.opal.rpc.client.RpcTransportException;
import dev.opal.rpc.json.InvalidParamsException;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-RPC over real sockets: methods, batches, error codes, JWT (execution-apis authentication.md), WebSocket. */
class JsonRpcServerTest {
  private static final Duration T = Duration.ofSeconds(5);
  private static final JwtSecret SECRET = new JwtSecret(new byte[32]);
  private JsonRpcServer server;
  private URI uri;

  @BeforeEach
  void start() {
    JsonRpcDispatcher d = new JsonRpcDispatcher(new ObjectMapper())
        .register("echo", p -> p.get(0))
        .register("fail", p -> { throw new RpcException(-38001, "Unknown payload"); })
        .register("bad", p -> { throw new InvalidParamsException("no good"); })
        .register("boom", p -> { throw new IllegalStateException("secret internals"); })
        .register("slow", p -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return TextNode.valueOf("late");
        });
    server = new JsonRpcServer("test", d, new Jwt(SECRET), 4).start("127.0.0.1", 0);
    uri = URI.create("http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void callsAndTypedErrors() {
    JsonRpcClient client = new JsonRpcClient(uri, new Jwt(SECRET));
    assertThat(client.call(T, "echo", "hi").asText()).isEqualTo("hi");
    assertThatThrownBy(() -> client.call(T, "fail")).isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo(-38001));
    assertThatThrownBy(() -> client.call(T, "bad")).isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo(-32602));
    assertThatThrownBy(() -> client.call(T, "nope")).isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo(-32601));
    assertThatThrownBy(() -> client.call(T, "boom"))
        .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo(-32603))
        .hasMessageNotContaining("secret internals");
    assertThatThrownBy(() -> client.call(Duration.ofMillis(300), "slow")).isInstanceOf(RpcTransportException.class).hasMessageContaining("timed out");
  }

  @Test
  void batchesParseErrorsAndInvalidRequests() throws Exception {
    String token = new Jwt(SECRET).token();
    ObjectMapper m = new ObjectMapper();
    JsonNode batch = m.readTree(post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[1]},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[2]},{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]", token).body());
    assertThat(batch).hasSize(2); // the notification gets no response
    assertThat(batch.get(0).get("result").asInt()).isEqualTo(1);
    assertThat(batch.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(m.readTree(post("{not json", token).body()).get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(m.readTree(post("[]", token).body()).get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(m.readTree(post("{\"jsonrpc\":\"2.0\",\"id\":1}", token).body()).get("error").get("code").asInt()).isEqualTo(-32600);
  }

  @Test
  void jwtIsRequiredAndChecked() throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[1]}";
    assertThat(post(body, null).statusCode()).isEqualTo(401);
    assertThat(post(body, new Jwt(new JwtSecret(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        25, 26, 27, 28, 29, 30, 31, 32})).token()).statusCode()).isEqualTo(401);
    Clock old = Clock.fixed(Instant.now().minusSeconds(65), ZoneOffset.UTC); // past the ±60 s window, clear of second boundaries
    Clock future = Clock.fixed(Instant.now().plusSeconds(65), ZoneOffset.UTC);
    assertThat(post(body, new Jwt(SECRET, old).token()).statusCode()).isEqualTo(401);
    assertThat(post(body, new Jwt(SECRET, future).token()).statusCode()).isEqualTo(401);
    // alg "none" with an empty signature must not pass
    String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
        + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iat\":" + Instant.now().getEpochSecond() + "}").getBytes()) + ".";
    assertThat(post(body, none).statusCode()).isEqualTo(401);
    assertThat(post(body, new Jwt(SECRET).token()).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenMatchesAnIndependentHs256Computation() {
    // Computed with Python's hmac/hashlib/base64 for key 0x5f×32 and claims {"iat":1700000000}.
    Jwt jwt = new Jwt(new JwtSecret(java.util.HexFormat.of().parseHex("5f".repeat(32))), Clock.fixed(Instant.ofEpochSecond(1700000000), ZoneOffset.UTC));
    assertThat(jwt.token()).isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDB9.q-OUnMBqYrXcaRMVJOIzUd4AfKnOOOe3Ba43dpo0ZqI");
    jwt.verify(jwt.token());
  }

  @Test
  void secretFileIsGeneratedOnceAndReread(@TempDir Path dir) {
    Path file = dir.resolve("jwt.hex");
    JwtSecret a = JwtSecret.loadOrGenerate(file);
    JwtSecret b = JwtSecret.loadOrGenerate(file);
    assertThat(b.key()).isEqualTo(a.key());
  }

  @Test
  void webSocketCalls() throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .header("Authorization", "Bearer " + new Jwt(SECRET).token())
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port()), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            reply.complete(data.toString());
            return null;
          }
        }).get(5, TimeUnit.SECONDS);
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"echo\",\"params\":[\"ws\"]}", true);
    assertThat(new ObjectMapper().readTree(reply.get(5, TimeUnit.SECONDS)).get("result").asText()).isEqualTo("ws");
    ws.abort();
  }
}
