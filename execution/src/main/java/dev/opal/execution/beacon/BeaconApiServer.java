package dev.opal.execution.beacon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.StoredBlock;
import dev.opal.execution.txpool.BlobSidecars;
import dev.opal.rpc.server.HttpEndpoint;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the Beacon API (ethereum/beacon-APIs) a rollup node reads blobs through, for an L1
 * without a consensus client (the devnet's): {@code /eth/v1/beacon/genesis},
 * {@code /eth/v1/config/spec}, {@code /eth/v1/node/version}, {@code /eth/v1/beacon/blob_sidecars/{slot}}
 * (with {@code indices}) and {@code /eth/v1/beacon/blobs/{slot}} (with {@code versioned_hashes}).
 * Each L1 block is its own slot: slot = (timestamp − genesis time) / seconds per slot, with the L1
 * block time as the slot length. Sidecar block headers and inclusion proofs are zeros: there is no
 * beacon block to prove against.
 */
public final class BeaconApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BeaconApiServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ZERO32 = Hash.ZERO.toHex();
  private static final int INCLUSION_PROOF_DEPTH = 17;

  private final Blockchain chain;
  private final BlobSidecars blobs;
  private final long secondsPerSlot;
  private HttpEndpoint endpoint;

  public BeaconApiServer(Blockchain chain, BlobSidecars blobs, long secondsPerSlot) {
    this.chain = chain;
    this.blobs = blobs;
    this.secondsPerSlot = secondsPerSlot;
  }

  public BeaconApiServer start(String host, int port) {
    endpoint = HttpEndpoint.listen("beacon API", host, port, new HttpServerOptions(), s -> s.requestHandler(this::onRequest));
    LOG.info("L1 beacon API (blobs) listening on http://{}:{}", host, endpoint.port());
    return this;
  }

  public int port() {
    return endpoint.port();
  }

  /** An error the API reports with an HTTP status, as beacon nodes do ({@code {"code":…,"message":…}}). */
  private static final class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private void onRequest(HttpServerRequest req) {
    if (req.method() != HttpMethod.GET) {
      reply(req, 405, error(405, "only GET is served"));
      return;
    }
    String path = req.path();
    try {
      ObjectNode body;
      if (path.equals("/eth/v1/beacon/genesis")) body = genesis();
      else if (path.equals("/eth/v1/config/spec")) body = data(JSON.createObjectNode().put("SECONDS_PER_SLOT", Long.toString(secondsPerSlot)));
      else if (path.equals("/eth/v1/node/version")) body = data(JSON.createObjectNode().put("version", "Opal/devnet-l1"));
      else if (path.startsWith("/eth/v1/beacon/blob_sidecars/")) body = sidecars(blockAt(path.substring(29)), req.params().getAll("indices"));
      else if (path.startsWith("/eth/v1/beacon/blobs/")) body = blobs(blockAt(path.substring(21)), req.params().getAll("versioned_hashes"));
      else throw new ApiError(404, "no route " + path);
      reply(req, 200, body);
    } catch (ApiError e) {
      reply(req, e.status, error(e.status, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("Beacon API {} failed: {}", path, e.toString());
      reply(req, 500, error(500, e.getMessage()));
    }
  }

  private ObjectNode genesis() {
    ObjectNode g = JSON.createObjectNode();
    g.put("genesis_time", Long.toString(chain.genesis().block().header().timestamp()));
    g.put("genesis_validators_root", ZERO32);
    g.put("genesis_fork_version", "0x00000000");
    return data(g);
  }

  /** The canonical L1 block of a slot ({@code head}, {@code genesis}, {@code finalized} or a number); 404 if the slot is empty. */
  private StoredBlock blockAt(String blockId) {
    switch (blockId) {
      case "head": return chain.head();
      case "genesis": return chain.genesis();
      case "finalized": return chain.finalized();
      default: break;
    }
    long slot;
    try {
      slot = Long.parseUnsignedLong(blockId);
    } catch (NumberFormatException e) {
      throw new ApiError(400, "invalid block id " + blockId);
    }
    long genesisTime = chain.genesis().block().header().timestamp();
    // timestamps rise with the block number: binary search for the first block at or after the slot's start
    long lo = 0, hi = chain.head().number();
    long start = genesisTime + slot * secondsPerSlot;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (chain.canonicalBlock(mid).block().header().timestamp() < start) lo = mid + 1;
      else hi = mid;
    }
    StoredBlock b = chain.canonicalBlock(lo);
    if (b == null || (b.block().header().timestamp() - genesisTime) / secondsPerSlot != slot) throw new ApiError(404, "no block in slot " + slot);
    return b;
  }

  private record IndexedBlob(long index, Hash hash, BlobSidecars.Sidecar sidecar) {}

  /** The block's blobs in block order, each with its index among them; 404 if this node no longer has one. */
  private List<IndexedBlob> blobsOf(StoredBlock b) {
    List<IndexedBlob> out = new ArrayList<>();
    long index = 0;
    for (Hash h : b.block().blobVersionedHashes()) {
      BlobSidecars.Sidecar s = blobs.get(h);
      if (s == null) throw new ApiError(404, "blob " + h + " of block " + b.number() + " is not available");
      out.add(new IndexedBlob(index++, h, s));
    }
    return out;
  }

  private ObjectNode sidecars(StoredBlock b, List<String> indices) {
    Set<Long> wanted = new HashSet<>();
    for (String i : indices) for (String part : i.split(",")) wanted.add(parseIndex(part));
    ArrayNode data = JSON.createArrayNode();
    long slot = (b.block().header().timestamp() - chain.genesis().block().header().timestamp()) / secondsPerSlot;
    for (IndexedBlob ib : blobsOf(b)) {
      if (!wanted.isEmpty() && !wanted.contains(ib.index())) continue;
      ObjectNode sc = data.addObject();
      sc.put("index", Long.toString(ib.index()));
      sc.put("blob", Hex.encode(ib.sidecar().blob()));
      sc.put("kzg_commitment", Hex.encode(ib.sidecar().commitment()));
      sc.put("kzg_proof", Hex.encode(ib.sidecar().proof()));
      ObjectNode header = sc.putObject("signed_block_header");
      ObjectNode message = header.putObject("message");
      message.put("slot", Long.toString(slot));
      message.put("proposer_index", "0");
      message.put("parent_root", ZERO32);
      message.put("state_root", ZERO32);
      message.put("body_root", ZERO32);
      header.put("signature", Hex.encode(new byte[96]));
      ArrayNode proof = sc.putArray("kzg_commitment_inclusion_proof");
      for (int i = 0; i < INCLUSION_PROOF_DEPTH; i++) proof.add(ZERO32);
    }
    return data(data);
  }

  private ObjectNode blobs(StoredBlock b, List<String> versionedHashes) {
    Set<Hash> wanted = new HashSet<>();
    for (String h : versionedHashes) {
      for (String part : h.split(",")) {
        try {
          wanted.add(Hash.fromHex(part.trim()));
        } catch (RuntimeException e) {
          throw new ApiError(400, "invalid versioned hash " + part);
        }
      }
    }
    ArrayNode data = JSON.createArrayNode();
    for (IndexedBlob ib : blobsOf(b)) if (wanted.isEmpty() || wanted.contains(ib.hash())) data.add(Hex.encode(ib.sidecar().blob()));
    return data(data);
  }

  private static long parseIndex(String s) {
    try {
      return Long.parseUnsignedLong(s.trim());
    } catch (NumberFormatException e) {
      throw new ApiError(400, "invalid blob index " + s);
    }
  }

  private static ObjectNode data(com.fasterxml.jackson.databind.JsonNode value) {
    ObjectNode o = JSON.createObjectNode();
    o.put("execution_optimistic", false);
    o.put("finalized", false);
    o.set("data", value);
    return o;
  }

  private static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("code", code).put("message", message);
  }

  private static void reply(HttpServerRequest req, int status, ObjectNode body) {
    req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
  }

  @Override
  public void close() {
    if (endpoint != null) endpoint.close();
  }
}
