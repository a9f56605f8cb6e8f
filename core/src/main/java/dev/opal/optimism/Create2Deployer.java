package dev.opal.optimism;

import dev.opal.types.Address;
import dev.opal.types.Bytes;

/**
 * The create2deployer that the Canyon upgrade installs (specs/protocol/superchain-upgrades.md,
 * "Canyon"): at the activation block exactly, before any transaction, its runtime code is written to
 * {@link #ADDRESS}, on import and on build alike. The code is consensus data, shipped as a resource;
 * its keccak must be {@code 0xb0550b5b…68b2} as the spec gives it.
 */
public final class Create2Deployer {
  public static final Address ADDRESS = Address.fromHex("0x13b0D85CcB8bf860b6b79AF3029fCA081AE9beF2");
  public static final Bytes CODE = Bytes.wrap(NetworkUpgrades.bytecode("create2deployer"));

  private Create2Deployer() {}
}
