package dev.opal.tx;

import dev.opal.types.Address;
import dev.opal.types.Hash;
import java.util.List;

/** One entry of an EIP-2930 access list: an address and storage keys to pre-warm. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    storageKeys = List.copyOf(storageKeys);
  }
}
