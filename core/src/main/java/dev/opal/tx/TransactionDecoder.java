package dev.opal.tx;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpException;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strict decoding of transactions from their binary (EIP-2718) form. Any non-canonical RLP, a field
 * out of range or trailing bytes makes the whole transaction invalid, as in the reference clients.
 */
public final class TransactionDecoder {
  private TransactionDecoder() {}

  /** Decodes {@code rlp(legacyFields)} or {@code type ‖ rlp(payload)}. */
  public static Transaction decode(byte[] encoded) {
    if (encoded.length == 0) throw new InvalidTransactionException("empty transaction encoding");
    try {
      int first = encoded[0] & 0xFF;
      if (first >= 0xc0) return legacy(Rlp.reader(encoded));
      if (first > 0x7f) throw new InvalidTransactionException("transaction encoding is neither a list nor typed");
      RlpReader outer = Rlp.reader(Arrays.copyOfRange(encoded, 1, encoded.length));
      Transaction tx = switch (first) {
        case Transaction.ACCESS_LIST -> accessList(outer);
        case Transaction.DYNAMIC_FEE -> dynamicFee(outer);
        case Transaction.BLOB -> blob(outer);
        case Transaction.SET_CODE -> setCode(outer);
        case Transaction.DEPOSIT -> deposit(outer);
        default -> throw new InvalidTransactionException("unsupported transaction type 0x" + Integer.toHexString(first));
      };
      outer.ensureDone();
      return tx;
    } catch (RlpException e) {
      throw new InvalidTransactionException("malformed transaction RLP: " + e.getMessage());
    }
  }

  /**
   * Decodes one entry of a block body's transaction list: a legacy transaction is embedded as its
   * RLP list, a typed one as an RLP string holding its binary form.
   */
  public static Transaction decodeBlockItem(RlpReader body) {
    return decode(body.nextIsList() ? body.readRaw() : body.readBytes());
  }

  /** The block-body form of a transaction (see {@link #decodeBlockItem}). */
  public static byte[] encodeBlockItem(Transaction tx) {
    return tx.type() == Transaction.LEGACY ? tx.encode() : Rlp.bytes(tx.encode());
  }

  private static LegacyTransaction legacy(RlpReader whole) {
    RlpReader r = whole.enterList();
    whole.ensureDone();
    long nonce = TxFields.readUint64(r, "nonce");
    UInt256 gasPrice = TxFields.readUint256(r, "gas price");
    long gas = TxFields.readUint64(r, "gas limit");
    Address to = TxFields.readTo(r, true);
    UInt256 value = TxFields.readUint256(r, "value");
    Bytes data = r.readBytesValue();
    BigInteger v = TxFields.readScalar(r, "v");
    BigInteger sigR = TxFields.readScalar(r, "r");
    BigInteger sigS = TxFields.readScalar(r, "s");
    r.ensureDone();
    return new LegacyTransaction(nonce, gasPrice, gas, to, value, data, v, sigR, sigS);
  }

  /** The fields every typed signed transaction starts with (EIP-2930 prices gas with one field, EIP-1559 and later with two). */
  private record Head(BigInteger chainId, long nonce, UInt256 tip, UInt256 cap, long gas, Address to, UInt256 value, Bytes data,
      List<AccessListEntry> accessList) {}

  private static Head head(RlpReader r, boolean twoFees, boolean creationAllowed) {
    BigInteger chainId = TxFields.readScalar(r, "chain id");
    long nonce = TxFields.readUint64(r, "nonce");
    UInt256 tip = TxFields.readUint256(r, twoFees ? "max priority fee per gas" : "gas price");
    UInt256 cap = twoFees ? TxFields.readUint256(r, "max fee per gas") : tip;
    long gas = TxFields.readUint64(r, "gas limit");
    Address to = TxFields.readTo(r, creationAllowed);
    UInt256 value = TxFields.readUint256(r, "value");
    Bytes data = r.readBytesValue();
    return new Head(chainId, nonce, tip, cap, gas, to, value, data, TxFields.readAccessList(r));
  }

  /** The trailing signature: y parity, r, s; nothing may follow it. */
  private record Sig(int y, BigInteger r, BigInteger s) {}

  private static Sig signature(RlpReader r) {
    Sig sig = new Sig(TxFields.readYParity(r), TxFields.readScalar(r, "r"), TxFields.readScalar(r, "s"));
    r.ensureDone();
    return sig;
  }

  private static AccessListTransaction accessList(RlpReader outer) {
    RlpReader r = outer.enterList();
    Head h = head(r, false, true);
    Sig sig = signature(r);
    return new AccessListTransaction(h.chainId(), h.nonce(), h.cap(), h.gas(), h.to(), h.value(), h.data(), h.accessList(), sig.y(), sig.r(), sig.s());
  }

  private static DynamicFeeTransaction dynamicFee(RlpReader outer) {
    RlpReader r = outer.enterList();
    Head h = head(r, true, true);
    Sig sig = signature(r);
    return new DynamicFeeTransaction(h.chainId(), h.nonce(), h.tip(), h.cap(), h.gas(), h.to(), h.value(), h.data(), h.accessList(), sig.y(),
        sig.r(), sig.s());
  }

  private static BlobTransaction blob(RlpReader outer) {
    RlpReader r = outer.enterList();
    Head h = head(r, true, false);
    UInt256 blobFeeCap = TxFields.readUint256(r, "max fee per blob gas");
    RlpReader hashesReader = r.enterList();
    List<Hash> hashes = new ArrayList<>();
    while (hashesReader.hasNext()) hashes.add(hashesReader.readHash());
    Sig sig = signature(r);
    return new BlobTransaction(h.chainId(), h.nonce(), h.tip(), h.cap(), h.gas(), h.to(), h.value(), h.data(), h.accessList(), blobFeeCap, hashes,
        sig.y(), sig.r(), sig.s());
  }

  private static SetCodeTransaction setCode(RlpReader outer) {
    RlpReader r = outer.enterList();
    Head h = head(r, true, false);
    RlpReader authReader = r.enterList();
    List<Authorization> auths = new ArrayList<>();
    while (authReader.hasNext()) auths.add(authorization(authReader.enterList()));
    Sig sig = signature(r);
    return new SetCodeTransaction(h.chainId(), h.nonce(), h.tip(), h.cap(), h.gas(), h.to(), h.value(), h.data(), h.accessList(), auths, sig.y(),
        sig.r(), sig.s());
  }

  private static Authorization authorization(RlpReader a) {
    BigInteger chainId = TxFields.readScalar(a, "authorization chain id");
    Address address = TxFields.readTo(a, false);
    BigInteger nonce = TxFields.readScalar(a, "authorization nonce");
    if (nonce.bitLength() > 64) throw new InvalidTransactionException("authorization nonce exceeds 64 bits");
    long y = TxFields.readUint64(a, "authorization y parity");
    if (y > 0xFF) throw new InvalidTransactionException("authorization y parity exceeds 8 bits");
    BigInteger sigR = TxFields.readScalar(a, "authorization r");
    BigInteger sigS = TxFields.readScalar(a, "authorization s");
    a.ensureDone();
    return new Authorization(chainId, address, nonce, (int) y, sigR, sigS);
  }

  private static DepositTransaction deposit(RlpReader outer) {
    RlpReader r = outer.enterList();
    Hash sourceHash = r.readHash();
    Address from = r.readAddress();
    Address to = TxFields.readTo(r, true);
    UInt256 mint = TxFields.readUint256(r, "mint");
    UInt256 value = TxFields.readUint256(r, "value");
    long gas = TxFields.readUint64(r, "gas limit");
    long system = TxFields.readUint64(r, "isSystemTx");
    if (system > 1) throw new InvalidTransactionException("isSystemTx must be a boolean");
    Bytes data = r.readBytesValue();
    r.ensureDone();
    return new DepositTransaction(sourceHash, from, to, mint, value, gas, system == 1, data);
  }
}
