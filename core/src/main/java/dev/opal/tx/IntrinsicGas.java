package dev.opal.tx;

import dev.opal.config.EthereumFork;
import dev.opal.types.Bytes;

/**
 * The gas a transaction costs before any code runs (Yellow Paper g0, with the EIP changes that
 * followed), and the EIP-7623 calldata floor (Prague; OP Isthmus).
 */
public final class IntrinsicGas {
  public static final long TX_BASE = 21_000;
  static final long CREATION = 32_000; // EIP-2, Homestead
  static final long ZERO_BYTE = 4;
  static final long NONZERO_BYTE_FRONTIER = 68;
  static final long NONZERO_BYTE_ISTANBUL = 16; // EIP-2028
  static final long ACCESS_LIST_ADDRESS = 2_400; // EIP-2930
  static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  static final long INITCODE_WORD = 2; // EIP-3860
  public static final long PER_EMPTY_ACCOUNT_AUTHORIZATION = 25_000; // EIP-7702
  static final long FLOOR_PER_TOKEN = 10; // EIP-7623
  /** EIP-7623 counts a non-zero calldata byte as four tokens. */
  static final long TOKENS_PER_NONZERO_BYTE = 4;
  /** EIP-3860: the largest init code a creation may carry (2 × the EIP-170 code limit). */
  public static final int MAX_INITCODE_SIZE = 2 * 24_576;

  private IntrinsicGas() {}

  /** The intrinsic gas of a signed or deposit transaction under {@code fork}'s rules. */
  public static long of(Transaction tx, EthereumFork fork) {
    long gas = TX_BASE;
    if (tx.isCreation() && fork.isAtLeast(EthereumFork.HOMESTEAD)) gas += CREATION;
    Bytes data = tx.data();
    long nonZero = nonZeroBytes(data);
    long zero = data.size() - nonZero;
    gas += zero * ZERO_BYTE;
    gas += nonZero * (fork.isAtLeast(EthereumFork.ISTANBUL) ? NONZERO_BYTE_ISTANBUL : NONZERO_BYTE_FRONTIER);
    if (tx.isCreation() && fork.isAtLeast(EthereumFork.SHANGHAI)) gas += words(data.size()) * INITCODE_WORD;
    for (AccessListEntry e : tx.accessList()) {
      gas += ACCESS_LIST_ADDRESS + e.storageKeys().size() * ACCESS_LIST_STORAGE_KEY;
    }
    if (tx instanceof SetCodeTransaction sc) gas += sc.authorizationList().size() * PER_EMPTY_ACCOUNT_AUTHORIZATION;
    return gas;
  }

  /** EIP-7623's minimum gas a transaction uses from Prague: 21000 + 10 per calldata token. */
  public static long floor(Bytes data) {
    long nonZero = nonZeroBytes(data);
    long tokens = (data.size() - nonZero) + nonZero * TOKENS_PER_NONZERO_BYTE;
    return TX_BASE + tokens * FLOOR_PER_TOKEN;
  }

  static long words(long bytes) {
    return (bytes + 31) / 32;
  }

  private static long nonZeroBytes(Bytes data) {
    byte[] d = data.toArrayUnsafe();
    long n = 0;
    for (byte b : d) if (b != 0) n++;
    return n;
  }
}
