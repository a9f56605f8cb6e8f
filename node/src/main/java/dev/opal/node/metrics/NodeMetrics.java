package dev.opal.node.metrics;

import dev.opal.node.engine.EngineController;
import dev.opal.node.engine.EngineEvent;
import dev.opal.node.engine.ExecEngine;
import dev.opal.node.eth.L2BlockRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The rollup node's metrics, named after op-node's where one exists: the L2 heads as
 * {@code opal_node_refs_number{layer="l2",type="l2_unsafe|l2_pending_safe|l2_local_safe|l2_safe|l2_finalized"}} (op-node's
 * {@code refs_number}), a counter per engine event ({@code opal_node_engine_events_total{event}}),
 * and the latency of each Engine API call ({@code opal_node_engine_call_seconds{method}}).
 */
public final class NodeMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConcurrentHashMap<String, Counter> events = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> calls = new ConcurrentHashMap<>();

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Watches a controller: its heads as gauges, its events as counters. */
  public void watch(EngineController engine) {
    head("l2_unsafe", engine::unsafeHead);
    head("l2_pending_safe", engine::pendingSafeHead);
    head("l2_local_safe", engine::localSafeHead);
    head("l2_safe", engine::safeHead);
    head("l2_finalized", engine::finalizedHead);
    engine.addListener(this::count);
  }

  private void head(String type, Supplier<L2BlockRef> ref) {
    Gauge.builder("opal_node_refs_number", () -> {
      L2BlockRef r = ref.get();
      return r == null ? -1 : r.number();
    }).description("Number of an L2 head").tag("layer", "l2").tag("type", type).register(registry);
  }

  private void count(EngineEvent e) {
    String name = e.getClass().getSimpleName();
    events.computeIfAbsent(name, n -> Counter.builder("opal_node_engine_events_total").description("Engine controller events")
        .tag("event", n).register(registry)).increment();
  }

  /** An engine whose every call is timed under its method name. */
  public ExecEngine timed(ExecEngine engine) {
    return new TimedExecEngine(engine, this::timer);
  }

  Timer timer(String method) {
    return calls.computeIfAbsent(method, m -> Timer.builder("opal_node_engine_call_seconds").description("Engine API calls by the rollup node")
        .tag("method", m).publishPercentiles(0.5, 0.99).register(registry));
  }

  /** The Prometheus text exposition of everything registered. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "NodeMetrics(%d meters)", registry.getMeters().size());
  }
}
