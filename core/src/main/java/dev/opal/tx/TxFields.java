package dev.opal.tx;

import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** RLP reading and writing of the field kinds transactions share, with their range checks. */
final class TxFields {
  private TxFields() {}

  static long readUint64(RlpReader r, String field) {
    byte[] b = r.readUIntBytes();
    if (b.length > 8) throw new InvalidTransactionException(field + " exceeds 64 bits");
    long v = 0;
    for (byte x : b) v = (v << 8) | (x & 0xFF);
    return v;
  }

  static UInt256 readUint256(RlpReader r, String field) {
    byte[] b = r.readUIntBytes();
    if (b.length > 32) throw new InvalidTransactionException(field + " exceeds 256 bits");
    return UInt256.fromBytes(b);
  }

  static BigInteger readScalar(RlpReader r, String field) {
    byte[] b = r.readUIntBytes();
    if (b.length > 32) throw new InvalidTransactionException(field + " exceeds 256 bits");
    return new BigInteger(1, b);
  }

  /** The recipient: 20 bytes, or empty for creation when allowed. */
  static Address readTo(RlpReader r, boolean creationAllowed) {
    byte[] b = r.readBytes();
    if (b.length == 0 && creationAllowed) return null;
    if (b.length != 20) throw new InvalidTransactionException("recipient must be 20 bytes, got " + b.length);
    return Address.of(b);
  }

  static List<AccessListEntry> readAccessList(RlpReader r) {
    RlpReader list = r.enterList();
    List<AccessListEntry> entries = new ArrayList<>();
    while (list.hasNext()) {
      RlpReader entry = list.enterList();
      byte[] addr = entry.readBytes();
      if (addr.length != 20) throw new InvalidTransactionException("access list address must be 20 bytes");
      RlpReader keysReader = entry.enterList();
      List<Hash> keys = new ArrayList<>();
      while (keysReader.hasNext()) {
        byte[] k = keysReader.readBytes();
        if (k.length != 32) throw new InvalidTransactionException("access list storage key must be 32 bytes");
        keys.add(Hash.wrap(k));
      }
      entry.ensureDone();
      entries.add(new AccessListEntry(Address.of(addr), keys));
    }
    return List.copyOf(entries);
  }

  static byte[] accessList(List<AccessListEntry> entries) {
    List<byte[]> items = new ArrayList<>();
    for (AccessListEntry e : entries) {
      List<byte[]> keys = new ArrayList<>();
      for (Hash k : e.storageKeys()) keys.add(Rlp.hash(k));
      items.add(Rlp.list(Rlp.address(e.address()), Rlp.list(keys)));
    }
    return Rlp.list(items);
  }

  static byte[] to(Address to) {
    return to == null ? Rlp.EMPTY_STRING : Rlp.address(to);
  }

  static byte[] uint(UInt256 v) {
    return Rlp.bytes(v.toMinimalBytes());
  }

  static byte[] data(Bytes d) {
    return Rlp.bytes(d);
  }

  static int readYParity(RlpReader r) {
    long v = readUint64(r, "y parity");
    if (v > 1) throw new InvalidTransactionException("y parity must be 0 or 1, got " + v);
    return (int) v;
  }

  /** Prefixes the type byte to an RLP payload. */
  static byte[] typed(int type, byte[] payload) {
    return Rlp.concat(new byte[] {(byte) type}, payload);
  }

  /** The RLP list of the given fields followed by the signature's y parity, r and s. */
  static byte[] withSignature(byte[][] fields, int recoveryId, BigInteger r, BigInteger s) {
    byte[][] all = Arrays.copyOf(fields, fields.length + 3);
    all[fields.length] = Rlp.uint(recoveryId);
    all[fields.length + 1] = Rlp.uint(r);
    all[fields.length + 2] = Rlp.uint(s);
    return Rlp.list(all);
  }
}
