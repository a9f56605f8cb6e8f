package dev.opal.devnet;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The devnet's clock: wall time, or — for block times under a second, since block timestamps are
 * whole seconds — a clock that runs {@code speed} times faster from the moment the devnet starts.
 */
final class ChainClock extends Clock {
  private final Instant start;
  private final long startNanos;
  private final double speed;

  ChainClock(double speed) {
    this.start = Instant.now();
    this.startNanos = System.nanoTime();
    this.speed = speed;
  }

  double speed() {
    return speed;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    long elapsed = (long) ((System.nanoTime() - startNanos) * speed);
    return start.plusNanos(elapsed);
  }

  void sleepChainMillis(long millis) throws InterruptedException {
    Thread.sleep(Math.max(1, (long) (millis / speed)));
  }
}
