package dev.opal.node.derive;

import dev.opal.config.ForkSchedule;
import dev.opal.config.OpFork;
import dev.opal.node.eth.L1Info;
import dev.opal.optimism.DepositSource;
import dev.opal.optimism.L1BlockInfo;
import dev.opal.optimism.SystemConfig;
import dev.opal.tx.DepositTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.math.BigInteger;

/**
 * The first transaction of every L2 block: writes the L1 origin's attributes into the L1Block
 * predeploy (OP specs deposits.md "L1 Attributes Deposited Transaction"). Each format applies from
 * the block after its fork's activation block, since the activation block still runs the old
 * L1Block contract.
 */
public final class L1InfoDeposit {
  public static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  public static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  private static final int DEFAULT_DA_FOOTPRINT_GAS_SCALAR = 400;

  private L1InfoDeposit() {}

  public static DepositTransaction build(ForkSchedule forks, long blockTime, L1Info l1, long sequenceNumber, SystemConfig sys, long l2Time) {
    L1BlockInfo.Format format = format(forks, blockTime, l2Time);
    byte[] scalar = sys.scalar().toArrayUnsafe();
    // Ecotone scalar word: version byte 1, then blobBaseFeeScalar (u32 at 24..27) and baseFeeScalar (u32 at 28..31);
    // a version-0 word is the pre-Ecotone scalar, used as the base fee scalar.
    long baseFeeScalar = u32(scalar, 28);
    long blobBaseFeeScalar = scalar[0] == 1 ? u32(scalar, 24) : 0;
    byte[] op = sys.operatorFeeParams().toArrayUnsafe();
    long operatorFeeScalar = u32(op, 20);
    long operatorFeeConstant = java.nio.ByteBuffer.wrap(op, 24, 8).getLong();
    int daScalar = sys.daFootprintGasScalar() == 0 ? DEFAULT_DA_FOOTPRINT_GAS_SCALAR : (int) sys.daFootprintGasScalar();
    L1BlockInfo info = new L1BlockInfo(l1.ref().number(), l1.ref().time(), l1.baseFee(), l1.ref().hash(), sequenceNumber, sys.batcherAddr(),
        new BigInteger(1, sys.overhead().toArrayUnsafe()), new BigInteger(1, scalar), l1.blobBaseFee(), baseFeeScalar, blobBaseFeeScalar, operatorFeeScalar,
        operatorFeeConstant, daScalar);
    boolean regolith = forks.isActive(OpFork.REGOLITH, l2Time);
    return new DepositTransaction(DepositSource.l1Info(l1.ref().hash(), sequenceNumber), DEPOSITOR, L1_BLOCK, UInt256.ZERO, UInt256.ZERO,
        regolith ? 1_000_000 : 150_000_000, !regolith, Bytes.wrap(info.encode(format)));
  }

  static L1BlockInfo.Format format(ForkSchedule forks, long blockTime, long l2Time) {
    if (afterActivation(forks, OpFork.JOVIAN, blockTime, l2Time)) return L1BlockInfo.Format.JOVIAN;
    if (afterActivation(forks, OpFork.ISTHMUS, blockTime, l2Time)) return L1BlockInfo.Format.ISTHMUS;
    if (afterActivation(forks, OpFork.ECOTONE, blockTime, l2Time)) return L1BlockInfo.Format.ECOTONE;
    return L1BlockInfo.Format.BEDROCK;
  }

  private static boolean afterActivation(ForkSchedule forks, OpFork fork, long blockTime, long l2Time) {
    return forks.isActive(fork, l2Time) && !forks.isActivationBlock(fork, l2Time, blockTime);
  }

  private static long u32(byte[] word, int offset) {
    return Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(word, offset, 4).getInt());
  }

}
