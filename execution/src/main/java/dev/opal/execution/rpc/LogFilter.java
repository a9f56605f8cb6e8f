package dev.opal.execution.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.block.Log;
import dev.opal.rpc.json.JsonIn;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.util.ArrayList;
import java.util.List;

/**
 * The address and topic part of a log filter (eth_getLogs, eth_subscribe "logs"): any of the
 * addresses, and per topic position any of the alternatives (an empty position matches anything).
 */
record LogFilter(List<Address> addresses, List<List<Hash>> topics) {
  static LogFilter parse(JsonNode filter) {
    List<Address> addresses = new ArrayList<>();
    JsonNode a = filter == null ? null : filter.get("address");
    if (a != null && a.isArray()) a.forEach(x -> addresses.add(address(x)));
    else if (a != null && !a.isNull()) addresses.add(address(a));
    List<List<Hash>> topics = new ArrayList<>();
    JsonNode t = filter == null ? null : filter.get("topics");
    if (t != null && t.isArray()) {
      for (JsonNode pos : t) {
        List<Hash> alternatives = new ArrayList<>();
        if (pos.isArray()) pos.forEach(x -> alternatives.add(hash(x)));
        else if (!pos.isNull()) alternatives.add(hash(pos));
        topics.add(alternatives);
      }
    }
    return new LogFilter(addresses, topics);
  }

  boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) return false;
    for (int i = 0; i < topics.size(); i++) {
      if (topics.get(i).isEmpty()) continue;
      if (i >= log.topics().size() || !topics.get(i).contains(log.topics().get(i))) return false;
    }
    return true;
  }

  private static Address address(JsonNode n) {
    return JsonIn.decodeText(n, "address", s -> Address.of(Hex.decode(s, Address.SIZE)));
  }

  private static Hash hash(JsonNode n) {
    return JsonIn.decodeText(n, "topic", s -> Hash.wrap(Hex.decode(s, Hash.SIZE)));
  }
}
