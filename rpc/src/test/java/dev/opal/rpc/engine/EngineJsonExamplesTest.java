package dev.opal.rpc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example of the Engine API methods Opal serves, taken from the execution-apis OpenRPC
 * definitions (test resource execution-apis/engine-examples.json): each parameter and result must
 * decode into our records and encode back to exactly the spec's JSON.
 */
class EngineJsonExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(EngineJson.module());

  @TestFactory
  Stream<DynamicTest> examplesRoundTrip() throws IOException {
    JsonNode methods;
    try (InputStream in = getClass().getResourceAsStream("/execution-apis/engine-examples.json")) {
      methods = JSON.readTree(in).get("methods");
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> m : methods.properties()) {
      for (JsonNode example : m.getValue()) {
        tests.add(DynamicTest.dynamicTest(example.get("name").asText(), () -> check(m.getKey(), example)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(13);
    return tests.stream();
  }

  private static void check(String method, JsonNode example) {
    JsonNode params = example.get("params");
    JsonNode result = example.get("result");
    String family = method.replaceAll("V\\d+$", "");
    int version = Integer.parseInt(method.substring(method.lastIndexOf('V') + 1));
    switch (family) {
      case "engine_newPayload" -> {
        assertRoundTrip(params.get(0), EngineJson::executionPayload, EngineJson::encode);
        assertRoundTrip(result, EngineJson::payloadStatus, EngineJson::encode);
        if (version >= 3) assertThat(EngineJson.hashParam(params.get(2), "parentBeaconBlockRoot").toHex()).isEqualTo(params.get(2).asText());
      }
      case "engine_forkchoiceUpdated" -> {
        assertRoundTrip(params.get(0), EngineJson::forkchoiceState, EngineJson::encode);
        if (params.size() > 1 && !params.get(1).isNull()) {
          PayloadAttributes a = EngineJson.payloadAttributes(params.get(1));
          assertThat(a.structureVersion()).isEqualTo(version);
          assertThat(EngineJson.encode(a)).isEqualTo(params.get(1));
        }
        assertRoundTrip(result, EngineJson::forkchoiceUpdatedResult, EngineJson::encode);
      }
      // The examples' payload id parameter (0x0000000038fa5dd) has an odd number of digits, which
      // no DATA decoder accepts, so only the results are checked.
      case "engine_getPayload" -> {
        if (version == 1) {
          assertRoundTrip(result, EngineJson::executionPayload, EngineJson::encode);
        } else {
          assertRoundTrip(result, EngineJson::payloadEnvelope, EngineJson::encode);
          assertThat(EngineJson.payloadEnvelope(result).executionPayload().structureVersion()).isEqualTo(Math.min(version, 3));
        }
      }
      case "engine_getPayloadBodiesByHash", "engine_getPayloadBodiesByRange" -> {
        for (JsonNode body : result) {
          if (!body.isNull()) assertRoundTrip(body, EngineJson::executionPayloadBody, EngineJson::encode);
        }
      }
      default -> throw new AssertionError("no check for " + method);
    }
  }

  private static <T> void assertRoundTrip(JsonNode json, Function<JsonNode, T> decode, Function<T, JsonNode> encode) {
    T value = decode.apply(json);
    assertThat(encode.apply(value)).isEqualTo(json);
    // the same through a plain ObjectMapper with the module registered
    try {
      @SuppressWarnings("unchecked")
      T viaJackson = (T) JSON.treeToValue(json, value.getClass());
      assertThat((Object) viaJackson).isEqualTo(value);
      assertThat((JsonNode) JSON.valueToTree(viaJackson)).isEqualTo(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
