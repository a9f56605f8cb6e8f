package dev.opal.app;

import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one clear line on stderr and exit code 1, never a
 * stack trace (set OPAL_DEBUG=1 to see one).
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    String msg = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    cl.getErr().println("error: " + msg);
    if (System.getenv("OPAL_DEBUG") != null) e.printStackTrace(cl.getErr());
    return 1;
  }
}
