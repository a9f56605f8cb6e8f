package dev.opal.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log level adjustments for commands whose own output is the point. */
final class Logs {
  private Logs() {}

  /** Only warnings and errors from Opal's components, unless OPAL_LOG_LEVEL asks for more. */
  static void quietUnlessDebug() {
    if (System.getenv("OPAL_LOG_LEVEL") != null) return;
    ((Logger) LoggerFactory.getLogger("dev.opal")).setLevel(Level.WARN);
  }
}
