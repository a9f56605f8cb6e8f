package dev.opal.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.HexFormatException;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed, strict reading of one JSON object's fields with the Engine API's hex rules. A field that is
 * absent or JSON null counts as missing (Go's decoders, which the peers use, treat both alike);
 * unknown fields are ignored. Every failure is an {@link InvalidParamsException} naming the field.
 */
public final class JsonIn {
  private final JsonNode node;
  private final String what;

  private JsonIn(JsonNode node, String what) {
    this.node = node;
    this.what = what;
  }

  public static JsonIn of(JsonNode node, String what) {
    if (node == null || !node.isObject()) throw new InvalidParamsException(what + " must be a JSON object");
    return new JsonIn(node, what);
  }

  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  public Hash hash(String field) {
    return parse(field, s -> Hash.wrap(Hex.decode(s, Hash.SIZE)));
  }

  public Hash optHash(String field) {
    return has(field) ? hash(field) : null;
  }

  public Address address(String field) {
    return parse(field, s -> Address.of(Hex.decode(s, Address.SIZE)));
  }

  public Bytes data(String field) {
    return parse(field, s -> Bytes.wrap(Hex.decode(s)));
  }

  public Bytes data(String field, int size) {
    return parse(field, s -> Bytes.wrap(Hex.decode(s, size)));
  }

  public Bytes optData(String field, int size) {
    return has(field) ? data(field, size) : null;
  }

  public long quantity(String field) {
    return parse(field, JsonIn::uint64);
  }

  public Long optQuantity(String field) {
    return has(field) ? quantity(field) : null;
  }

  public UInt256 quantity256(String field) {
    return parse(field, s -> {
      BigInteger v = Hex.decodeQuantity(s);
      if (v.bitLength() > 256) throw new HexFormatException("quantity exceeds 256 bits");
      return UInt256.fromBigInteger(v);
    });
  }

  /** A uint64 sent either as a hex QUANTITY or as a plain JSON number (op-geth sends {@code minBaseFee} as a number). */
  public Long optNumberOrQuantity(String field) {
    if (!has(field)) return null;
    JsonNode v = node.get(field);
    if (v.isIntegralNumber()) {
      BigInteger b = v.bigIntegerValue();
      if (b.signum() < 0 || b.bitLength() > 64) throw invalid(field, "not a uint64");
      return b.longValue();
    }
    return quantity(field);
  }

  public boolean bool(String field) {
    JsonNode v = required(field);
    if (!v.isBoolean()) throw invalid(field, "must be a boolean");
    return v.booleanValue();
  }

  public boolean optBool(String field, boolean absent) {
    return has(field) ? bool(field) : absent;
  }

  public String text(String field) {
    JsonNode v = required(field);
    if (!v.isTextual()) throw invalid(field, "must be a string");
    return v.textValue();
  }

  public <T> List<T> list(String field, Function<JsonNode, T> item) {
    JsonNode v = required(field);
    if (!v.isArray()) throw invalid(field, "must be an array");
    List<T> out = new ArrayList<>(v.size());
    for (JsonNode e : v) out.add(item.apply(e));
    return out;
  }

  public <T> List<T> optList(String field, Function<JsonNode, T> item) {
    return has(field) ? list(field, item) : null;
  }

  /** An array of DATA strings. */
  public List<Bytes> dataList(String field) {
    return list(field, e -> Bytes.wrap(decodeText(e, field, Hex::decode)));
  }

  public List<Bytes> optDataList(String field) {
    return has(field) ? dataList(field) : null;
  }

  /** Parses a standalone JSON value (an array element or a positional parameter) as a hex string. */
  public static <T> T decodeText(JsonNode v, String what, Function<String, T> parser) {
    if (v == null || !v.isTextual()) throw new InvalidParamsException(what + ": expected a hex string");
    try {
      return parser.apply(v.textValue());
    } catch (IllegalArgumentException e) { // HexFormatException included
      throw new InvalidParamsException(what + ": " + e.getMessage());
    }
  }

  public static long uint64(String quantity) {
    BigInteger v = Hex.decodeQuantity(quantity);
    if (v.bitLength() > 64) throw new HexFormatException("quantity exceeds 64 bits");
    return v.longValue();
  }

  private JsonNode required(String field) {
    if (!has(field)) throw new InvalidParamsException(what + ": missing field " + field);
    return node.get(field);
  }

  private <T> T parse(String field, Function<String, T> parser) {
    return decodeText(required(field), what + "." + field, parser);
  }

  private InvalidParamsException invalid(String field, String why) {
    return new InvalidParamsException(what + "." + field + ": " + why);
  }
}
