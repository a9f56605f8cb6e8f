package dev.opal.trie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.testing.SharedVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ethereum/tests TrieTests: the plain and secure ("_secureTrie", "hex_encoded_securetrie") variants
 * in ordered and any-order form must reach the fixture's root. {@code trietestnextprev.json} tests
 * an iteration API Opal does not expose and is not run.
 */
class TrieTestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> trieTests() throws IOException {
    Path dir = SharedVectors.ethereumTests("TrieTests");
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : List.of("trietest.json", "trieanyorder.json", "trietest_secureTrie.json", "trieanyorder_secureTrie.json",
        "hex_encoded_securetrie_test.json")) {
      boolean secure = file.contains("secure");
      for (Map.Entry<String, JsonNode> e : JSON.readTree(dir.resolve(file).toFile()).properties()) {
        JsonNode t = e.getValue();
        tests.add(DynamicTest.dynamicTest(file + ":" + e.getKey(), () -> {
          assertThat(TrieTestRunner.root(t.get("in"), secure).toHex()).isEqualTo(t.get("root").asText());
        }));
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    return tests.stream();
  }
}
