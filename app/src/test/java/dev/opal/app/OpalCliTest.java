package dev.opal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OpalCliTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Opal.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
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
  void batcherAndDerivationFlagsAreThere() {
    assertThat(run("batcher", "--help").out).contains("--l1-eth-rpc", "--l2-eth-rpc", "--rollup-rpc", "--private-key", "--batch-type",
        "--compression-algo");
    assertThat(run("devnet", "--help").out).contains("--verifier", "--[no-]batcher");
    assertThat(run("node", "--help").out).contains("--sequencer.enabled", "--metrics.enabled", "--metrics.port", "--syncmode",
        "--l2.enginekind");
  }

  @Test
  void nodeRejectsAnUnknownSyncModeOrEngineKindInOneLine() {
    String[] required = {"--l1", "http://127.0.0.1:1", "--l2", "http://127.0.0.1:1", "--l2.jwt-secret", "jwt.txt", "--rollup.config", "rollup.json"};
    Run mode = run(concat("node", required, "--syncmode", "snap"));
    assertThat(mode.exit).isEqualTo(1);
    assertThat(mode.err).isEqualTo("error: unknown sync mode 'snap' (use consensus-layer or execution-layer)" + System.lineSeparator());
    Run kind = run(concat("node", required, "--l2.enginekind", "nethermind"));
    assertThat(kind.err).isEqualTo("error: unknown --l2.enginekind 'nethermind' (use geth, reth or erigon)" + System.lineSeparator());
  }

  @Test
  void batcherRejectsBadSettingsInOneLine() {
    String[] peers = {"--l1-eth-rpc", "http://127.0.0.1:1", "--l2-eth-rpc", "http://127.0.0.1:1", "--rollup-rpc", "http://127.0.0.1:1"};
    Run badKey = run(concat("batcher", peers, "--private-key", "0x1234"));
    assertThat(badKey.exit).isEqualTo(1);
    assertThat(badKey.err).isEqualTo("error: --private-key must be 32 bytes of hex" + System.lineSeparator());
    String key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    assertThat(run(concat("batcher", peers, "--private-key", key, "--batch-type", "2")).err).contains("--batch-type must be 0 (singular) or 1 (span)");
    assertThat(run(concat("batcher", peers, "--private-key", key, "--data-availability-type", "auto")).err)
        .contains("--data-availability-type must be calldata or blobs");
    assertThat(run("devnet", "--batcher.data-availability-type", "blobs", "--l1", "http://127.0.0.1:1").err)
        .contains("blobs needs the embedded L1");
    assertThat(run(concat("batcher", peers, "--private-key", key)).err).startsWith("error: the rollup node is not reachable");
  }

  @Test
  void theL1RunsAloneAndADevnetChecksTheL1ItIsGiven() {
    assertThat(run("l1", "--help").out).contains("--http.port", "--block-time", "--finality-depth", "--chain-id", "--datadir");
    assertThat(run("devnet", "--help").out).contains("--l1=URL");
    assertThat(run("l1", "--block-time", "0").err).isEqualTo("error: --block-time must be at least 1 second, got 0" + System.lineSeparator());
    String[] noL1 = {"--l1", "http://127.0.0.1:1"};
    assertThat(run(concat("devnet", noL1, "--datadir", "/tmp/opal-cli-test")).err).contains("--l1 cannot be combined with --datadir");
    assertThat(run(concat("devnet", noL1, "--block-time", "500ms")).err).contains("--block-time must be at least 1s");
    Run unreachable = run(concat("devnet", noL1, "--l2.http.port", "0", "--l2.authrpc.port", "0"));
    assertThat(unreachable.exit).isEqualTo(1);
    assertThat(unreachable.err).startsWith("error: the L1 at http://127.0.0.1:1 does not answer eth_chainId");
  }

  private static String[] concat(String command, String[] peers, String... more) {
    String[] out = new String[1 + peers.length + more.length];
    out[0] = command;
    System.arraycopy(peers, 0, out, 1, peers.length);
    System.arraycopy(more, 0, out, 1 + peers.length, more.length);
    return out;
  }

  @Test
  void unknownCommandFails() {
    assertThat(Opal.commandLine().execute("no-such-command")).isNotZero();
  }
}
