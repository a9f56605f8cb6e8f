package dev.opal.app;

/** Parses durations written as {@code 2s}, {@code 500ms}, {@code 1m} or plain seconds. */
final class Durations {
  private Durations() {}

  static long parseMillis(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("ms")) return Long.parseLong(t.substring(0, t.length() - 2).trim());
      if (t.endsWith("s")) return Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000);
      if (t.endsWith("m")) return Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 60_000);
      return Math.round(Double.parseDouble(t) * 1000);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 2s or 500ms)");
    }
  }
}
