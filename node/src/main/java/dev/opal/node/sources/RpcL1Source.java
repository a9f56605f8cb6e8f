package dev.opal.node.sources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.block.Log;
import dev.opal.consensus.BlobGas;
import dev.opal.config.EthereumFork;
import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L1Info;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.client.RpcErrorException;
import dev.opal.rpc.client.RpcTransportException;
import dev.opal.rpc.json.JsonIn;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * L1 over standard {@code eth_} JSON-RPC (any L1 node): blocks by number, hash or label, and a
 * block's logs via {@code eth_getLogs} with its hash, and blobs from a beacon node. Blob base fees use Cancun's update fraction
 * (Prague's from the block's {@code requestsHash} on).
 */
public final class RpcL1Source implements L1Source {
  private static final Duration T = Duration.ofSeconds(10);
  private final JsonRpcClient rpc;
  private final BeaconClient beacon;

  public RpcL1Source(JsonRpcClient rpc) {
    this(rpc, null);
  }

  /** @param beacon where blobs come from ({@code --l1.beacon}), or null if the chain's batcher posts calldata only */
  public RpcL1Source(JsonRpcClient rpc, BeaconClient beacon) {
    this.rpc = rpc;
    this.beacon = beacon;
  }

  private L1Info info(JsonNode b) {
    if (b == null || b.isNull()) return null;
    JsonIn in = JsonIn.of(b, "L1 block");
    BigInteger blobBaseFee = BigInteger.ONE;
    if (in.has("excessBlobGas")) {
      EthereumFork fork = in.has("requestsHash") ? EthereumFork.PRAGUE : EthereumFork.CANCUN;
      blobBaseFee = BlobGas.baseFee(in.quantity("excessBlobGas"), fork);
    }
    return new L1Info(new L1BlockRef(in.hash("hash"), in.quantity("number"), in.hash("parentHash"), in.quantity("timestamp")),
        in.has("baseFeePerGas") ? in.quantity256("baseFeePerGas").toBigInteger() : BigInteger.ZERO, blobBaseFee, in.hash("mixHash"),
        in.has("parentBeaconBlockRoot") ? in.hash("parentBeaconBlockRoot") : Hash.ZERO);
  }

  private JsonNode call(String method, Object... params) {
    try {
      return rpc.call(T, method, params);
    } catch (RpcErrorException | RpcTransportException e) {
      throw new IllegalStateException("L1 " + method + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public L1Info byNumber(long number) {
    return info(call("eth_getBlockByNumber", Hex.encodeQuantity(number), false));
  }

  @Override
  public L1Info byHash(Hash hash) {
    return info(call("eth_getBlockByHash", hash.toHex(), false));
  }

  @Override
  public L1Info latest() {
    return info(call("eth_getBlockByNumber", "latest", false));
  }

  @Override
  public L1Info finalized() {
    return info(call("eth_getBlockByNumber", "finalized", false));
  }

  @Override
  public List<L1Transaction> transactions(Hash blockHash) {
    JsonNode b = call("eth_getBlockByHash", blockHash.toHex(), true);
    List<L1Transaction> out = new ArrayList<>();
    if (b == null || b.isNull()) return out;
    for (JsonNode t : b.get("transactions")) {
      JsonIn in = JsonIn.of(t, "L1 transaction");
      JsonNode to = t.get("to");
      List<Hash> blobHashes = new ArrayList<>();
      JsonNode hashes = t.get("blobVersionedHashes");
      if (hashes != null && hashes.isArray()) hashes.forEach(h -> blobHashes.add(Hash.fromHex(h.asText())));
      out.add(new L1Transaction((int) in.quantity("type"), Address.fromHex(t.get("from").asText()),
          to == null || to.isNull() ? null : Address.fromHex(to.asText()), Bytes.fromHex(t.get("input").asText()), blobHashes));
    }
    return out;
  }

  @Override
  public List<byte[]> blobs(L1BlockRef block, List<Hash> versionedHashes) {
    if (beacon == null) {
      throw new IllegalStateException("L1 block " + block + " has batcher blobs, but no beacon API is configured to fetch them (--l1.beacon)");
    }
    return beacon.blobs(block, versionedHashes);
  }

  @Override
  public List<IndexedLog> logs(Hash blockHash) {
    var filter = rpc.json().createObjectNode().put("blockHash", blockHash.toHex());
    JsonNode logs = call("eth_getLogs", filter);
    List<IndexedLog> out = new ArrayList<>();
    for (JsonNode l : logs) {
      List<Hash> topics = new ArrayList<>();
      l.get("topics").forEach(t -> topics.add(Hash.fromHex(t.asText())));
      Log log = new Log(Address.fromHex(l.get("address").asText()), topics, Bytes.fromHex(l.get("data").asText()));
      out.add(new IndexedLog(log, Hex.decodeQuantity(l.get("logIndex").asText()).longValueExact()));
    }
    return out;
  }
}
