package dev.opal.optimism;

import dev.opal.crypto.Keccak;
import dev.opal.types.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Source hashes of deposit transactions (specs/protocol/deposits.md "Source hash computation"):
 * {@code keccak256(bytes32(domain) ‖ keccak256(...))}, unique per deposit so that two deposits with
 * the same contents still have distinct transaction hashes.
 */
public final class DepositSource {
  private static final int USER_DEPOSIT = 0;
  private static final int L1_INFO = 1;
  private static final int UPGRADE = 2;

  private DepositSource() {}

  /** A user deposit: identified by the L1 block hash and the log index of its TransactionDeposited event. */
  public static Hash userDeposit(Hash l1BlockHash, long logIndex) {
    return withDomain(USER_DEPOSIT, Keccak.hash(hashAndWord(l1BlockHash, logIndex)));
  }

  /** The L1-info deposit: identified by the L1 origin's hash and the L2 block's sequence number in its epoch. */
  public static Hash l1Info(Hash l1BlockHash, long sequenceNumber) {
    return withDomain(L1_INFO, Keccak.hash(hashAndWord(l1BlockHash, sequenceNumber)));
  }

  /** A network-upgrade deposit: identified by its human-readable intent string. */
  public static Hash upgrade(String intent) {
    return withDomain(UPGRADE, Keccak.hash(intent.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] hashAndWord(Hash hash, long value) {
    return ByteBuffer.allocate(64).put(hash.toArrayUnsafe()).putLong(56, value).array();
  }

  private static Hash withDomain(int domain, byte[] inner) {
    return Keccak.hash256(ByteBuffer.allocate(64).putLong(24, domain).put(32, inner).array());
  }
}
