package dev.opal.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.config.GenesisAccount;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an ethereum/tests {@code pre} / {@code postState} object (hex strings everywhere) into genesis accounts. */
public final class FixtureAlloc {
  private FixtureAlloc() {}

  public static Map<Address, GenesisAccount> read(JsonNode pre) {
    Map<Address, GenesisAccount> alloc = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : pre.properties()) {
      JsonNode a = e.getValue();
      Map<UInt256, UInt256> storage = new LinkedHashMap<>();
      a.get("storage").properties().forEach(s -> storage.put(UInt256.fromHexLenient(s.getKey()), UInt256.fromHexLenient(s.getValue().asText())));
      alloc.put(Address.fromHex(e.getKey()), new GenesisAccount(
          UInt256.fromHexLenient(a.get("nonce").asText()).longValue(),
          UInt256.fromHexLenient(a.get("balance").asText()),
          Bytes.wrap(Hex.decodeLenient(a.get("code").asText())),
          storage));
    }
    return alloc;
  }
}
