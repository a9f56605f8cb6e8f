package dev.opal.optimism;

import dev.opal.config.OpFork;
import dev.opal.types.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The network-upgrade deposit transactions that the rollup node inserts, after the user deposits,
 * into the activation block of an upgrade (specs/protocol/ecotone|fjord|isthmus/derivation.md
 * "Network Upgrade Automation Transactions"). They are consensus-critical constants, shipped byte
 * for byte as resources (EIP-2718 encodings).
 */
public final class NetworkUpgrades {
  private static final String DIR = "/dev/opal/optimism/upgrades/";

  private NetworkUpgrades() {}

  /** The upgrade transactions of a fork's activation block, in order; empty for forks without any. */
  public static List<byte[]> transactions(OpFork fork) {
    return switch (fork) {
      case ECOTONE -> load("ecotone_tx_", 6);
      case FJORD -> load("fjord_tx_", 3);
      case ISTHMUS -> load("isthmus_tx_", 8);
      default -> List.of();
    };
  }

  /** Creation bytecode of a predeploy implementation shipped with the upgrade data (e.g. {@code jovian-l1-block-deployment}). */
  public static byte[] bytecode(String name) {
    return Hex.decodeLenient(read(name + ".hex"));
  }

  private static List<byte[]> load(String prefix, int count) {
    List<byte[]> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) txs.add(Hex.decodeLenient(read(prefix + i + ".hex")));
    return List.copyOf(txs);
  }

  private static String read(String file) {
    try (InputStream in = NetworkUpgrades.class.getResourceAsStream(DIR + file)) {
      if (in == null) throw new IllegalStateException("missing upgrade resource " + DIR + file);
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
