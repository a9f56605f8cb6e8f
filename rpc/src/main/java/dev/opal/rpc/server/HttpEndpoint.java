package dev.opal.rpc.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vert.x HTTP server on a Vert.x instance of its own: bound when created (port 0 picks a free
 * one), and closed together with its Vert.x. Each of Opal's servers (JSON-RPC, beacon API) is one.
 */
public final class HttpEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

  private final String name;
  private final Vertx vertx;
  private final HttpServer server;

  private HttpEndpoint(String name, Vertx vertx, HttpServer server) {
    this.name = name;
    this.vertx = vertx;
    this.server = server;
  }

  /** Binds {@code host:port} with the handlers {@code configure} installs; throws with a one-line reason if it cannot. */
  public static HttpEndpoint listen(String name, String host, int port, HttpServerOptions options, Consumer<HttpServer> configure) {
    Vertx vertx = Vertx.vertx();
    HttpServer s = vertx.createHttpServer(options.setHost(host).setPort(port));
    configure.accept(s);
    try {
      return new HttpEndpoint(name, vertx, s.listen().toCompletionStage().toCompletableFuture().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      vertx.close();
      throw new IllegalStateException("interrupted while starting " + name);
    } catch (ExecutionException e) {
      vertx.close();
      throw new IllegalStateException("cannot listen on " + host + ":" + port + " for " + name + ": " + e.getCause().getMessage());
    }
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get();
      vertx.close().toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.warn("{} did not close cleanly: {}", name, e.getCause().toString());
    }
  }
}
