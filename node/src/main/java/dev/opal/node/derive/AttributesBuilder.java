package dev.opal.node.derive;

import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.node.eth.L1Info;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.sources.L1Source;
import dev.opal.optimism.NetworkUpgrades;
import dev.opal.optimism.SystemConfig;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.tx.DepositTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Payload attributes for the L2 block after {@code parent} with L1 origin {@code epoch} (op-node
 * derive/attributes.go PreparePayloadAttributes): the L1-info deposit, the epoch's user deposits
 * when the epoch is new, the upgrade transactions of a fork's activation block, and the fields
 * the fork schedule and system config dictate. {@code noTxPool} is set; the sequencer clears it.
 */
public final class AttributesBuilder {
  public static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");

  private final RollupConfig rollup;
  private final L1Source l1;

  public AttributesBuilder(RollupConfig rollup, L1Source l1) {
    this.rollup = rollup;
    this.l1 = l1;
  }

  public PayloadAttributes prepare(L2BlockRef parent, L1Info epoch, SystemConfig sys) {
    long time = parent.time() + rollup.blockTime();
    if (Long.compareUnsigned(time, epoch.ref().time()) < 0) {
      throw new IllegalStateException("L2 time " + time + " is before its L1 origin's time " + epoch.ref().time());
    }
    boolean newEpoch = parent.l1Origin().number() != epoch.ref().number();
    long seq = newEpoch ? 0 : parent.sequenceNumber() + 1;
    List<Bytes> txs = new ArrayList<>();
    txs.add(Bytes.wrap(L1InfoDeposit.build(rollup.forks(), rollup.blockTime(), epoch, seq, sys, time).encode()));
    if (newEpoch) {
      for (DepositTransaction d : UserDeposits.fromLogs(rollup.depositContractAddress(), epoch.ref().hash(), l1.logs(epoch.ref().hash()))) {
        txs.add(Bytes.wrap(d.encode()));
      }
    }
    for (OpFork fork : new OpFork[] {OpFork.ECOTONE, OpFork.FJORD, OpFork.ISTHMUS, OpFork.JOVIAN}) {
      if (rollup.forks().isActivationBlock(fork, time, rollup.blockTime())) {
        for (byte[] tx : NetworkUpgrades.transactions(fork)) txs.add(Bytes.wrap(tx));
      }
    }
    var forks = rollup.forks();
    return new PayloadAttributes(
        time,
        epoch.mixHash(),
        SEQUENCER_FEE_VAULT,
        forks.isActive(OpFork.CANYON, time) ? List.of() : null,
        forks.isActive(OpFork.ECOTONE, time) ? (epoch.parentBeaconBlockRoot() == null ? Hash.ZERO : epoch.parentBeaconBlockRoot()) : null,
        txs,
        true,
        sys.gasLimit(),
        forks.isActive(OpFork.HOLOCENE, time) ? sys.eip1559Params() : null,
        forks.isActive(OpFork.JOVIAN, time) ? sys.minBaseFee() : null);
  }
}
