package dev.opal.evm;

import dev.opal.block.Log;
import dev.opal.types.Address;
import dev.opal.types.UInt256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transaction-scoped bookkeeping that is not world state: EIP-2929 warm addresses and slots,
 * EIP-1153 transient storage, the refund counter, logs, self-destructed accounts and accounts
 * created in this transaction (EIP-6780). Journaled beside the world state so reverts undo it.
 */
final class Substate {
  record Slot(Address address, UInt256 key) {}

  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<Slot> warmSlots = new HashSet<>();
  private final Map<Slot, UInt256> transientStorage = new HashMap<>();
  private final List<Log> logs = new ArrayList<>();
  private final Set<Address> selfDestructs = new LinkedHashSet<>();
  private final Set<Address> created = new HashSet<>();
  private long refund;
  private final List<Runnable> journal = new ArrayList<>();

  int snapshot() {
    return journal.size();
  }

  void revertTo(int id) {
    for (int i = journal.size() - 1; i >= id; i--) journal.remove(i).run();
  }

  /** Marks the address warm; true if it was cold. */
  boolean warmAddress(Address a) {
    if (!warmAddresses.add(a)) return false;
    journal.add(() -> warmAddresses.remove(a));
    return true;
  }

  boolean isWarm(Address a) {
    return warmAddresses.contains(a);
  }

  /** Marks the slot warm; true if it was cold. */
  boolean warmSlot(Address a, UInt256 key) {
    Slot s = new Slot(a, key);
    if (!warmSlots.add(s)) return false;
    journal.add(() -> warmSlots.remove(s));
    return true;
  }

  UInt256 getTransient(Address a, UInt256 key) {
    return transientStorage.getOrDefault(new Slot(a, key), UInt256.ZERO);
  }

  void setTransient(Address a, UInt256 key, UInt256 value) {
    Slot s = new Slot(a, key);
    UInt256 prev = transientStorage.put(s, value);
    journal.add(() -> {
      if (prev == null) transientStorage.remove(s);
      else transientStorage.put(s, prev);
    });
  }

  void addRefund(long delta) {
    refund += delta;
    journal.add(() -> refund -= delta);
  }

  long refund() {
    return refund;
  }

  void addLog(Log log) {
    logs.add(log);
    journal.add(() -> logs.remove(logs.size() - 1));
  }

  List<Log> logs() {
    return logs;
  }

  void selfDestruct(Address a) {
    if (selfDestructs.add(a)) journal.add(() -> selfDestructs.remove(a));
  }

  Set<Address> selfDestructs() {
    return selfDestructs;
  }

  void markCreated(Address a) {
    if (created.add(a)) journal.add(() -> created.remove(a));
  }

  boolean createdInThisTransaction(Address a) {
    return created.contains(a);
  }
}
