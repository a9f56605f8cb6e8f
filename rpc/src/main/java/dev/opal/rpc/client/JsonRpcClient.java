package dev.opal.rpc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.rpc.jwt.Jwt;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC 2.0 client over HTTP/1.1 with keep-alive connections ({@link HttpConnection}),
 * optionally JWT-authenticated with a fresh token per request (op-service's engine client
 * behaviour). Errors are typed: {@link RpcErrorException} for JSON-RPC errors,
 * {@link RpcTransportException} for everything that prevented an answer.
 */
public final class JsonRpcClient {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  /** Idle connections older than this are not reused: servers close idle keep-alive connections after a while. */
  private static final long MAX_IDLE_NANOS = 20_000_000_000L;
  private static final int MAX_IDLE_CONNECTIONS = 8;

  private final URI uri;
  private final Jwt jwt;
  private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();
  private final ObjectMapper json = new ObjectMapper().registerModule(EngineJson.module());
  private final AtomicLong ids = new AtomicLong();

  public JsonRpcClient(URI uri, Jwt jwt) {
    this.uri = uri;
    this.jwt = jwt;
  }

  public ObjectMapper json() {
    return json;
  }

  /** Calls {@code method} with positional params (JsonNodes or values Jackson can write) within {@code timeout}. */
  public JsonNode call(Duration timeout, String method, Object... params) {
    ObjectNode request = json.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    ArrayNode p = request.putArray("params");
    for (Object o : params) p.add(o instanceof JsonNode n ? n : json.valueToTree(o));
    byte[] body;
    try {
      body = json.writeValueAsBytes(request);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode the params of " + method + ": " + e.getMessage(), e);
    }
    HttpConnection.Response response = post(method, body, timeout);
    if (response.status() != 200) {
      String text = new String(response.body(), StandardCharsets.UTF_8).trim();
      throw new RpcTransportException(method + " got HTTP " + response.status() + ": " + text, response.status(), null);
    }
    JsonNode reply;
    try {
      reply = json.readTree(response.body());
    } catch (IOException e) {
      throw new RpcTransportException(method + " got a malformed response", 200, e);
    }
    JsonNode error = reply.get("error");
    if (error != null && !error.isNull()) {
      throw new RpcErrorException(method, error.path("code").asInt(), error.path("message").asText(), error.get("data"));
    }
    return reply.get("result");
  }

  /**
   * Sends the request on an idle keep-alive connection, or a new one. A reused connection that the
   * server had closed fails before any response byte; the request is then sent once more on a fresh
   * connection (HTTP/1.1 clients retry exactly this case).
   */
  private HttpConnection.Response post(String method, byte[] body, Duration timeout) {
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    String auth = jwt == null ? null : "Bearer " + jwt.token();
    HttpConnection c = reusable();
    boolean reused = c != null;
    try {
      if (c == null) c = new HttpConnection(uri, Math.min(CONNECT_TIMEOUT_MILLIS, timeoutMillis));
      HttpConnection.Response r;
      try {
        r = c.post(body, auth, timeoutMillis);
      } catch (HttpConnection.NoResponseException stale) {
        if (!reused) throw stale;
        c.close();
        c = new HttpConnection(uri, Math.min(CONNECT_TIMEOUT_MILLIS, timeoutMillis));
        r = c.post(body, auth, timeoutMillis);
      }
      if (r.keepAlive() && idle.size() < MAX_IDLE_CONNECTIONS) idle.addFirst(c);
      else c.close();
      c = null;
      return r;
    } catch (SocketTimeoutException e) {
      throw new RpcTransportException(method + " timed out after " + timeout.toMillis() + " ms", 0, e);
    } catch (ConnectException e) {
      throw new RpcTransportException(method + " to " + uri + " failed: connection refused", 0, e);
    } catch (IOException e) {
      throw new RpcTransportException(method + " to " + uri + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), 0, e);
    } finally {
      if (c != null) c.close(); // a connection that failed midway is not reused
    }
  }

  private HttpConnection reusable() {
    for (HttpConnection c; (c = idle.pollFirst()) != null; ) {
      if (System.nanoTime() - c.lastUsedNanos < MAX_IDLE_NANOS) return c;
      c.close();
    }
    return null;
  }
}
