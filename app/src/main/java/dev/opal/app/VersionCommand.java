package dev.opal.app;

import picocli.CommandLine.Command;

/** {@code opal version}: prints the version and exits 0. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version and exit.")
public final class VersionCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("opal " + OpalVersion.version());
    System.out.println(OpalVersion.clientVersion());
  }
}
