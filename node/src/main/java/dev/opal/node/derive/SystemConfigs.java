package dev.opal.node.derive;

import dev.opal.block.Log;
import dev.opal.node.sources.L1Source;
import dev.opal.optimism.SystemConfig;
import dev.opal.optimism.SystemConfigUpdate;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the L1 SystemConfig contract's ConfigUpdate logs to the rollup's system config (op-node UpdateSystemConfigWithL1Receipts). */
public final class SystemConfigs {
  private static final Logger LOG = LoggerFactory.getLogger(SystemConfigs.class);

  private SystemConfigs() {}

  public static SystemConfig apply(SystemConfig config, Address systemConfigAddress, List<L1Source.IndexedLog> logs) {
    SystemConfig c = config;
    for (L1Source.IndexedLog indexed : logs) {
      Log log = indexed.log();
      if (!log.address().equals(systemConfigAddress) || log.topics().isEmpty() || !log.topics().get(0).equals(SystemConfigUpdate.TOPIC)) continue;
      try {
        c = apply(c, SystemConfigUpdate.decode(log.topics(), log.data().toArrayUnsafe()));
      } catch (IllegalArgumentException e) {
        LOG.warn("Ignoring malformed ConfigUpdate log {}: {}", indexed.index(), e.getMessage());
      }
    }
    return c;
  }

  static SystemConfig apply(SystemConfig c, SystemConfigUpdate u) {
    return switch (u) {
      case SystemConfigUpdate.Batcher b -> new SystemConfig(b.batcher(), c.overhead(), c.scalar(), c.gasLimit(), c.eip1559Params(),
          c.operatorFeeParams(), c.minBaseFee(), c.daFootprintGasScalar());
      case SystemConfigUpdate.GasConfig g -> new SystemConfig(c.batcherAddr(), word(g.overhead()), word(g.scalar()), c.gasLimit(),
          c.eip1559Params(), c.operatorFeeParams(), c.minBaseFee(), c.daFootprintGasScalar());
      case SystemConfigUpdate.GasLimit g -> new SystemConfig(c.batcherAddr(), c.overhead(), c.scalar(), g.gasLimit(), c.eip1559Params(),
          c.operatorFeeParams(), c.minBaseFee(), c.daFootprintGasScalar());
      case SystemConfigUpdate.UnsafeBlockSigner s -> c;
      case SystemConfigUpdate.Eip1559 e -> new SystemConfig(c.batcherAddr(), c.overhead(), c.scalar(), c.gasLimit(),
          Bytes.wrap(ByteBuffer.allocate(8).putInt((int) e.denominator()).putInt((int) e.elasticity()).array()), c.operatorFeeParams(),
          c.minBaseFee(), c.daFootprintGasScalar());
      case SystemConfigUpdate.OperatorFeeParams o -> new SystemConfig(c.batcherAddr(), c.overhead(), c.scalar(), c.gasLimit(),
          c.eip1559Params(), Hash.wrap(ByteBuffer.allocate(32).position(20).putInt((int) o.scalar()).putLong(o.constant()).array()),
          c.minBaseFee(), c.daFootprintGasScalar());
      case SystemConfigUpdate.MinBaseFee m -> new SystemConfig(c.batcherAddr(), c.overhead(), c.scalar(), c.gasLimit(), c.eip1559Params(),
          c.operatorFeeParams(), m.minBaseFee(), c.daFootprintGasScalar());
      case SystemConfigUpdate.DaFootprintGasScalar d -> new SystemConfig(c.batcherAddr(), c.overhead(), c.scalar(), c.gasLimit(),
          c.eip1559Params(), c.operatorFeeParams(), c.minBaseFee(), d.scalar());
    };
  }

  private static Hash word(java.math.BigInteger v) {
    return Hash.wrap(UInt256.fromBigInteger(v).toBytes32());
  }
}
