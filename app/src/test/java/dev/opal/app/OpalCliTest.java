package dev.opal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OpalCliTest {

  private record Run(int exit, String out) {}

  private static Run run(String... args) {
    CommandLine cl = Opal.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int exit = cl.execute(args);
    return new Run(exit, out.toString());
  }

  @Test
  void helpListsCommands() {
    Run r = run("--help");
    assertThat(r.exit).isZero();
    assertThat(r.out).contains("Usage: opal").contains("version");
  }

  @Test
  void versionFlagPrintsVersion() {
    Run r = run("--version");
    assertThat(r.exit).isZero();
    assertThat(r.out).startsWith("opal ");
  }

  @Test
  void unknownCommandFails() {
    assertThat(Opal.commandLine().execute("no-such-command")).isNotZero();
  }
}
