package dev.opal.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The build's version, from the resource Maven filters at build time. */
public final class OpalVersion implements CommandLine.IVersionProvider {

  public static String version() {
    try (InputStream in = OpalVersion.class.getResourceAsStream("/opal-version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The client version line, in the {@code name/version/os-arch/runtime} shape Ethereum clients use. */
  public static String clientVersion() {
    return "Opal/v" + version() + "/" + System.getProperty("os.name").toLowerCase() + "-"
        + System.getProperty("os.arch") + "/java" + Runtime.version().feature();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"opal " + version(), clientVersion()};
  }
}
