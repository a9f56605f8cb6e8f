package dev.opal.block;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.testing.SharedVectors;
import dev.opal.tx.SignedTransaction;
import dev.opal.tx.Transaction;
import dev.opal.types.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real block encodings from ethereum/tests BlockchainTests (Cancun): every genesis block and every
 * block that carries a decoded header must decode, reproduce the fixture's header hash and fields,
 * re-encode byte for byte, and its transactions must recover the fixture's senders.
 */
class BlockchainTestsHeaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void headersHashAsInTheFixtures() throws IOException {
    Path dir = SharedVectors.ethereumTests("BlockchainTests");
    int blocks = 0;
    List<String> failures = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (Map.Entry<String, JsonNode> e : JSON.readTree(file.toFile()).properties()) {
          JsonNode t = e.getValue();
          String name = dir.relativize(file) + ":" + e.getKey();
          blocks++;
          check(name + " genesis", t.get("genesisRLP").asText(), t.get("genesisBlockHeader"), null, failures);
          for (JsonNode b : t.get("blocks")) {
            if (!b.has("blockHeader")) continue; // an invalid block given only as bytes
            blocks++;
            check(name + " block " + b.get("blockHeader").get("number").asText(), b.get("rlp").asText(), b.get("blockHeader"),
                b.get("transactions"), failures);
          }
        }
      }
    }
    System.out.println("BlockchainTests headers: " + (blocks - failures.size()) + " passed, " + failures.size() + " failed, 0 skipped");
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertThat(blocks).isGreaterThan(1000);
    assertThat(failures).isEmpty();
  }

  private static void check(String name, String rlpHex, JsonNode expected, JsonNode transactions, List<String> failures) {
    try {
      byte[] rlp = Hex.decodeLenient(rlpHex);
      Block block = Block.decode(rlp);
      BlockHeader h = block.header();
      String problem = null;
      if (!h.hash().toHex().equals(expected.get("hash").asText())) problem = "hash " + h.hash().toHex();
      else if (!h.stateRoot().toHex().equals(expected.get("stateRoot").asText())) problem = "state root";
      else if (!h.receiptsRoot().toHex().equals(expected.get("receiptTrie").asText())) problem = "receipts root";
      else if (!h.logsBloom().toHex().equals(expected.get("bloom").asText())) problem = "bloom";
      else if (!Hex.encode(block.encode()).equals(Hex.encode(rlp))) problem = "re-encoding differs";
      else if (transactions != null) problem = checkSenders(block.transactions(), transactions);
      if (problem != null) failures.add(name + ": " + problem);
    } catch (RuntimeException ex) {
      failures.add(name + ": " + ex);
    }
  }

  private static String checkSenders(List<Transaction> txs, JsonNode expected) {
    if (txs.size() != expected.size()) return "transaction count " + txs.size();
    for (int i = 0; i < txs.size(); i++) {
      if (!expected.get(i).has("sender")) continue; // some fillers leave the sender out
      String sender = ((SignedTransaction) txs.get(i)).recoverSender().toHex();
      if (!sender.equals(expected.get(i).get("sender").asText())) return "sender of tx " + i + " is " + sender;
    }
    return null;
  }
}
