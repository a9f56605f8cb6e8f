package dev.opal.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.testing.SharedVectors;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.types.Hash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * State roots against ethereum/tests: the {@code pre} allocation of every BlockchainTests fixture
 * must produce its {@code genesisBlockHeader.stateRoot}, and reopening the committed state from the
 * store must read the same accounts back.
 */
class GenesisStateRootTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void preAllocationsHashToTheGenesisStateRoot() throws IOException {
    Path dir = SharedVectors.ethereumTests("BlockchainTests");
    int checked = 0;
    List<String> failures = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (Map.Entry<String, JsonNode> e : JSON.readTree(file.toFile()).properties()) {
          JsonNode t = e.getValue();
          InMemoryNodeStore store = new InMemoryNodeStore();
          var alloc = FixtureAlloc.read(t.get("pre"));
          Hash root = GenesisState.commit(store, alloc);
          checked++;
          if (!root.toHex().equals(t.get("genesisBlockHeader").get("stateRoot").asText())) {
            failures.add(e.getKey() + ": " + root.toHex());
            continue;
          }
          StateDb reopened = new StateDb(store, root);
          alloc.forEach((address, account) -> {
            assertThat(reopened.getBalance(address)).isEqualTo(account.balance());
            assertThat(reopened.getCode(address)).isEqualTo(account.code());
            account.storage().forEach((k, v) -> assertThat(reopened.getStorage(address, k)).isEqualTo(v));
          });
        }
      }
    }
    System.out.println("Genesis state roots: " + (checked - failures.size()) + " passed, " + failures.size() + " failed, 0 skipped");
    assertThat(checked).isGreaterThan(500);
    assertThat(failures).isEmpty();
  }
}
