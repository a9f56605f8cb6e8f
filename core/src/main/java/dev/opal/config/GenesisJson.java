package dev.opal.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.types.Address;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.util.Map;

/** Writes a {@link Genesis} as op-geth's genesis.json, so other tools (and {@code opal engine}) can start the same chain. */
public final class GenesisJson {
  private static final String[] OP_TIMES = {"regolithTime", "canyonTime", "deltaTime", "ecotoneTime", "fjordTime", "graniteTime",
      "holoceneTime", "isthmusTime", "jovianTime"};

  private GenesisJson() {}

  public static String write(Genesis g) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ObjectNode c = root.putObject("config");
    ChainConfig cfg = g.config();
    c.put("chainId", cfg.chainId());
    for (String block : new String[] {"homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock", "constantinopleBlock",
        "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock"}) {
      c.put(block, 0);
    }
    c.put("terminalTotalDifficulty", 0);
    ForkSchedule forks = cfg.forks();
    putTime(c, "shanghaiTime", forks.activationTime(EthereumFork.SHANGHAI));
    putTime(c, "cancunTime", forks.activationTime(EthereumFork.CANCUN));
    putTime(c, "pragueTime", forks.activationTime(EthereumFork.PRAGUE));
    if (cfg.isOptimism()) {
      c.put("bedrockBlock", 0);
      for (int i = 0; i < OP_TIMES.length; i++) putTime(c, OP_TIMES[i], forks.activationTime(OpFork.values()[i + 1]));
      ObjectNode op = c.putObject("optimism");
      op.put("eip1559Elasticity", cfg.eip1559().elasticity());
      op.put("eip1559Denominator", cfg.eip1559().denominator());
      op.put("eip1559DenominatorCanyon", cfg.eip1559().denominatorCanyon());
    }
    root.put("timestamp", Hex.encodeQuantity(g.timestamp()));
    root.put("extraData", g.extraData().toHex());
    root.put("gasLimit", Hex.encodeQuantity(g.gasLimit()));
    root.put("difficulty", Hex.encodeQuantity(g.difficulty()));
    root.put("mixHash", g.mixHash().toHex());
    root.put("coinbase", g.coinbase().toHex());
    root.put("baseFeePerGas", Hex.encodeQuantity(g.baseFeePerGas().toBigInteger()));
    root.put("number", Hex.encodeQuantity(g.number()));
    root.put("parentHash", g.parentHash().toHex());
    if (g.excessBlobGas() != null) root.put("excessBlobGas", Hex.encodeQuantity(g.excessBlobGas()));
    if (g.blobGasUsed() != null) root.put("blobGasUsed", Hex.encodeQuantity(g.blobGasUsed()));
    ObjectNode alloc = root.putObject("alloc");
    for (Map.Entry<Address, GenesisAccount> e : g.alloc().entrySet()) {
      ObjectNode a = alloc.putObject(e.getKey().toHex());
      GenesisAccount acc = e.getValue();
      a.put("balance", Hex.encodeQuantity(acc.balance().toBigInteger()));
      if (acc.nonce() != 0) a.put("nonce", Hex.encodeQuantity(acc.nonce()));
      if (!acc.code().isEmpty()) a.put("code", acc.code().toHex());
      if (!acc.storage().isEmpty()) {
        ObjectNode s = a.putObject("storage");
        for (Map.Entry<UInt256, UInt256> slot : acc.storage().entrySet()) {
          s.put(dev.opal.types.Bytes.wrap(slot.getKey().toBytes32()).toHex(), dev.opal.types.Bytes.wrap(slot.getValue().toBytes32()).toHex());
        }
      }
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putTime(ObjectNode c, String field, Long time) {
    if (time != null) c.put(field, time);
  }
}
