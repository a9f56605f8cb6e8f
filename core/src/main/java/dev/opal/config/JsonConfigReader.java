package dev.opal.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * Field access for the configuration files (rollup.json, genesis.json): numbers may be JSON numbers
 * or hex strings, as the Go tools that write these files produce both; every problem becomes a
 * {@link ConfigException} naming the field's path.
 */
final class JsonConfigReader {
  private final JsonNode node;
  private final String path;

  JsonConfigReader(JsonNode node, String path) {
    if (node == null || !node.isObject()) throw new ConfigException(path + " must be a JSON object");
    this.node = node;
    this.path = path;
  }

  boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  JsonConfigReader object(String field) {
    return new JsonConfigReader(required(field), name(field));
  }

  JsonNode raw(String field) {
    return node.get(field);
  }

  long uint64(String field) {
    BigInteger v = bigInteger(field);
    if (v.signum() < 0 || v.bitLength() > 64) throw new ConfigException(name(field) + " is not a uint64: " + v);
    return v.longValue();
  }

  Long optUint64(String field) {
    return has(field) ? uint64(field) : null;
  }

  long uint64(String field, long absent) {
    return has(field) ? uint64(field) : absent;
  }

  BigInteger bigInteger(String field) {
    JsonNode v = required(field);
    if (v.isIntegralNumber()) return v.bigIntegerValue();
    if (v.isTextual()) {
      String s = v.textValue();
      try {
        return s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
      } catch (NumberFormatException e) {
        throw new ConfigException(name(field) + " is not a number: " + s);
      }
    }
    throw new ConfigException(name(field) + " is not a number");
  }

  Hash hash(String field) {
    return text(field, s -> Hash.wrap(Hex.decode(s, Hash.SIZE)));
  }

  Address address(String field) {
    return text(field, s -> Address.of(Hex.decode(s, Address.SIZE)));
  }

  Address optAddress(String field) {
    return has(field) ? address(field) : null;
  }

  Bytes bytes(String field) {
    return text(field, s -> Bytes.wrap(Hex.decodeLenient(s)));
  }

  private <T> T text(String field, Function<String, T> parse) {
    JsonNode v = required(field);
    if (!v.isTextual()) throw new ConfigException(name(field) + " must be a hex string");
    try {
      return parse.apply(v.textValue());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name(field) + ": " + e.getMessage());
    }
  }

  private JsonNode required(String field) {
    if (!has(field)) throw new ConfigException("missing " + name(field));
    return node.get(field);
  }

  String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
