package dev.opal.node.driver;

import java.util.function.BooleanSupplier;

/** Waiting in the node's loops. */
public final class Waits {
  private Waits() {}

  /** Sleeps in short slices while {@code running} holds, so that stopping a loop takes effect at once even during a long backoff. */
  public static void sleepWhile(long millis, BooleanSupplier running) {
    long end = System.nanoTime() + millis * 1_000_000;
    try {
      for (long left = millis; left > 0 && running.getAsBoolean(); left = (end - System.nanoTime()) / 1_000_000) Thread.sleep(Math.min(left, 100));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
