package dev.opal.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.block.BlockId;
import dev.opal.node.engine.EngineController;
import dev.opal.node.engine.HeadsOnlyEngine;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.types.Hash;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The metrics endpoint over a real socket: the heads, the controller's events, and each engine call timed. */
class NodeMetricsTest {
  /** Heads fixed at unsafe 7, safe 5, finalized 3. */
  private static L2BlockRef head(String label) {
    long n = switch (label) {
      case "latest" -> 7;
      case "safe" -> 5;
      default -> 3;
    };
    return new L2BlockRef(Hash.ZERO, n, Hash.ZERO, 1000 + n, new BlockId(Hash.ZERO, 0), n);
  }

  @Test
  void servesHeadsEventsAndCallLatency() throws Exception {
    NodeMetrics metrics = new NodeMetrics();
    EngineController controller = new EngineController(metrics.timed(new HeadsOnlyEngine(NodeMetricsTest::head)));
    metrics.watch(controller);
    controller.reset();
    try (MetricsServer server = MetricsServer.start(metrics, "127.0.0.1", 0)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .contains("opal_node_refs_number{layer=\"l2\",type=\"l2_unsafe\"} 7.0")
          .contains("opal_node_refs_number{layer=\"l2\",type=\"l2_safe\"} 5.0")
          .contains("opal_node_refs_number{layer=\"l2\",type=\"l2_finalized\"} 3.0")
          .contains("opal_node_engine_events_total{event=\"EngineResetConfirmed\"} 1.0")
          .contains("opal_node_engine_call_seconds_count{method=\"blockRefByLabel\"} 3");
    }
  }
}
