package dev.opal.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/** Serves {@code eth_subscribe} on WebSocket connections: each subscription pushes results to its connection. */
public interface SubscriptionHandler {
  /**
   * Starts a subscription described by the eth_subscribe params; returns its id.
   *
   * @param sink receives each result; it stops being called after {@link #unsubscribe}
   */
  String subscribe(JsonNode params, Consumer<JsonNode> sink);

  /** Ends a subscription; false if it did not exist. */
  boolean unsubscribe(String id);
}
