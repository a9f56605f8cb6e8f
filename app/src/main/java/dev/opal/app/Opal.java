package dev.opal.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code opal} command: one entry point for every Opal process and tool. */
@Command(
    name = "opal",
    mixinStandardHelpOptions = true,
    versionProvider = OpalVersion.class,
    description = "Opal: the OP Stack's Engine API system (rollup node and L2 execution engine) on the JVM.",
    subcommands = {CommandLine.HelpCommand.class, VersionCommand.class, TrieTestCommand.class, StateTestCommand.class, BenchCommand.class, DevnetCommand.class, L1Command.class, EngineCommand.class, BlockTestCommand.class, NodeCommand.class, BatcherCommand.class})
public final class Opal implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests execute it in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Opal());
    cl.setExecutionExceptionHandler(new CliErrors());
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
