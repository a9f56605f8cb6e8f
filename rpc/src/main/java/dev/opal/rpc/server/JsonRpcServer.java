package dev.opal.rpc.server;

import dev.opal.rpc.jwt.Jwt;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over HTTP POST and WebSocket on one port (Vert.x). With a {@link Jwt} every HTTP
 * request and WebSocket handshake must carry {@code Authorization: Bearer <token>}, else HTTP 401
 * (execution-apis authentication.md). Methods run on a small pool of large-stack worker threads,
 * never on the event loop, since EVM calls recurse deeply.
 */
public final class JsonRpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcServer.class);
  private static final int MAX_BODY = 32 * 1024 * 1024;
  private static final long WORKER_STACK = 256L * 1024 * 1024;
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  private final String name;
  private final JsonRpcDispatcher dispatcher;
  private final Jwt jwt;
  private final ExecutorService workers;
  private HttpEndpoint endpoint;
  private volatile SubscriptionHandler subscriptions;

  public JsonRpcServer(String name, JsonRpcDispatcher dispatcher, Jwt jwt, int workerThreads) {
    this.name = name;
    this.dispatcher = dispatcher;
    this.jwt = jwt;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workerThreads,
        r -> {
          Thread t = new Thread(null, r, name + "-rpc-" + n.incrementAndGet(), WORKER_STACK);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Starts and stops a throwaway Vert.x on a daemon thread, so that the HTTP stack's classes are
   * loaded while the caller prepares other work; the first server then starts in milliseconds.
   */
  public static void preload() {
    Thread t = new Thread(() -> {
      try {
        Vertx.vertx().close();
      } catch (RuntimeException e) {
        LOG.debug("Vert.x preload failed: {}", e.toString());
      }
    }, "rpc-preload");
    t.setDaemon(true);
    t.start();
  }

  /** Binds and starts serving; port 0 picks a free port (see {@link #port()}). */
  public JsonRpcServer start(String host, int port) {
    HttpServerOptions options = new HttpServerOptions().setMaxWebSocketMessageSize(MAX_BODY).setMaxWebSocketFrameSize(MAX_BODY);
    endpoint = HttpEndpoint.listen(name, host, port, options, s -> {
      s.requestHandler(this::onRequest);
      s.webSocketHandshakeHandler(h -> {
        String problem = authProblem(h.headers().get("Authorization"));
        if (problem == null) h.accept();
        else h.reject(401);
      });
      s.webSocketHandler(ws -> {
        java.util.Set<String> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ws.closeHandler(v -> {
          SubscriptionHandler h = subscriptions;
          if (h != null) mine.forEach(h::unsubscribe);
        });
        ws.textMessageHandler(text -> workers.execute(() -> {
          String response = subscriptionCall(text, ws, mine);
          if (response == null) response = dispatcher.handle(text);
          if (response != null) ws.writeTextMessage(response);
        }));
      });
    });
    LOG.info("{} listening on http://{}:{}{}", name, host, endpoint.port(), jwt == null ? "" : " (JWT authenticated)");
    return this;
  }

  /** Enables eth_subscribe / eth_unsubscribe on WebSocket connections. */
  public JsonRpcServer subscriptions(SubscriptionHandler handler) {
    this.subscriptions = handler;
    return this;
  }

  /** Handles eth_subscribe and eth_unsubscribe, which need the connection; null for any other request. */
  private String subscriptionCall(String text, io.vertx.core.http.ServerWebSocket ws, java.util.Set<String> mine) {
    SubscriptionHandler h = subscriptions;
    if (h == null || !text.contains("_subscribe") && !text.contains("_unsubscribe")) return null;
    com.fasterxml.jackson.databind.JsonNode req;
    try {
      req = MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return null;
    }
    if (req == null || !req.isObject()) return null;
    String method = req.path("method").asText();
    if (!method.equals("eth_subscribe") && !method.equals("eth_unsubscribe")) return null;
    com.fasterxml.jackson.databind.node.ObjectNode out = MAPPER.createObjectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", req.get("id"));
    try {
      if (method.equals("eth_subscribe")) {
        String[] idHolder = new String[1];
        String id = h.subscribe(req.path("params"), result -> {
          com.fasterxml.jackson.databind.node.ObjectNode note = MAPPER.createObjectNode();
          note.put("jsonrpc", "2.0");
          note.put("method", "eth_subscription");
          com.fasterxml.jackson.databind.node.ObjectNode params = note.putObject("params");
          params.put("subscription", idHolder[0]);
          params.set("result", result);
          ws.writeTextMessage(note.toString());
        });
        idHolder[0] = id;
        mine.add(id);
        out.put("result", id);
      } else {
        String id = req.path("params").path(0).asText();
        mine.remove(id);
        out.put("result", h.unsubscribe(id));
      }
    } catch (RpcException e) {
      com.fasterxml.jackson.databind.node.ObjectNode err = out.putObject("error");
      err.put("code", e.code());
      err.put("message", e.getMessage());
    }
    return out.toString();
  }

  public int port() {
    return endpoint.port();
  }

  private void onRequest(HttpServerRequest req) {
    if (req.method() != HttpMethod.POST) {
      req.response().setStatusCode(405).end("JSON-RPC requests are POSTed\n");
      return;
    }
    String problem = authProblem(req.getHeader("Authorization"));
    if (problem != null) {
      req.response().setStatusCode(401).end(problem + "\n");
      return;
    }
    String length = req.getHeader("Content-Length");
    if (length != null && length.matches("\\d+") && Long.parseLong(length) > MAX_BODY) {
      req.response().setStatusCode(413).end("request too large\n");
      return;
    }
    req.body().onSuccess(body -> workers.execute(() -> {
      String response = dispatcher.handle(body.toString());
      if (response == null) req.response().setStatusCode(200).end();
      else req.response().putHeader("Content-Type", "application/json").end(response);
    })).onFailure(e -> req.response().setStatusCode(400).end("cannot read request body\n"));
  }

  /** Null when the request may proceed, else why it is refused. */
  private String authProblem(String authorization) {
    if (jwt == null) return null;
    if (authorization == null || !authorization.startsWith("Bearer ")) return "missing bearer token";
    try {
      jwt.verify(authorization.substring("Bearer ".length()).trim());
      return null;
    } catch (Jwt.InvalidTokenException e) {
      return "invalid token: " + e.getMessage();
    }
  }

  @Override
  public void close() {
    if (endpoint != null) endpoint.close();
    workers.shutdownNow();
  }
}
