package dev.opal.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.block.BlockId;
import dev.opal.node.engine.EngineController;
import dev.opal.node.engine.ExecEngine;
import dev.opal.node.eth.L2BlockContent;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.eth.L2Output;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.types.Hash;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The metrics endpoint over a real socket: the heads, the controller's events, and each engine call timed. */
class NodeMetricsTest {
  /** An engine whose heads are fixed: unsafe 7, safe 5, finalized 3 (a fake for the layer above it). */
  private static final class FixedHeads implements ExecEngine {
    @Override
    public L2BlockRef blockRefByLabel(String label) {
      long n = switch (label) {
        case "latest" -> 7;
        case "safe" -> 5;
        default -> 3;
      };
      return new L2BlockRef(Hash.ZERO, n, Hash.ZERO, 1000 + n, new BlockId(Hash.ZERO, 0), n);
    }

    @Override
    public ForkchoiceUpdatedResult forkchoiceUpdate(ForkchoiceState state, PayloadAttributes attributes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PayloadEnvelope getPayload(PayloadId id, long timestamp) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PayloadStatus newPayload(ExecutionPayload payload, Hash parentBeaconBlockRoot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public L2BlockRef blockRefByHash(Hash hash) {
      throw new UnsupportedOperationException();
    }

    @Override
    public L2BlockContent blockByNumber(long number) {
      return null;
    }

    @Override
    public L2Output outputAt(long number) {
      return null;
    }
  }

  @Test
  void servesHeadsEventsAndCallLatency() throws Exception {
    NodeMetrics metrics = new NodeMetrics();
    EngineController controller = new EngineController(metrics.timed(new FixedHeads()));
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
