package dev.opal.evm;

import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded LRU cache of analysed code by code hash: hot contracts are analysed once. */
final class CodeCache {
  private static final int CAPACITY = 4096;
  private final Map<Hash, Code> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Code> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized Code get(Hash codeHash, Bytes code) {
    if (code.isEmpty()) return Code.EMPTY;
    Code c = cache.get(codeHash);
    if (c == null) {
      c = new Code(code.toArrayUnsafe());
      cache.put(codeHash, c);
    }
    return c;
  }
}
