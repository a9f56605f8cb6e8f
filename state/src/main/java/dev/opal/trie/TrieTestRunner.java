package dev.opal.trie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs ethereum/tests TrieTests-format files: {@code in} is a list of [key, value] pairs applied in
 * order (a null value deletes) or an object of key → value; strings starting with 0x are hex,
 * others raw bytes. Files whose name contains "secure" use a {@link SecureTrie}.
 */
public final class TrieTestRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One test's outcome; {@code detail} says why it failed or was skipped. */
  public record Result(String name, Status status, String detail) {}

  public enum Status { PASSED, FAILED, SKIPPED }

  private TrieTestRunner() {}

  public static List<Result> runFile(Path file) throws IOException {
    boolean secure = file.getFileName().toString().contains("secure");
    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : JSON.readTree(Files.readAllBytes(file)).properties()) {
      String name = file.getFileName() + ":" + e.getKey();
      JsonNode t = e.getValue();
      if (t.has("tests") && !t.has("root")) {
        results.add(new Result(name, Status.SKIPPED, "next/prev iteration tests: Opal has no trie iterator API"));
        continue;
      }
      if (!t.has("in") || !t.has("root")) {
        results.add(new Result(name, Status.FAILED, "not a TrieTests fixture (no in/root)"));
        continue;
      }
      try {
        Hash root = root(t.get("in"), secure);
        String expected = t.get("root").asText();
        boolean ok = root.toHex().equalsIgnoreCase(expected);
        results.add(new Result(name, ok ? Status.PASSED : Status.FAILED, ok ? "" : "root " + root.toHex() + ", expected " + expected));
      } catch (RuntimeException ex) {
        results.add(new Result(name, Status.FAILED, String.valueOf(ex.getMessage())));
      }
    }
    return results;
  }

  public static Hash root(JsonNode in, boolean secure) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    SecureTrie secureTrie = secure ? new SecureTrie(store) : null;
    MerklePatriciaTrie plain = secure ? null : new MerklePatriciaTrie(store);
    List<JsonNode[]> pairs = new ArrayList<>();
    if (in.isArray()) {
      for (JsonNode p : in) pairs.add(new JsonNode[] {p.get(0), p.get(1)});
    } else {
      for (Map.Entry<String, JsonNode> e : in.properties()) pairs.add(new JsonNode[] {JSON.getNodeFactory().textNode(e.getKey()), e.getValue()});
    }
    for (JsonNode[] p : pairs) {
      byte[] key = bytes(p[0]);
      byte[] value = p[1] == null || p[1].isNull() ? new byte[0] : bytes(p[1]);
      if (secure) secureTrie.put(key, value);
      else plain.put(key, value);
    }
    return secure ? secureTrie.rootHash() : plain.rootHash();
  }

  private static byte[] bytes(JsonNode v) {
    String s = v.asText();
    return s.startsWith("0x") ? Hex.decodeLenient(s) : s.getBytes(StandardCharsets.UTF_8);
  }
}
