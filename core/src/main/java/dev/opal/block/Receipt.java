package dev.opal.block;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.tx.Transaction;
import dev.opal.types.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A transaction receipt in its consensus form, the leaf of the receipts trie. Deposit receipts may
 * carry the sender's pre-execution nonce (Regolith) and a receipt version (Canyon); both enter the
 * consensus encoding only when {@code depositReceiptVersion} is present, so pre-Canyon receipts
 * hash without the nonce (OP specs, deposits.md "Deposit Receipt").
 */
public record Receipt(
    int type, boolean success, long cumulativeGasUsed, Bytes logsBloom, List<Log> logs, Long depositNonce,
    Long depositReceiptVersion) {

  public Receipt {
    logs = List.copyOf(logs);
  }

  /** A receipt whose bloom is computed from its logs. */
  public static Receipt of(int type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, success, cumulativeGasUsed, Bloom.of(logs).toBytes(), logs, null, null);
  }

  public Receipt withDeposit(Long nonce, Long version) {
    return new Receipt(type, success, cumulativeGasUsed, logsBloom, logs, nonce, version);
  }

  /** The binary form: {@code rlp(fields)} for legacy receipts, {@code type ‖ rlp(fields)} otherwise. */
  public byte[] encode() {
    List<byte[]> fields = new ArrayList<>(6);
    fields.add(success ? Rlp.uint(1) : Rlp.EMPTY_STRING);
    fields.add(Rlp.uint(cumulativeGasUsed));
    fields.add(Rlp.bytes(logsBloom));
    fields.add(Log.encodeList(logs));
    if (type == Transaction.DEPOSIT && depositReceiptVersion != null) {
      fields.add(Rlp.uint(depositNonce));
      fields.add(Rlp.uint(depositReceiptVersion));
    }
    byte[] rlp = Rlp.list(fields);
    if (type == Transaction.LEGACY) return rlp;
    byte[] out = new byte[rlp.length + 1];
    out[0] = (byte) type;
    System.arraycopy(rlp, 0, out, 1, rlp.length);
    return out;
  }

  public static Receipt decode(byte[] encoded) {
    int type = (encoded[0] & 0xFF) >= 0xc0 ? Transaction.LEGACY : encoded[0] & 0xFF;
    byte[] rlp = type == Transaction.LEGACY ? encoded : Arrays.copyOfRange(encoded, 1, encoded.length);
    RlpReader outer = Rlp.reader(rlp);
    RlpReader r = outer.enterList();
    outer.ensureDone();
    byte[] status = r.readBytes();
    if (status.length > 1 || (status.length == 1 && status[0] != 1)) {
      throw new IllegalArgumentException("receipt status must be 0 or 1 (pre-Byzantium state roots are not supported)");
    }
    long cumulative = r.readLong();
    Bytes bloom = r.readBytesValue();
    RlpReader lr = r.enterList();
    List<Log> logs = new ArrayList<>();
    while (lr.hasNext()) logs.add(Log.decode(lr));
    Long nonce = null;
    Long version = null;
    if (type == Transaction.DEPOSIT && r.hasNext()) {
      nonce = r.readLong();
      version = r.readLong();
    }
    r.ensureDone();
    return new Receipt(type, status.length == 1, cumulative, bloom, logs, nonce, version);
  }
}
