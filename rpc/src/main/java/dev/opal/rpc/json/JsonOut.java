package dev.opal.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.util.List;
import java.util.function.Function;

/** Builds a JSON object field by field with the Engine API's hex encodings, in the order written. */
public final class JsonOut {
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ObjectNode node = NODES.objectNode();

  public static JsonOut object() {
    return new JsonOut();
  }

  public JsonOut hash(String field, Hash v) {
    node.put(field, v == null ? null : v.toHex());
    return this;
  }

  public JsonOut address(String field, Address v) {
    node.put(field, v.toHex());
    return this;
  }

  public JsonOut data(String field, Bytes v) {
    node.put(field, v.toHex());
    return this;
  }

  public JsonOut quantity(String field, long v) {
    node.put(field, Hex.encodeQuantity(v));
    return this;
  }

  public JsonOut quantity(String field, UInt256 v) {
    node.put(field, Hex.encodeQuantity(v.toBigInteger()));
    return this;
  }

  public JsonOut text(String field, String v) {
    node.put(field, v);
    return this;
  }

  public JsonOut bool(String field, boolean v) {
    node.put(field, v);
    return this;
  }

  public JsonOut number(String field, long v) {
    node.put(field, v);
    return this;
  }

  public JsonOut node(String field, JsonNode v) {
    node.set(field, v == null ? NODES.nullNode() : v);
    return this;
  }

  public <T> JsonOut list(String field, List<T> items, Function<T, JsonNode> item) {
    ArrayNode a = node.putArray(field);
    for (T t : items) a.add(item.apply(t));
    return this;
  }

  public JsonOut dataList(String field, List<Bytes> items) {
    return list(field, items, b -> NODES.textNode(b.toHex()));
  }

  public ObjectNode build() {
    return node;
  }
}
