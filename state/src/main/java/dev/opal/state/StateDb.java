package dev.opal.state;

import dev.opal.crypto.Keccak;
import dev.opal.rlp.Rlp;
import dev.opal.trie.NodeStore;
import dev.opal.trie.SecureTrie;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The world state of one block in progress, over the state trie at a parent root.
 *
 * <p>Three layers of values: what the tries hold (the block's starting state), what earlier
 * transactions of this block wrote ("pending"), and what the current transaction wrote ("dirty").
 * A journal of undo records gives nested snapshots within a transaction. {@link #rootHash()} folds
 * everything into the tries; {@link #commit()} also writes the new nodes and code to the store.
 */
public final class StateDb implements WorldState {
  private final NodeStore store;
  private final SecureTrie accountTrie;
  private final Map<Address, AccountState> accounts = new HashMap<>();
  private final List<Runnable> journal = new ArrayList<>();
  private final Set<Address> touched = new HashSet<>();

  public StateDb(NodeStore store, Hash root) {
    this.store = store;
    this.accountTrie = new SecureTrie(store, root);
  }

  /** Mutable per-account state; {@code storage} holds writes of this block over the trie at {@code base.storageRoot}. */
  private final class AccountState {
    final Address address;
    /** keccak(address): the account trie's key, hashed once and used for the read and for the block's write. */
    final byte[] trieKey;
    boolean exists;
    long nonce;
    UInt256 balance;
    Hash codeHash;
    Bytes code;
    /** The account as the trie had it when this block began; its storage root anchors storage reads. */
    Account base;
    /** True once the account was (re)created in this block: the trie's storage no longer applies. */
    boolean storageCleared;
    final Map<UInt256, UInt256> committed = new HashMap<>(); // values at the start of the current transaction
    final Map<UInt256, UInt256> dirty = new HashMap<>(); // writes of the current transaction
    final Map<UInt256, UInt256> pending = new HashMap<>(); // writes of earlier transactions of this block
    SecureTrie storageTrie;
    boolean changed;

    AccountState(Address address, byte[] trieKey, Account stored) {
      this.address = address;
      this.trieKey = trieKey;
      this.exists = stored != null;
      Account a = stored == null ? Account.EMPTY : stored;
      this.base = a;
      this.nonce = a.nonce();
      this.balance = a.balance();
      this.codeHash = a.codeHash();
    }

    UInt256 committedValue(UInt256 key) {
      UInt256 v = pending.get(key);
      if (v != null) return v;
      v = committed.get(key);
      if (v != null) return v;
      v = trieValue(key);
      committed.put(key, v);
      return v;
    }

    UInt256 trieValue(UInt256 key) {
      if (storageTrie == null && (storageCleared || base.storageRoot().equals(Keccak.EMPTY_TRIE_ROOT))) return UInt256.ZERO;
      byte[] raw = storageTrie().get(key.toBytes32());
      return raw == null ? UInt256.ZERO : UInt256.fromBytes(Rlp.reader(raw).readUIntBytes());
    }

    SecureTrie storageTrie() {
      if (storageTrie == null) storageTrie = new SecureTrie(store, storageCleared ? Keccak.EMPTY_TRIE_ROOT : base.storageRoot());
      return storageTrie;
    }
  }

  private AccountState load(Address address) {
    AccountState s = accounts.get(address);
    if (s == null) {
      byte[] trieKey = Keccak.hash(address.toArrayUnsafe());
      byte[] raw = accountTrie.getHashed(trieKey);
      s = new AccountState(address, trieKey, raw == null ? null : Account.decode(raw));
      accounts.put(address, s);
    }
    return s;
  }

  /** Loads the account, creating it (journaled) if it does not exist. */
  private AccountState existing(Address address) {
    AccountState s = load(address);
    if (!s.exists) {
      s.exists = true;
      s.changed = true;
      journal.add(() -> s.exists = false);
    }
    return s;
  }

  private void markChanged(AccountState s) {
    s.changed = true;
    markTouched(s.address);
  }

  /** Touches are journaled: a reverted call's touches do not count for EIP-161 clearing. */
  private void markTouched(Address address) {
    if (touched.add(address)) journal.add(() -> touched.remove(address));
  }

  @Override
  public boolean exists(Address address) {
    return load(address).exists;
  }

  @Override
  public boolean isEmpty(Address address) {
    AccountState s = load(address);
    return !s.exists || (s.nonce == 0 && s.balance.isZero() && s.codeHash.equals(Keccak.EMPTY));
  }

  @Override
  public long getNonce(Address address) {
    return load(address).nonce;
  }

  @Override
  public void setNonce(Address address, long nonce) {
    AccountState s = existing(address);
    long prev = s.nonce;
    journal.add(() -> s.nonce = prev);
    s.nonce = nonce;
    markChanged(s);
  }

  @Override
  public UInt256 getBalance(Address address) {
    return load(address).balance;
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    AccountState s = existing(address);
    UInt256 prev = s.balance;
    journal.add(() -> s.balance = prev);
    s.balance = balance;
    markChanged(s);
  }

  @Override
  public Bytes getCode(Address address) {
    AccountState s = load(address);
    if (s.code == null) {
      if (s.codeHash.equals(Keccak.EMPTY)) {
        s.code = Bytes.EMPTY;
      } else {
        byte[] raw = store.get(s.codeHash);
        if (raw == null) throw new IllegalStateException("code " + s.codeHash.toHex() + " of " + address.toHex() + " is missing");
        s.code = Bytes.wrap(raw);
      }
    }
    return s.code;
  }

  @Override
  public Hash getCodeHash(Address address) {
    AccountState s = load(address);
    return s.exists ? s.codeHash : Hash.ZERO;
  }

  @Override
  public void setCode(Address address, Bytes code) {
    AccountState s = existing(address);
    Hash prevHash = s.codeHash;
    Bytes prevCode = s.code;
    journal.add(() -> {
      s.codeHash = prevHash;
      s.code = prevCode;
    });
    s.code = code;
    s.codeHash = Keccak.hash256(code);
    markChanged(s);
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 key) {
    AccountState s = load(address);
    UInt256 v = s.dirty.get(key);
    return v != null ? v : s.committedValue(key);
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    AccountState s = existing(address);
    UInt256 prev = s.dirty.get(key);
    journal.add(() -> {
      if (prev == null) s.dirty.remove(key);
      else s.dirty.put(key, prev);
    });
    s.dirty.put(key, value);
    markChanged(s);
  }

  @Override
  public boolean hasStorage(Address address) {
    AccountState s = load(address);
    for (UInt256 v : s.dirty.values()) if (!v.isZero()) return true;
    for (UInt256 v : s.pending.values()) if (!v.isZero()) return true;
    if (s.storageTrie != null) return !s.storageTrie.rootHash().equals(Keccak.EMPTY_TRIE_ROOT);
    return !s.storageCleared && !s.base.storageRoot().equals(Keccak.EMPTY_TRIE_ROOT);
  }

  @Override
  public UInt256 getCommittedStorage(Address address, UInt256 key) {
    return load(address).committedValue(key);
  }

  @Override
  public void createAccount(Address address) {
    AccountState s = load(address);
    boolean prevExists = s.exists;
    long prevNonce = s.nonce;
    Hash prevCodeHash = s.codeHash;
    Bytes prevCode = s.code;
    boolean prevCleared = s.storageCleared;
    SecureTrie prevTrie = s.storageTrie;
    Map<UInt256, UInt256> prevDirty = new HashMap<>(s.dirty);
    Map<UInt256, UInt256> prevPending = new HashMap<>(s.pending);
    Map<UInt256, UInt256> prevCommitted = new HashMap<>(s.committed);
    journal.add(() -> {
      s.exists = prevExists;
      s.nonce = prevNonce;
      s.codeHash = prevCodeHash;
      s.code = prevCode;
      s.storageCleared = prevCleared;
      s.storageTrie = prevTrie;
      restore(s.dirty, prevDirty);
      restore(s.pending, prevPending);
      restore(s.committed, prevCommitted);
    });
    s.exists = true;
    s.nonce = 0;
    s.codeHash = Keccak.EMPTY;
    s.code = Bytes.EMPTY;
    s.storageCleared = true;
    s.storageTrie = null;
    s.dirty.clear();
    s.pending.clear();
    s.committed.clear();
    markChanged(s);
  }

  private static void restore(Map<UInt256, UInt256> target, Map<UInt256, UInt256> saved) {
    target.clear();
    target.putAll(saved);
  }

  @Override
  public void deleteAccount(Address address) {
    AccountState s = load(address);
    UInt256 prevBalance = s.balance;
    journal.add(() -> s.balance = prevBalance);
    createAccount(address); // clears nonce, code and storage under the journal
    s.balance = UInt256.ZERO;
    s.exists = false;
  }

  @Override
  public void touch(Address address) {
    load(address);
    markTouched(address);
  }

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertTo(int snapshotId) {
    for (int i = journal.size() - 1; i >= snapshotId; i--) journal.remove(i).run();
  }

  @Override
  public void finalizeTransaction(boolean deleteEmptyTouched) {
    for (Address a : touched) {
      AccountState s = accounts.get(a);
      if (deleteEmptyTouched && s.exists && isEmpty(a)) {
        deleteAccount(a);
      }
      s.pending.putAll(s.dirty);
      s.dirty.clear();
      s.committed.clear();
      s.changed = true;
    }
    touched.clear();
    journal.clear();
  }

  /**
   * Folds every change into the tries and returns the state root (nothing is written to the
   * store). Call it between transactions, after {@link #finalizeTransaction}.
   */
  @Override
  public Hash rootHash() {
    flushAccounts();
    return accountTrie.rootHash();
  }

  /** Puts every changed account (and its storage) into the tries; the account trie takes them in one batch. */
  private void flushAccounts() {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    for (AccountState s : accounts.values()) {
      if (!s.changed) continue;
      byte[] encoded = flushAccount(s);
      if (encoded == null) continue;
      keys.add(s.trieKey);
      values.add(encoded);
    }
    accountTrie.putAllHashed(keys, values);
  }

  /** Settles an account's storage and returns its new trie value, or null once it is deleted from the trie. */
  private byte[] flushAccount(AccountState s) {
    s.pending.putAll(s.dirty);
    s.dirty.clear();
    if (!s.exists) {
      accountTrie.deleteHashed(s.trieKey);
      s.changed = false;
      return null;
    }
    if (!s.pending.isEmpty()) {
      SecureTrie trie = s.storageTrie();
      for (Map.Entry<UInt256, UInt256> e : s.pending.entrySet()) {
        if (e.getValue().isZero()) trie.delete(e.getKey().toBytes32());
        else trie.put(e.getKey().toBytes32(), Rlp.bytes(e.getValue().toMinimalBytes()));
      }
      s.pending.clear(); // the storage trie now holds them
    }
    Hash storageRoot = s.storageTrie != null ? s.storageTrie.rootHash()
        : s.storageCleared ? Keccak.EMPTY_TRIE_ROOT : s.base.storageRoot();
    s.changed = false;
    return new Account(s.nonce, s.balance, storageRoot, s.codeHash).encode();
  }

  /**
   * Writes the new trie nodes and contract code to the store and returns the state root. The
   * StateDb stays usable as the starting state of the next block.
   */
  public Hash commit() {
    flushAccounts(); // the account trie is hashed as it is stored, below
    for (AccountState s : accounts.values()) {
      if (s.storageTrie != null) s.storageTrie.commit();
      if (s.code != null && !s.codeHash.equals(Keccak.EMPTY)) store.put(s.codeHash, s.code.toArrayUnsafe());
    }
    return accountTrie.commit();
  }

  /** An {@code eth_getProof} answer: the account, its proof and one proof per storage key. */
  public record AccountProof(Account account, List<byte[]> accountProof, List<StorageProof> storageProofs) {}

  public record StorageProof(UInt256 key, UInt256 value, List<byte[]> proof) {}

  /** Merkle proofs of an account and some of its storage slots against the current root (EIP-1186). */
  public AccountProof proof(Address address, List<UInt256> keys) {
    rootHash();
    byte[] raw = accountTrie.get(address.toArrayUnsafe());
    Account account = raw == null ? Account.EMPTY : Account.decode(raw);
    List<byte[]> accountProof = accountTrie.proof(address.toArrayUnsafe());
    SecureTrie storage = new SecureTrie(store, account.storageRoot());
    List<StorageProof> storageProofs = new ArrayList<>();
    for (UInt256 key : keys) {
      byte[] v = storage.get(key.toBytes32());
      UInt256 value = v == null ? UInt256.ZERO : UInt256.fromBytes(Rlp.reader(v).readUIntBytes());
      storageProofs.add(new StorageProof(key, value, storage.proof(key.toBytes32())));
    }
    return new AccountProof(account, accountProof, storageProofs);
  }

  /** The storage root of an account as of the last {@link #rootHash()} (Isthmus withdrawalsRoot uses it). */
  public Hash storageRoot(Address address) {
    rootHash();
    byte[] raw = accountTrie.get(address.toArrayUnsafe());
    return raw == null ? Keccak.EMPTY_TRIE_ROOT : Account.decode(raw).storageRoot();
  }
}
