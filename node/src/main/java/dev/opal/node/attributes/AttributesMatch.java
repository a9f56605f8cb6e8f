package dev.opal.node.attributes;

import dev.opal.crypto.Keccak;
import dev.opal.node.eth.L2BlockContent;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.Arrays;

/**
 * Whether an existing L2 block is the block derived attributes describe (op-node
 * attributes.AttributesMatchBlock): parent, timestamp, prevRandao, fee recipient, gas limit, every
 * transaction byte for byte (compared by hash), withdrawals, the parent beacon block root, and the
 * Holocene/Jovian extraData.
 */
public final class AttributesMatch {
  private AttributesMatch() {}

  /** Null when the block matches, else what differs. */
  public static String mismatch(PayloadAttributes a, Hash parent, L2BlockContent b) {
    if (!b.ref().parentHash().equals(parent)) return "parent " + b.ref().parentHash() + " != " + parent;
    if (b.ref().time() != a.timestamp()) return "timestamp " + b.ref().time() + " != " + a.timestamp();
    if (!b.prevRandao().equals(a.prevRandao())) return "prevRandao differs";
    if (!b.feeRecipient().equals(a.suggestedFeeRecipient())) return "fee recipient differs";
    if (a.gasLimit() == null || b.gasLimit() != a.gasLimit()) return "gas limit " + b.gasLimit() + " != " + a.gasLimit();
    if (b.transactionHashes().size() != a.transactions().size()) {
      return "transaction count " + b.transactionHashes().size() + " != " + a.transactions().size();
    }
    for (int i = 0; i < a.transactions().size(); i++) {
      if (!Keccak.hash256(a.transactions().get(i)).equals(b.transactionHashes().get(i))) return "transaction " + i + " differs";
    }
    if ((a.withdrawals() == null) != (b.withdrawalsRoot() == null)) return "withdrawals differ";
    if (a.parentBeaconBlockRoot() == null ? b.parentBeaconBlockRoot() != null : !a.parentBeaconBlockRoot().equals(b.parentBeaconBlockRoot())) {
      return "parent beacon block root differs";
    }
    return extraDataMismatch(a, b.extraData());
  }

  /**
   * Holocene's extraData is version 0 and the 8 bytes of eip1559Params; Jovian's is version 1 with
   * the minimum base fee appended (OP specs holocene/exec-engine.md, jovian/exec-engine.md). Zero
   * parameters stand for the chain's defaults, which the engine writes in their place.
   */
  private static String extraDataMismatch(PayloadAttributes a, Bytes extra) {
    if (a.eip1559Params() == null) return null;
    byte[] e = extra.toArrayUnsafe();
    boolean jovian = a.minBaseFee() != null;
    int length = jovian ? 17 : 9;
    if (e.length != length || e[0] != (jovian ? 1 : 0)) return "extraData " + extra + " has the wrong version or length";
    byte[] params = a.eip1559Params().toArrayUnsafe();
    boolean defaults = Arrays.equals(params, new byte[8]);
    if (!defaults && !Arrays.equals(params, Arrays.copyOfRange(e, 1, 9))) return "eip1559Params differ";
    if (jovian && java.nio.ByteBuffer.wrap(e, 9, 8).getLong() != a.minBaseFee()) return "minBaseFee differs";
    return null;
  }
}
