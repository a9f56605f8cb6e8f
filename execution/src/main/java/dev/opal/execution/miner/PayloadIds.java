package dev.opal.execution.miner;

import dev.opal.block.Withdrawal;
import dev.opal.crypto.Keccak;
import dev.opal.rlp.Rlp;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Payload ids exactly as op-geth derives them (miner BuildPayloadArgs.Id): sha256 over the parent
 * and every attribute that shapes the block, truncated to 8 bytes, with the first byte replaced by
 * the forkchoiceUpdated version. Builders and rollup-boost compare these ids byte for byte.
 */
public final class PayloadIds {
  private PayloadIds() {}

  public static PayloadId of(Hash parent, PayloadAttributes a, int version) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    sha.update(parent.toArrayUnsafe());
    sha.update(ByteBuffer.allocate(8).putLong(a.timestamp()).array());
    sha.update(a.prevRandao().toArrayUnsafe());
    sha.update(a.suggestedFeeRecipient().toArrayUnsafe());
    List<byte[]> ws = new ArrayList<>();
    if (a.withdrawals() != null) for (Withdrawal w : a.withdrawals()) ws.add(w.encode());
    sha.update(Rlp.list(ws));
    if (a.parentBeaconBlockRoot() != null) sha.update(a.parentBeaconBlockRoot().toArrayUnsafe());
    if (a.noTxPool() || !a.transactions().isEmpty()) {
      sha.update((byte) (a.noTxPool() ? 1 : 0));
      sha.update(ByteBuffer.allocate(8).putLong(a.transactions().size()).array());
      for (Bytes tx : a.transactions()) sha.update(Keccak.hash(tx.toArrayUnsafe()));
    }
    if (a.gasLimit() != null) sha.update(ByteBuffer.allocate(8).putLong(a.gasLimit()).array());
    if (a.eip1559Params() != null && !a.eip1559Params().isEmpty()) sha.update(a.eip1559Params().toArrayUnsafe());
    if (a.minBaseFee() != null) sha.update(ByteBuffer.allocate(8).putLong(a.minBaseFee()).array());
    byte[] id = sha.digest();
    id[0] = (byte) version;
    return PayloadId.fromHex(Bytes.wrap(java.util.Arrays.copyOf(id, 8)).toHex());
  }
}
