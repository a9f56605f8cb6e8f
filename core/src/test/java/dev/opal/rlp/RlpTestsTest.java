package dev.opal.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.testing.SharedVectors;
import dev.opal.types.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ethereum/tests RLPTests: valid cases must encode to {@code out} and decode back; {@code INVALID}
 * encodings must be rejected by the strict reader; {@code VALID} ones must decode.
 */
class RlpTestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> rlpTests() throws IOException {
    Path dir = SharedVectors.ethereumTests("RLPTests");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = JSON.readTree(file.toFile());
        for (Map.Entry<String, JsonNode> e : root.properties()) {
          JsonNode in = e.getValue().get("in");
          byte[] out = Hex.decodeLenient(e.getValue().get("out").asText());
          String name = dir.relativize(file) + ":" + e.getKey();
          tests.add(DynamicTest.dynamicTest(name, () -> check(in, out)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(50);
    return tests.stream();
  }

  private static void check(JsonNode in, byte[] out) {
    if (in.isTextual() && in.asText().equals("INVALID")) {
      assertThatThrownBy(() -> decodeTree(out)).isInstanceOf(RlpException.class);
    } else if (in.isTextual() && in.asText().equals("VALID")) {
      assertThat(encodeTree(decodeTree(out))).isEqualTo(out);
    } else {
      assertThat(Hex.encode(encode(in))).isEqualTo(Hex.encode(out));
      assertThat(encodeTree(decodeTree(out))).isEqualTo(out);
    }
  }

  /** Encodes a fixture value: strings are bytes (one char per byte), numbers and "#bignum" are integers. */
  private static byte[] encode(JsonNode v) {
    if (v.isArray()) {
      List<byte[]> items = new ArrayList<>();
      v.forEach(x -> items.add(encode(x)));
      return Rlp.list(items);
    }
    if (v.isIntegralNumber()) return Rlp.uint(v.bigIntegerValue());
    String s = v.asText();
    if (s.startsWith("#")) return Rlp.uint(new BigInteger(s.substring(1)));
    return Rlp.bytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Decodes a complete item into nested lists of byte arrays, rejecting trailing bytes. */
  static Object decodeTree(byte[] encoded) {
    RlpReader r = Rlp.reader(encoded);
    Object tree = readItem(r);
    r.ensureDone();
    return tree;
  }

  private static Object readItem(RlpReader r) {
    if (!r.nextIsList()) return r.readBytes();
    RlpReader list = r.enterList();
    List<Object> items = new ArrayList<>();
    while (list.hasNext()) items.add(readItem(list));
    return items;
  }

  private static byte[] encodeTree(Object tree) {
    if (tree instanceof byte[] b) return Rlp.bytes(b);
    List<byte[]> items = new ArrayList<>();
    for (Object o : (List<?>) tree) items.add(encodeTree(o));
    return Rlp.list(items);
  }
}
