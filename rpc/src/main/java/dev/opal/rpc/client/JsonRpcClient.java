package dev.opal.rpc.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.rpc.jwt.Jwt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC 2.0 client over HTTP, optionally JWT-authenticated with a fresh token per request
 * (op-service's engine client behaviour). Errors are typed: {@link RpcErrorException} for JSON-RPC
 * errors, {@link RpcTransportException} for everything that prevented an answer.
 */
public final class JsonRpcClient {
  private final URI uri;
  private final Jwt jwt;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper().registerModule(EngineJson.module());
  private final AtomicLong ids = new AtomicLong();

  public JsonRpcClient(URI uri, Jwt jwt) {
    this.uri = uri;
    this.jwt = jwt;
    // HTTP/1.1 with keep-alive, as op-node and op-geth speak it: cheaper per call than an h2c upgrade to HTTP/2
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
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
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
    if (jwt != null) b.header("Authorization", "Bearer " + jwt.token());
    HttpResponse<String> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new RpcTransportException(method + " timed out after " + timeout.toMillis() + " ms", 0, e);
    } catch (java.net.ConnectException e) {
      throw new RpcTransportException(method + " to " + uri + " failed: connection refused", 0, e);
    } catch (IOException e) {
      throw new RpcTransportException(method + " to " + uri + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcTransportException(method + " interrupted", 0, e);
    }
    if (response.statusCode() != 200) {
      throw new RpcTransportException(method + " got HTTP " + response.statusCode() + ": " + response.body().trim(), response.statusCode(), null);
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
}
