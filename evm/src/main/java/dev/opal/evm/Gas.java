package dev.opal.evm;

/** Gas constants and formulas of the Berlin-and-later schedule (Yellow Paper appendix G with EIPs 2929, 3529, 3860, 1153, 5656). */
final class Gas {
  static final long ZERO = 0;
  static final long JUMPDEST = 1;
  static final long BASE = 2;
  static final long VERY_LOW = 3;
  static final long LOW = 5;
  static final long MID = 8;
  static final long HIGH = 10;
  static final long EXP = 10;
  static final long EXP_BYTE = 50;
  static final long KECCAK256 = 30;
  static final long KECCAK256_WORD = 6;
  static final long COPY_WORD = 3;
  static final long BLOCKHASH = 20;
  static final long LOG = 375;
  static final long LOG_TOPIC = 375;
  static final long LOG_DATA = 8;
  static final long CREATE = 32_000;
  static final long CODE_DEPOSIT = 200;
  static final long CALL_VALUE = 9_000;
  static final long CALL_STIPEND = 2_300;
  static final long NEW_ACCOUNT = 25_000;
  static final long SELFDESTRUCT = 5_000;
  static final long INITCODE_WORD = 2; // EIP-3860
  // EIP-2929 access costs
  static final long COLD_ACCOUNT_ACCESS = 2_600;
  static final long COLD_SLOAD = 2_100;
  static final long WARM_STORAGE_READ = 100;
  // EIP-2200 SSTORE, with EIP-2929 and EIP-3529 adjustments
  static final long SSTORE_SET = 20_000;
  static final long SSTORE_RESET = 5_000 - COLD_SLOAD;
  static final long SSTORE_CLEARS_SCHEDULE = 4_800;
  static final long SSTORE_SENTRY = 2_300;
  static final long TRANSIENT = 100; // EIP-1153
  static final long BLOBHASH = 3; // EIP-4844
  /** EIP-3529: refunds are capped at a fifth of the gas used. */
  static final long MAX_REFUND_QUOTIENT = 5;

  private Gas() {}

  /** Total cost of {@code words} words of memory: 3·w + w²/512. */
  static long memoryCost(long words) {
    return 3 * words + words * words / 512;
  }

  static long words(long bytes) {
    return (bytes + 31) / 32;
  }

  /** EIP-150: a call may forward at most all but one 64th of the gas left. */
  static long allButOne64th(long gas) {
    return gas - gas / 64;
  }
}
