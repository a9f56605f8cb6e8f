package dev.opal.state;

import dev.opal.crypto.Keccak;
import dev.opal.rlp.Rlp;
import dev.opal.rlp.RlpReader;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;

/** An account as the state trie stores it: {@code rlp([nonce, balance, storageRoot, codeHash])}. */
public record Account(long nonce, UInt256 balance, Hash storageRoot, Hash codeHash) {
  public static final Account EMPTY = new Account(0, UInt256.ZERO, Keccak.EMPTY_TRIE_ROOT, Keccak.EMPTY);

  public byte[] encode() {
    return Rlp.list(Rlp.uint(nonce), Rlp.bytes(balance.toMinimalBytes()), Rlp.hash(storageRoot), Rlp.hash(codeHash));
  }

  public static Account decode(byte[] encoded) {
    RlpReader outer = Rlp.reader(encoded);
    RlpReader r = outer.enterList();
    Account a = new Account(r.readLong(), UInt256.fromBytes(r.readUIntBytes()), r.readHash(), r.readHash());
    r.ensureDone();
    outer.ensureDone();
    return a;
  }
}
