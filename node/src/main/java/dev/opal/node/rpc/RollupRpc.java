package dev.opal.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.node.engine.EngineController;
import dev.opal.node.eth.L1Info;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.node.eth.L2Output;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.json.JsonIn;
import dev.opal.types.Hash;
import dev.opal.node.sequencing.Sequencer;
import dev.opal.node.sources.L1Source;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.RpcException;
import java.util.Locale;

/**
 * op-node's rollup RPC: {@code optimism_syncStatus}, {@code optimism_rollupConfig} and the
 * sequencer admin methods. JSON shapes follow op-node's (snake_case sync status, numeric numbers).
 */
public final class RollupRpc {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RollupRpc() {}

  public static void register(JsonRpcDispatcher d, RollupConfig rollup, EngineController engine, L1Source l1, Sequencer sequencer) {
    d.register("optimism_syncStatus", p -> syncStatus(engine, l1));
    d.register("optimism_rollupConfig", p -> rollupConfig(rollup));
    d.register("optimism_outputAtBlock", p -> {
      long number = JsonIn.decodeText(p.get(0), "block number", JsonIn::uint64);
      L2Output out = engine.outputAt(number);
      if (out == null) throw new RpcException(-32000, "not found: no L2 block " + number);
      ObjectNode o = NODES.objectNode();
      o.put("version", L2Output.VERSION_0.toHex());
      o.put("outputRoot", out.outputRoot().toHex());
      o.set("blockRef", l2Ref(out.block()));
      o.put("withdrawalStorageRoot", out.withdrawalStorageRoot().toHex());
      o.put("stateRoot", out.stateRoot().toHex());
      o.set("syncStatus", syncStatus(engine, l1));
      return o;
    });
    d.register("optimism_version", p -> NODES.textNode("opal"));
    // op-node's admin_postUnsafePayload: an execution payload envelope, as gossip would bring it
    d.register("admin_postUnsafePayload", p -> {
      JsonNode envelope = p.get(0);
      if (envelope == null || !envelope.isObject() || !envelope.has("executionPayload")) {
        throw new RpcException(-32602, "expected an execution payload envelope with an executionPayload");
      }
      ExecutionPayload payload;
      Hash beaconRoot;
      try {
        payload = EngineJson.executionPayload(envelope.get("executionPayload"));
        beaconRoot = JsonIn.of(envelope, "envelope").optHash("parentBeaconBlockRoot");
      } catch (IllegalArgumentException e) {
        throw new RpcException(-32602, "invalid payload envelope: " + e.getMessage());
      }
      engine.addUnsafePayload(payload, beaconRoot);
      return NODES.nullNode();
    });
    d.register("admin_sequencerActive", p -> BooleanNode.valueOf(sequencer != null && sequencer.isActive()));
    d.register("admin_stopSequencer", p -> {
      if (sequencer == null || !sequencer.isActive()) throw new RpcException(-32000, "sequencer not running");
      sequencer.setActive(false);
      return NODES.textNode(engine.unsafeHead().hash().toHex());
    });
    d.register("admin_startSequencer", p -> {
      if (sequencer == null) throw new RpcException(-32000, "this node is not a sequencer");
      if (sequencer.isActive()) throw new RpcException(-32000, "sequencer already running");
      String head = p.path(0).asText();
      if (!head.isEmpty() && !head.equalsIgnoreCase(engine.unsafeHead().hash().toHex())) {
        throw new RpcException(-32000, "block hash does not match: head " + engine.unsafeHead().hash().toHex() + ", starting from " + head);
      }
      sequencer.setActive(true);
      return NODES.nullNode();
    });
  }

  static ObjectNode syncStatus(EngineController engine, L1Source l1) {
    ObjectNode o = NODES.objectNode();
    L1Info head = l1.latest();
    L1Info finalized = l1.finalized();
    L2BlockRef unsafe = engine.unsafeHead();
    L1Info current = l1.byHash(unsafe.l1Origin().hash());
    o.set("current_l1", l1Ref(current));
    o.set("current_l1_finalized", l1Ref(finalized));
    o.set("head_l1", l1Ref(head));
    o.set("safe_l1", l1Ref(finalized));
    o.set("finalized_l1", l1Ref(finalized));
    o.set("unsafe_l2", l2Ref(unsafe));
    o.set("safe_l2", l2Ref(engine.safeHead()));
    o.set("finalized_l2", l2Ref(engine.finalizedHead()));
    o.set("pending_safe_l2", l2Ref(engine.pendingSafeHead()));
    o.set("cross_unsafe_l2", l2Ref(unsafe));
    o.set("local_safe_l2", l2Ref(engine.localSafeHead()));
    return o;
  }

  private static JsonNode l1Ref(L1Info info) {
    if (info == null) return NODES.nullNode();
    ObjectNode o = NODES.objectNode();
    o.put("hash", info.ref().hash().toHex());
    o.put("number", info.ref().number());
    o.put("parentHash", info.ref().parentHash().toHex());
    o.put("timestamp", info.ref().time());
    return o;
  }

  private static JsonNode l2Ref(L2BlockRef r) {
    if (r == null) return NODES.nullNode();
    ObjectNode o = NODES.objectNode();
    o.put("hash", r.hash().toHex());
    o.put("number", r.number());
    o.put("parentHash", r.parentHash().toHex());
    o.put("timestamp", r.time());
    ObjectNode origin = o.putObject("l1origin");
    origin.put("hash", r.l1Origin().hash().toHex());
    origin.put("number", r.l1Origin().number());
    o.put("sequenceNumber", r.sequenceNumber());
    return o;
  }

  static ObjectNode rollupConfig(RollupConfig r) {
    ObjectNode o = NODES.objectNode();
    ObjectNode genesis = o.putObject("genesis");
    genesis.putObject("l1").put("hash", r.l1Genesis().hash().toHex()).put("number", r.l1Genesis().number());
    genesis.putObject("l2").put("hash", r.l2Genesis().hash().toHex()).put("number", r.l2Genesis().number());
    genesis.put("l2_time", r.l2GenesisTime());
    ObjectNode sc = genesis.putObject("system_config");
    sc.put("batcherAddr", r.genesisSystemConfig().batcherAddr().toHex());
    sc.put("overhead", r.genesisSystemConfig().overhead().toHex());
    sc.put("scalar", r.genesisSystemConfig().scalar().toHex());
    sc.put("gasLimit", r.genesisSystemConfig().gasLimit());
    o.put("block_time", r.blockTime());
    o.put("max_sequencer_drift", r.maxSequencerDrift());
    o.put("seq_window_size", r.seqWindowSize());
    o.put("channel_timeout", r.channelTimeout());
    o.put("l1_chain_id", r.l1ChainId());
    o.put("l2_chain_id", r.l2ChainId());
    for (OpFork f : OpFork.values()) {
      Long t = r.forks().activationTime(f);
      if (f != OpFork.BEDROCK && t != null) o.put(f.name().toLowerCase(Locale.ROOT) + "_time", t);
    }
    o.put("batch_inbox_address", r.batchInboxAddress().toHex());
    o.put("deposit_contract_address", r.depositContractAddress().toHex());
    o.put("l1_system_config_address", r.l1SystemConfigAddress().toHex());
    return o;
  }
}
