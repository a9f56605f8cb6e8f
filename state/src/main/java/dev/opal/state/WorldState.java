package dev.opal.state;

import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;

/**
 * The mutable Ethereum world state as the EVM sees it during a block: accounts, code and storage,
 * with nested snapshots so that a failed call frame can undo its changes.
 *
 * <p>Transaction-scoped bookkeeping that is not part of the state (warm access lists, transient
 * storage, refunds, logs) belongs to the EVM, which keeps its own journal beside this one.
 */
public interface WorldState {

  /** True if the account exists (it may still be empty in the EIP-161 sense). */
  boolean exists(Address address);

  /** EIP-161 emptiness: no nonce, no balance, no code. A missing account is empty. */
  boolean isEmpty(Address address);

  long getNonce(Address address);

  void setNonce(Address address, long nonce);

  UInt256 getBalance(Address address);

  void setBalance(Address address, UInt256 balance);

  Bytes getCode(Address address);

  /** keccak256 of the code; {@link Hash#ZERO} for a missing account, the empty-code hash for an existing one without code. */
  Hash getCodeHash(Address address);

  void setCode(Address address, Bytes code);

  /** The current value of a storage slot (zero if never written). */
  UInt256 getStorage(Address address, UInt256 key);

  void setStorage(Address address, UInt256 key, UInt256 value);

  /** True if the account has any non-zero storage (EIP-7610: a creation may not land there). */
  boolean hasStorage(Address address);

  /** The value of the slot at the start of the current transaction (EIP-2200 "original value"). */
  UInt256 getCommittedStorage(Address address, UInt256 key);

  /**
   * Creates the account afresh for CREATE/CREATE2 or a contract-creating transaction: existing
   * storage is cleared and the balance is kept.
   */
  void createAccount(Address address);

  /** Removes the account and its storage (SELFDESTRUCT of an account created in the same transaction). */
  void deleteAccount(Address address);

  /** Marks the account touched for EIP-161 clearing without changing it (e.g. a zero-value CALL). */
  void touch(Address address);

  /** Records the current state; returns an id for {@link #revertTo}. Snapshots nest. */
  int snapshot();

  /** Undoes every change made since the snapshot was taken (and discards later snapshots). */
  void revertTo(int snapshotId);

  /**
   * Ends a transaction: touched accounts that are empty are deleted (EIP-161) when
   * {@code deleteEmptyTouched} is set, committed storage becomes the current storage, and the
   * journal is cleared.
   */
  void finalizeTransaction(boolean deleteEmptyTouched);

  /** The state root of the current state (computes trie hashes; does not persist). */
  Hash rootHash();
}
