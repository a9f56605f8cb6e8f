package dev.opal.execution.engine;

import static dev.opal.execution.engine.EngineApiException.INVALID_FORKCHOICE_STATE;
import static dev.opal.execution.engine.EngineApiException.INVALID_PARAMS;
import static dev.opal.execution.engine.EngineApiException.INVALID_PAYLOAD_ATTRIBUTES;
import static dev.opal.execution.engine.EngineApiException.TOO_LARGE_REQUEST;
import static dev.opal.execution.engine.EngineApiException.UNKNOWN_PAYLOAD;
import static dev.opal.execution.engine.EngineApiException.UNSUPPORTED_FORK;

import dev.opal.block.Block;
import dev.opal.config.EthereumFork;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.execution.chain.UnknownParentException;
import dev.opal.execution.core.InvalidBlockException;
import dev.opal.execution.miner.BuiltPayload;
import dev.opal.execution.miner.InvalidPayloadAttributesException;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.execution.miner.PayloadIds;
import dev.opal.optimism.Eip1559Params;
import dev.opal.rpc.engine.BlobsBundle;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ExecutionPayloadBody;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadId;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.tx.Transaction;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Engine API methods over the chain and the payload builder, with each version's checks as
 * the execution-apis spec and op-geth's OP rules define them (see ../shared/notes and
 * execution-apis src/engine). Calls are serialised: the engine has one forkchoice.
 */
public final class EngineApi {
  private static final Logger LOG = LoggerFactory.getLogger(EngineApi.class);
  private static final int TRACKED_PAYLOADS = 10;
  private static final int MAX_BODIES = 1024;

  private final Blockchain chain;
  private final PayloadBuilder builder;
  private final Map<PayloadId, BuiltPayload> payloads = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<PayloadId, BuiltPayload> eldest) {
      return size() > TRACKED_PAYLOADS;
    }
  };

  public EngineApi(Blockchain chain, PayloadBuilder builder) {
    this.chain = chain;
    this.builder = builder;
  }

  public Blockchain chain() {
    return chain;
  }

  // ---------------------------------------------------------------- forkchoiceUpdated

  public synchronized ForkchoiceUpdatedResult forkchoiceUpdated(int version, ForkchoiceState fcs, PayloadAttributes attrs) {
    if (attrs != null) checkAttributesVersion(version, attrs);
    if (fcs.headBlockHash().isZero()) return new ForkchoiceUpdatedResult(PayloadStatus.invalid(null, null), null);
    if (attrs != null) checkOpAttributes(attrs);
    StoredBlock head = chain.block(fcs.headBlockHash());
    if (head == null) return new ForkchoiceUpdatedResult(PayloadStatus.syncing(), null);
    StoredBlock safe = marker(fcs.safeBlockHash(), "safe");
    StoredBlock finalized = marker(fcs.finalizedBlockHash(), "finalized");
    StoredBlock current = chain.head();
    // OP: a canonical block older than the head does not rewind the chain (the sequencer may build on it).
    if (!chain.isCanonical(head.hash()) || head.number() >= current.number()) chain.setHead(head.hash());
    if (finalized != null) {
      if (!chain.isCanonical(finalized.hash())) throw new EngineApiException(INVALID_FORKCHOICE_STATE, "final block not canonical");
      chain.setFinalized(finalized.hash());
    }
    if (safe != null) {
      if (!chain.isCanonical(safe.hash())) throw new EngineApiException(INVALID_FORKCHOICE_STATE, "safe block not canonical");
      chain.setSafe(safe.hash());
    }
    if (attrs == null) return new ForkchoiceUpdatedResult(PayloadStatus.valid(head.hash()), null);
    PayloadId id = PayloadIds.of(head.hash(), attrs, version);
    if (!payloads.containsKey(id)) {
      try {
        BuiltPayload built = builder.build(head.block().header(), attrs, id, false); // the pool fills it at getPayload
        payloads.put(id, built);
        LOG.debug("Started payload {} on block {} ({})", id, head.number(), head.hash());
      } catch (InvalidPayloadAttributesException e) {
        throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, e.getMessage());
      }
    }
    return new ForkchoiceUpdatedResult(PayloadStatus.valid(head.hash()), id);
  }

  private StoredBlock marker(Hash hash, String what) {
    if (hash.isZero()) return null;
    StoredBlock b = chain.block(hash);
    if (b == null) throw new EngineApiException(INVALID_FORKCHOICE_STATE, what + " block not available in database");
    return b;
  }

  /** The structure version must match the method version and the fork at the attributes' timestamp. */
  private void checkAttributesVersion(int version, PayloadAttributes a) {
    Rules rules = chain.rulesAt(a.timestamp());
    boolean shanghai = rules.isAtLeast(EthereumFork.SHANGHAI);
    boolean cancun = rules.isAtLeast(EthereumFork.CANCUN);
    switch (version) {
      case 1 -> {
        if (a.withdrawals() != null || a.parentBeaconBlockRoot() != null) throw new EngineApiException(INVALID_PARAMS, "withdrawals not supported in V1");
        if (shanghai) throw new EngineApiException(INVALID_PARAMS, "forkChoiceUpdateV1 called post-shanghai");
      }
      case 2 -> {
        if (a.parentBeaconBlockRoot() != null) throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "unexpected beacon root");
        if (shanghai != (a.withdrawals() != null)) throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, shanghai ? "missing withdrawals" : "unexpected withdrawals");
        if (cancun) throw new EngineApiException(UNSUPPORTED_FORK, "forkchoiceUpdatedV2 is not for Cancun/Ecotone payloads");
      }
      case 3 -> {
        if (a.withdrawals() == null) throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "missing withdrawals");
        if (a.parentBeaconBlockRoot() == null) throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "missing beacon root");
        if (!cancun) throw new EngineApiException(UNSUPPORTED_FORK, "forkchoiceUpdatedV3 needs Cancun/Ecotone");
      }
      default -> throw new EngineApiException(UNSUPPORTED_FORK, "unsupported forkchoiceUpdated version " + version);
    }
  }

  /** op-geth checkOptimismPayloadAttributes: rejected before the forkchoice is applied. */
  private void checkOpAttributes(PayloadAttributes a) {
    Rules rules = chain.rulesAt(a.timestamp());
    if (!rules.isOptimism()) return;
    if (a.gasLimit() == null) throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "gasLimit parameter is required");
    if (rules.isAtLeast(OpFork.CANYON) && a.withdrawals() != null && !a.withdrawals().isEmpty()) {
      throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "withdrawals must be empty on an OP chain");
    }
    if (rules.isAtLeast(OpFork.HOLOCENE)) {
      if (a.eip1559Params() == null) throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "missing eip1559Params");
      try {
        Eip1559Params.fromAttributes(a.eip1559Params().toArrayUnsafe());
      } catch (IllegalArgumentException e) {
        throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, e.getMessage());
      }
    } else if (a.eip1559Params() != null && !a.eip1559Params().isEmpty()) {
      throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "eip1559Params not supported before Holocene");
    }
    if (rules.isAtLeast(OpFork.JOVIAN) && a.minBaseFee() == null) throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "missing minBaseFee");
    if (!rules.isAtLeast(OpFork.JOVIAN) && a.minBaseFee() != null) throw new EngineApiException(INVALID_PAYLOAD_ATTRIBUTES, "minBaseFee before Jovian");
  }

  // ---------------------------------------------------------------- getPayload

  /** V1 returns the bare payload; V2+ the envelope. The id's first byte is the fcU version (op-geth). */
  public synchronized Object getPayload(int version, PayloadId id) {
    int idVersion = (int) (id.value() >>> 56);
    boolean versionOk = switch (version) {
      case 1 -> idVersion == 1;
      case 2 -> idVersion == 1 || idVersion == 2;
      case 3, 4 -> idVersion == 3;
      default -> false;
    };
    BuiltPayload built = payloads.get(id);
    if (built == null) throw new EngineApiException(UNKNOWN_PAYLOAD, "Unknown payload");
    if (!versionOk) throw new EngineApiException(UNSUPPORTED_FORK, "payload id version " + idVersion + " does not match getPayloadV" + version);
    built = rebuildWithPool(built);
    Rules rules = chain.rulesAt(built.block().block().header().timestamp());
    if (version == 4 && !rules.isAtLeast(EthereumFork.PRAGUE)) throw new EngineApiException(UNSUPPORTED_FORK, "getPayloadV4 needs Prague/Isthmus");
    if (version == 3 && rules.isAtLeast(EthereumFork.PRAGUE)) throw new EngineApiException(UNSUPPORTED_FORK, "getPayloadV3 is not for Prague/Isthmus");
    ExecutionPayload payload = Payloads.toPayload(built.block().block(), rules);
    if (version == 1) return payload;
    Hash beaconRoot = built.block().block().header().parentBeaconBlockRoot();
    return new PayloadEnvelope(payload, built.blockValue(), version >= 3 ? BlobsBundle.EMPTY : null, version >= 3 ? false : null,
        version >= 3 ? beaconRoot : null, version >= 4 ? List.of() : null);
  }

  /** A sequencer's payload is filled from the pool when it is requested (once: later requests get the same block). */
  private BuiltPayload rebuildWithPool(BuiltPayload built) {
    if (built.attributes().noTxPool() || built.filled()) return built;
    StoredBlock parent = chain.block(built.block().block().header().parentHash());
    try {
      BuiltPayload fresh = builder.build(parent.block().header(), built.attributes(), built.id(), true);
      payloads.put(built.id(), fresh);
      return fresh;
    } catch (RuntimeException e) {
      LOG.warn("Rebuilding payload {} failed, keeping the first build: {}", built.id(), e.getMessage());
    }
    return built;
  }

  // ---------------------------------------------------------------- newPayload

  public synchronized PayloadStatus newPayload(int version, ExecutionPayload p, List<Hash> versionedHashes, Hash beaconRoot,
      List<Bytes> executionRequests) {
    Rules rules = chain.rulesAt(p.timestamp());
    checkPayloadVersion(version, p, versionedHashes, beaconRoot, executionRequests, rules);
    String opProblem = opPayloadProblem(p, rules);
    if (opProblem != null) return PayloadStatus.invalid(null, opProblem);
    Block block;
    try {
      block = Payloads.toBlock(p, beaconRoot, rules);
      if (versionedHashes != null && !block.blobVersionedHashes().equals(versionedHashes)) {
        throw new IllegalArgumentException("blob versioned hashes do not match the transactions");
      }
    } catch (IllegalArgumentException e) {
      return version == 1 ? new PayloadStatus(PayloadStatus.Status.INVALID_BLOCK_HASH, null, e.getMessage()) : PayloadStatus.invalid(null, e.getMessage());
    }
    if (chain.block(block.header().hash()) != null) return PayloadStatus.valid(block.header().hash());
    StoredBlock parent = chain.block(block.header().parentHash());
    if (parent == null) return PayloadStatus.syncing();
    if (Long.compareUnsigned(block.header().timestamp(), parent.block().header().timestamp()) <= 0) {
      return PayloadStatus.invalid(parent.hash(), "invalid timestamp");
    }
    try {
      chain.importBlock(block);
    } catch (UnknownParentException e) {
      return PayloadStatus.syncing();
    } catch (InvalidBlockException | IllegalArgumentException e) {
      LOG.warn("Invalid payload {} ({}): {}", p.blockNumber(), p.blockHash(), e.getMessage());
      return PayloadStatus.invalid(parent.hash(), e.getMessage());
    }
    return PayloadStatus.valid(block.header().hash());
  }

  private static void checkPayloadVersion(int version, ExecutionPayload p, List<Hash> hashes, Hash beaconRoot, List<Bytes> requests,
      Rules rules) {
    boolean shanghai = rules.isAtLeast(EthereumFork.SHANGHAI);
    boolean cancun = rules.isAtLeast(EthereumFork.CANCUN);
    boolean prague = rules.isAtLeast(EthereumFork.PRAGUE);
    switch (version) {
      case 1 -> {
        if (p.withdrawals() != null) throw new EngineApiException(INVALID_PARAMS, "withdrawals not supported in V1");
      }
      case 2 -> {
        if (cancun) throw new EngineApiException(INVALID_PARAMS, "can't use newPayloadV2 post-cancun");
        if (shanghai != (p.withdrawals() != null)) throw new EngineApiException(INVALID_PARAMS, shanghai ? "nil withdrawals post-shanghai" : "non-nil withdrawals pre-shanghai");
        if (p.blobGasUsed() != null || p.excessBlobGas() != null) throw new EngineApiException(INVALID_PARAMS, "non-nil blob gas fields pre-cancun");
      }
      case 3, 4 -> {
        if (p.withdrawals() == null) throw new EngineApiException(INVALID_PARAMS, "nil withdrawals post-shanghai");
        if (p.excessBlobGas() == null || p.blobGasUsed() == null) throw new EngineApiException(INVALID_PARAMS, "nil blob gas fields post-cancun");
        if (hashes == null) throw new EngineApiException(INVALID_PARAMS, "nil versionedHashes post-cancun");
        if (beaconRoot == null) throw new EngineApiException(INVALID_PARAMS, "nil beaconRoot post-cancun");
        if (version == 3) {
          if (!cancun || prague) throw new EngineApiException(UNSUPPORTED_FORK, "newPayloadV3 must only be called for cancun/ecotone payloads");
        } else {
          if (requests == null) throw new EngineApiException(INVALID_PARAMS, "nil executionRequests post-prague");
          if (!prague) throw new EngineApiException(UNSUPPORTED_FORK, "newPayloadV4 must only be called for prague/isthmus payloads");
          if (rules.isOptimism() && p.withdrawalsRoot() == null) throw new EngineApiException(INVALID_PARAMS, "nil withdrawalsRoot post-isthmus");
        }
      }
      default -> throw new EngineApiException(UNSUPPORTED_FORK, "unsupported newPayload version " + version);
    }
  }

  /** op-geth checkOptimismPayload: answered as INVALID, not as an RPC error. */
  private static String opPayloadProblem(ExecutionPayload p, Rules rules) {
    if (!rules.isOptimism()) return null;
    if (rules.isAtLeast(OpFork.CANYON) && (p.withdrawals() == null || !p.withdrawals().isEmpty())) return "non-empty withdrawals post-Canyon";
    if (rules.isAtLeast(OpFork.HOLOCENE)) {
      try {
        Eip1559Params.fromExtraData(p.extraData().toArrayUnsafe(), rules.isAtLeast(OpFork.JOVIAN));
      } catch (IllegalArgumentException e) {
        return "invalid extraData: " + e.getMessage();
      }
    }
    if (rules.isAtLeast(OpFork.ISTHMUS) != (p.withdrawalsRoot() != null)) {
      return rules.isAtLeast(OpFork.ISTHMUS) ? "missing withdrawalsRoot post-Isthmus" : "withdrawalsRoot before Isthmus";
    }
    return null;
  }

  // ---------------------------------------------------------------- bodies

  public List<ExecutionPayloadBody> bodiesByHash(List<Hash> hashes) {
    if (hashes.size() > MAX_BODIES) throw new EngineApiException(TOO_LARGE_REQUEST, "too many hashes requested: " + hashes.size());
    List<ExecutionPayloadBody> out = new ArrayList<>(hashes.size());
    for (Hash h : hashes) {
      StoredBlock b = chain.block(h);
      out.add(b == null ? null : body(b.block()));
    }
    return out;
  }

  public List<ExecutionPayloadBody> bodiesByRange(long start, long count) {
    if (start < 1 || count < 1) throw new EngineApiException(INVALID_PARAMS, "start and count must be at least 1");
    if (count > MAX_BODIES) throw new EngineApiException(TOO_LARGE_REQUEST, "too many bodies requested: " + count);
    List<ExecutionPayloadBody> out = new ArrayList<>();
    long last = Math.min(start + count - 1, chain.head().number());
    for (long n = start; n <= last; n++) {
      StoredBlock b = chain.canonicalBlock(n);
      out.add(b == null ? null : body(b.block()));
    }
    return out;
  }

  private static ExecutionPayloadBody body(Block b) {
    List<Bytes> txs = new ArrayList<>(b.transactions().size());
    for (Transaction tx : b.transactions()) txs.add(Bytes.wrap(tx.encode()));
    return new ExecutionPayloadBody(txs, b.withdrawals());
  }
}
