package dev.opal.devnet;

import dev.opal.config.OpFork;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the user chose for a devnet run. Fork offsets are seconds after genesis (0 = active at
 * genesis); forks not listed activate at genesis up to {@link #LATEST}. {@code l1} is the JSON-RPC
 * URL of an L1 that runs as its own process ({@code opal l1}), or null for the embedded one. With
 * {@code blobs} the batcher posts EIP-4844 blobs instead of calldata; the embedded L1 serves them on
 * a beacon API at {@code l1BeaconPort} (0: a free port).
 */
public record DevnetOptions(
    long blockTimeMillis,
    long l1BlockTimeSeconds,
    int finalityDepth,
    String host,
    int l1HttpPort,
    int l2HttpPort,
    int l2AuthPort,
    Path datadir,
    BigInteger l1ChainId,
    BigInteger l2ChainId,
    int accounts,
    boolean inProcess,
    Map<OpFork, Long> forkOffsets,
    boolean batcher,
    boolean verifier,
    URI l1,
    boolean blobs,
    int l1BeaconPort) {

  /** The newest OP upgrade Opal's devnet runs by default. */
  public static final OpFork LATEST = OpFork.JOVIAN;

  public DevnetOptions {
    forkOffsets = forkOffsets.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(forkOffsets));
  }

  /** With the batcher on and no verifier. */
  public DevnetOptions(long blockTimeMillis, long l1BlockTimeSeconds, int finalityDepth, String host, int l1HttpPort, int l2HttpPort,
      int l2AuthPort, Path datadir, BigInteger l1ChainId, BigInteger l2ChainId, int accounts, boolean inProcess, Map<OpFork, Long> forkOffsets) {
    this(blockTimeMillis, l1BlockTimeSeconds, finalityDepth, host, l1HttpPort, l2HttpPort, l2AuthPort, datadir, l1ChainId, l2ChainId, accounts,
        inProcess, forkOffsets, true, false, null, false, 0);
  }

  /** On the embedded L1. */
  public DevnetOptions(long blockTimeMillis, long l1BlockTimeSeconds, int finalityDepth, String host, int l1HttpPort, int l2HttpPort,
      int l2AuthPort, Path datadir, BigInteger l1ChainId, BigInteger l2ChainId, int accounts, boolean inProcess, Map<OpFork, Long> forkOffsets,
      boolean batcher, boolean verifier) {
    this(blockTimeMillis, l1BlockTimeSeconds, finalityDepth, host, l1HttpPort, l2HttpPort, l2AuthPort, datadir, l1ChainId, l2ChainId, accounts,
        inProcess, forkOffsets, batcher, verifier, null, false, 0);
  }

  /** The L2 block time in whole seconds as the rollup config states it (sub-second block times run a faster clock). */
  public long rollupBlockTime() {
    return Math.max(1, blockTimeMillis / 1000);
  }

  /** Chain seconds per wall-clock second. */
  public double speed() {
    return blockTimeMillis >= 1000 ? 1.0 : 1000.0 / blockTimeMillis;
  }
}
