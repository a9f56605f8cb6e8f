package dev.opal.execution.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.block.Log;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.rpc.server.RpcException;
import dev.opal.rpc.server.SubscriptionHandler;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** {@code eth_subscribe} for {@code newHeads} and {@code logs} (geth's pub-sub), fed by the chain's new canonical blocks. */
public final class EthSubscriptions implements SubscriptionHandler {
  private record Subscription(boolean heads, LogFilter filter, Consumer<JsonNode> sink) {}

  private final Map<String, Subscription> active = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final java.math.BigInteger chainId;

  public EthSubscriptions(Blockchain chain) {
    this.chainId = chain.config().chainId();
    chain.onNewCanonicalBlock(this::publish);
  }

  @Override
  public String subscribe(JsonNode params, Consumer<JsonNode> sink) {
    String kind = params.path(0).asText();
    Subscription s = switch (kind) {
      case "newHeads" -> new Subscription(true, null, sink);
      case "logs" -> new Subscription(false, LogFilter.parse(params.path(1)), sink);
      default -> throw new RpcException(-32602, "unsupported subscription " + kind + " (newHeads, logs)");
    };
    byte[] idBytes = new byte[16];
    random.nextBytes(idBytes);
    String id = "0x" + HexFormat.of().formatHex(idBytes);
    active.put(id, s);
    return id;
  }

  @Override
  public boolean unsubscribe(String id) {
    return active.remove(id) != null;
  }

  private void publish(StoredBlock b) {
    if (active.isEmpty()) return;
    ObjectNode header = null;
    for (Subscription s : active.values()) {
      if (s.heads()) {
        if (header == null) {
          header = EthJson.block(b, false, chainId);
          header.remove("transactions");
          header.remove("uncles");
          header.remove("withdrawals");
        }
        s.sink().accept(header);
        continue;
      }
      long logIndex = 0;
      for (int i = 0; i < b.execution().receipts().size(); i++) {
        for (Log log : b.execution().receipts().get(i).logs()) {
          if (s.filter().matches(log)) s.sink().accept(EthJson.log(log, b, i, logIndex));
          logIndex++;
        }
      }
    }
  }
}
