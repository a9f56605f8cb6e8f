package dev.opal.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.config.EthereumFork;
import dev.opal.testing.SharedVectors;
import dev.opal.types.Address;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ethereum/tests TransactionTests. Every fixture is checked under its newest fork expectation
 * (Prague, else Cancun, else the latest present): valid transactions must decode, pass validation
 * with chain id 1, and give the expected sender, hash and intrinsic gas; invalid ones must be rejected.
 */
class TransactionTestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger CHAIN_ID = BigInteger.ONE;

  @Test
  void allTransactionTests() throws IOException {
    Path dir = SharedVectors.ethereumTests("TransactionTests");
    int passed = 0;
    List<String> failures = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (Map.Entry<String, JsonNode> e : JSON.readTree(file.toFile()).properties()) {
          String name = dir.relativize(file) + ":" + e.getKey();
          String failure = check(e.getValue());
          if (failure == null) passed++;
          else failures.add(name + ": " + failure);
        }
      }
    }
    System.out.println("TransactionTests: " + passed + " passed, " + failures.size() + " failed, 0 skipped");
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertThat(passed).isGreaterThan(200);
    assertThat(failures).isEmpty();
  }

  /** Returns null on success, or what went wrong. */
  private static String check(JsonNode fixture) {
    Map.Entry<EthereumFork, JsonNode> expectation = newestExpectation(fixture.get("result"));
    EthereumFork fork = expectation.getKey();
    JsonNode expected = expectation.getValue();
    String exception = expected.has("exception") ? expected.get("exception").asText() : null;
    byte[] raw;
    try {
      raw = Hex.decodeLenient(fixture.get("txbytes").asText());
    } catch (RuntimeException badHex) {
      return exception != null ? null : "fixture bytes are not hex";
    }
    Transaction tx;
    Address sender;
    try {
      tx = TransactionDecoder.decode(raw);
      if (!(tx instanceof SignedTransaction signed)) return "decoded to a non-signed type";
      sender = new TransactionValidator(fork, CHAIN_ID).validate(signed);
    } catch (InvalidTransactionException rejected) {
      return exception != null ? null : "rejected valid transaction at " + fork + ": " + rejected.getMessage();
    }
    if (exception != null) return "accepted a transaction expected to fail with " + exception + " at " + fork;
    if (!sender.toHex().equalsIgnoreCase(expected.get("sender").asText())) return "sender " + sender.toHex();
    if (!tx.hash().toHex().equalsIgnoreCase(expected.get("hash").asText())) return "hash " + tx.hash().toHex();
    long intrinsic = UInt256.fromHexLenient(expected.get("intrinsicGas").asText()).toBigInteger().longValueExact();
    if (IntrinsicGas.of(tx, fork) != intrinsic) return "intrinsic gas " + IntrinsicGas.of(tx, fork) + " != " + intrinsic;
    if (!Hex.encode(tx.encode()).equalsIgnoreCase(Hex.encode(raw))) return "re-encoding differs";
    return null;
  }

  private static Map.Entry<EthereumFork, JsonNode> newestExpectation(JsonNode result) {
    EthereumFork best = null;
    for (Map.Entry<String, JsonNode> e : result.properties()) {
      EthereumFork f = EthereumFork.fromTestName(e.getKey());
      if (best == null || f.isAtLeast(best)) best = f;
    }
    return Map.entry(best, result.get(best.testName()));
  }
}
