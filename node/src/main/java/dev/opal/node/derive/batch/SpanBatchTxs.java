package dev.opal.node.derive.batch;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpException;
import dev.opal.rlp.RlpReader;
import dev.opal.tx.AccessListTransaction;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.tx.InvalidTransactionException;
import dev.opal.tx.LegacyTransaction;
import dev.opal.tx.SetCodeTransaction;
import dev.opal.tx.SignedTransaction;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Bytes;
import dev.opal.types.UInt256;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactions of a span batch, stored column by column (OP specs protocol/delta/span-batches.md
 * "Span batch format", {@code txs}): contract-creation bits, y-parity bits, the signatures' r and s,
 * the recipients of the calls, each transaction's remaining fields as {@code tx_data}, nonces, gas
 * limits, and EIP-155 protection bits for the legacy ones. The chain id is implied by the rollup.
 * Legacy, EIP-2930, EIP-1559 and (Isthmus) EIP-7702 transactions can be carried.
 */
final class SpanBatchTxs {
  static final long MAX_ELEMENTS = 10_000_000;
  private static final int ADDRESS_LENGTH = 20;

  private SpanBatchTxs() {}

  /** Appends the columns for {@code txs} (each in its EIP-2718 binary form) to {@code out}. */
  static void encode(ByteArrayOutputStream out, List<Bytes> txs, BigInteger chainId) {
    int n = txs.size();
    boolean[] creation = new boolean[n];
    boolean[] yParity = new boolean[n];
    List<Boolean> isProtected = new ArrayList<>();
    ByteArrayOutputStream sigs = new ByteArrayOutputStream();
    ByteArrayOutputStream tos = new ByteArrayOutputStream();
    ByteArrayOutputStream datas = new ByteArrayOutputStream();
    ByteArrayOutputStream nonces = new ByteArrayOutputStream();
    ByteArrayOutputStream gases = new ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      SignedTransaction tx = signed(txs.get(i), i);
      if (tx.chainId() != null && !tx.chainId().equals(chainId)) {
        throw new IllegalArgumentException("transaction " + i + " is for chain " + tx.chainId() + ", not " + chainId);
      }
      if (tx instanceof LegacyTransaction legacy) isProtected.add(legacy.isProtected());
      creation[i] = tx.to() == null;
      yParity[i] = tx.recoveryId() == 1;
      sigs.writeBytes(word(tx.r()));
      sigs.writeBytes(word(tx.s()));
      if (tx.to() != null) tos.writeBytes(tx.to().toArray());
      datas.writeBytes(txData(tx));
      ByteCursor.writeUvarint(nonces, tx.nonce());
      ByteCursor.writeUvarint(gases, tx.gasLimit());
    }
    boolean[] prot = new boolean[isProtected.size()];
    for (int i = 0; i < prot.length; i++) prot[i] = isProtected.get(i);
    ByteCursor.writeBits(out, creation);
    ByteCursor.writeBits(out, yParity);
    out.writeBytes(sigs.toByteArray());
    out.writeBytes(tos.toByteArray());
    out.writeBytes(datas.toByteArray());
    out.writeBytes(nonces.toByteArray());
    out.writeBytes(gases.toByteArray());
    ByteCursor.writeBits(out, prot);
  }

  /** Reads {@code n} transactions' columns and rebuilds each transaction's EIP-2718 binary form. */
  static List<Bytes> decode(ByteCursor in, long n, BigInteger chainId) {
    if (n > MAX_ELEMENTS) throw new BatchDecodeException("span batch has " + n + " transactions, more than " + MAX_ELEMENTS);
    int count = (int) n;
    boolean[] creation = in.bits(count, "contract creation bits");
    boolean[] yParity = in.bits(count, "y parity bits");
    if ((long) count * 64 > in.remaining()) throw new BatchDecodeException("truncated transaction signatures");
    BigInteger[] r = new BigInteger[count];
    BigInteger[] s = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      r[i] = new BigInteger(1, in.bytes(32, "signature r"));
      s[i] = new BigInteger(1, in.bytes(32, "signature s"));
    }
    byte[][] to = new byte[count][];
    for (int i = 0; i < count; i++) to[i] = creation[i] ? null : in.bytes(ADDRESS_LENGTH, "transaction recipient");
    int[] type = new int[count];
    List<List<byte[]>> fields = new ArrayList<>(count);
    int legacy = 0;
    for (int i = 0; i < count; i++) {
      int first = in.remaining() > 0 ? in.data()[in.position()] & 0xff : -1;
      if (first < 0) throw new BatchDecodeException("truncated transaction data");
      type[i] = first <= 0x7f ? first : Transaction.LEGACY;
      if (first <= 0x7f) in.skip(1);
      fields.add(readFields(in, type[i]));
      if (type[i] == Transaction.LEGACY) legacy++;
    }
    long[] nonce = new long[count];
    for (int i = 0; i < count; i++) nonce[i] = in.uvarint("transaction nonce");
    long[] gas = new long[count];
    for (int i = 0; i < count; i++) gas[i] = in.uvarint("transaction gas limit");
    boolean[] prot = in.bits(legacy, "protected bits");
    List<Bytes> txs = new ArrayList<>(count);
    for (int i = 0, l = 0; i < count; i++) {
      boolean isProtected = type[i] == Transaction.LEGACY && prot[l++];
      byte[] full = fullTransaction(type[i], fields.get(i), nonce[i], gas[i], to[i], chainId, isProtected, yParity[i] ? 1 : 0, r[i], s[i]);
      try {
        TransactionDecoder.decode(full);
      } catch (InvalidTransactionException e) {
        throw new BatchDecodeException("span batch transaction " + i + ": " + e.getMessage());
      }
      txs.add(Bytes.wrap(full));
    }
    return txs;
  }

  /** {@code tx_data}'s RLP list items: the fields not stored in other columns. */
  private static List<byte[]> readFields(ByteCursor in, int type) {
    int expected = switch (type) {
      case Transaction.LEGACY -> 3;
      case Transaction.ACCESS_LIST -> 4;
      case Transaction.DYNAMIC_FEE -> 5;
      case Transaction.SET_CODE -> 6;
      default -> throw new BatchDecodeException("transaction type " + type + " cannot be in a span batch");
    };
    try {
      byte[] raw = Rlp.reader(in.data(), in.position()).readRaw();
      in.skip(raw.length);
      RlpReader list = Rlp.reader(raw).enterList();
      List<byte[]> items = new ArrayList<>(expected);
      while (list.hasNext()) items.add(list.readRaw());
      if (items.size() != expected) throw new BatchDecodeException("type " + type + " tx_data has " + items.size() + " fields, not " + expected);
      return items;
    } catch (RlpException e) {
      throw new BatchDecodeException("malformed tx_data: " + e.getMessage());
    }
  }

  private static byte[] fullTransaction(int type, List<byte[]> f, long nonce, long gas, byte[] to, BigInteger chainId, boolean isProtected,
      int yParity, BigInteger r, BigInteger s) {
    byte[] toItem = to == null ? Rlp.EMPTY_STRING : Rlp.bytes(to);
    return switch (type) {
      case Transaction.LEGACY -> {
        BigInteger v = LegacyTransaction.v(yParity, isProtected ? chainId : null);
        yield Rlp.list(Rlp.uint(nonce), f.get(1), Rlp.uint(gas), toItem, f.get(0), f.get(2), Rlp.uint(v), Rlp.uint(r), Rlp.uint(s));
      }
      case Transaction.ACCESS_LIST -> typed(type, Rlp.uint(chainId), Rlp.uint(nonce), f.get(1), Rlp.uint(gas), toItem, f.get(0), f.get(2),
          f.get(3), Rlp.uint(yParity), Rlp.uint(r), Rlp.uint(s));
      case Transaction.DYNAMIC_FEE -> typed(type, Rlp.uint(chainId), Rlp.uint(nonce), f.get(1), f.get(2), Rlp.uint(gas), toItem, f.get(0),
          f.get(3), f.get(4), Rlp.uint(yParity), Rlp.uint(r), Rlp.uint(s));
      default -> typed(type, Rlp.uint(chainId), Rlp.uint(nonce), f.get(1), f.get(2), Rlp.uint(gas), toItem, f.get(0), f.get(3), f.get(4),
          f.get(5), Rlp.uint(yParity), Rlp.uint(r), Rlp.uint(s));
    };
  }

  /** {@code tx_data} for one transaction: its type byte (typed only) and the RLP list of the fields kept there. */
  private static byte[] txData(SignedTransaction tx) {
    return switch (tx) {
      case LegacyTransaction t -> Rlp.list(Rlp.bytes(t.value().toMinimalBytes()), Rlp.bytes(t.gasPrice().toMinimalBytes()), Rlp.bytes(t.data()));
      case AccessListTransaction t -> {
        byte[][] p = t.payloadFields(); // chainId, nonce, gasPrice, gas, to, value, data, accessList
        yield typed(t.type(), p[5], p[2], p[6], p[7]);
      }
      case DynamicFeeTransaction t -> {
        byte[][] p = t.payloadFields(); // chainId, nonce, tip, feeCap, gas, to, value, data, accessList
        yield typed(t.type(), p[6], p[2], p[3], p[7], p[8]);
      }
      case SetCodeTransaction t -> {
        byte[][] p = t.payloadFields(); // chainId, nonce, tip, feeCap, gas, to, value, data, accessList, authorizations
        yield typed(t.type(), p[6], p[2], p[3], p[7], p[8], p[9]);
      }
      default -> throw new IllegalArgumentException("a type-" + tx.type() + " transaction cannot be put in a span batch");
    };
  }

  private static SignedTransaction signed(Bytes encoded, int index) {
    Transaction tx = TransactionDecoder.decode(encoded.toArrayUnsafe());
    if (!(tx instanceof SignedTransaction st)) throw new IllegalArgumentException("transaction " + index + " is a deposit; batches carry none");
    return st;
  }

  private static byte[] typed(int type, byte[]... items) {
    return Rlp.concat(new byte[] {(byte) type}, Rlp.list(items));
  }

  private static byte[] word(BigInteger v) {
    return UInt256.fromBigInteger(v).toBytes32();
  }
}
