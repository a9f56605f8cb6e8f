package dev.opal.execution.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.config.ChainConfig;
import dev.opal.config.EthereumFork;
import dev.opal.config.ForkSchedule;
import dev.opal.config.Genesis;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.InMemoryChainStore;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.engine.Payloads;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.execution.rpc.EngineRpc;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.client.RpcErrorException;
import dev.opal.rpc.engine.ClientVersion;
import dev.opal.rpc.engine.EngineJson;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.jwt.Jwt;
import dev.opal.rpc.jwt.JwtSecret;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.JsonRpcServer;
import dev.opal.state.FixtureAlloc;
import dev.opal.state.GenesisState;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.tx.BlobTransaction;
import dev.opal.tx.Transaction;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replays BlockchainTests fixtures through the Engine API over HTTP with JWT, as a consensus client
 * would: the engine starts from the fixture's genesis, each block goes in with engine_newPayloadV3
 * and, when VALID, becomes the head with engine_forkchoiceUpdatedV3; invalid blocks must not be
 * VALID. The head must end at {@code lastblockhash} with the {@code postState}.
 */
public final class EngineBlockTestRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration T = Duration.ofSeconds(60);

  public List<BlockchainTestRunner.Result> runFile(Path file) throws IOException {
    List<BlockchainTestRunner.Result> results = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : JSON.readTree(Files.readAllBytes(file)).properties()) results.add(run(e.getKey(), e.getValue()));
    return results;
  }

  private BlockchainTestRunner.Result run(String name, JsonNode t) {
    EthereumFork fork;
    try {
      fork = EthereumFork.fromTestName(t.get("network").asText());
    } catch (IllegalArgumentException e) {
      return new BlockchainTestRunner.Result(name, BlockchainTestRunner.Status.SKIPPED, "network " + t.get("network").asText() + " is not a single fork");
    }
    if (!fork.isAtLeast(EthereumFork.CANCUN) || fork.isAtLeast(EthereumFork.PRAGUE)) {
      return new BlockchainTestRunner.Result(name, BlockchainTestRunner.Status.SKIPPED, "the Engine API replay covers Cancun fixtures (newPayloadV3)");
    }
    Map<EthereumFork, Long> times = new EnumMap<>(EthereumFork.class);
    times.put(EthereumFork.SHANGHAI, 0L);
    times.put(EthereumFork.CANCUN, 0L);
    ChainConfig config = new ChainConfig(BigInteger.ONE, ForkSchedule.ethereum(times), null);
    Block genesisBlock = Block.decode(Hex.decodeLenient(t.get("genesisRLP").asText()));
    BlockHeader g = genesisBlock.header();
    Genesis genesis = new Genesis(config, g.timestamp(), g.extraData(), g.gasLimit(), g.difficulty(), g.mixHash(), g.coinbase(), g.baseFeePerGas(),
        g.number(), g.parentHash(), g.excessBlobGas(), g.blobGasUsed(), FixtureAlloc.read(t.get("pre")));
    Blockchain chain = new Blockchain(config, genesis, new InMemoryNodeStore(), new InMemoryChainStore());
    if (!chain.genesis().hash().equals(g.hash())) return fail(name, "genesis hash " + chain.genesis().hash() + ", fixture " + g.hash());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    JwtSecret secret = new JwtSecret(key);
    JsonRpcDispatcher d = new JsonRpcDispatcher(JSON);
    EngineRpc.register(d, new EngineApi(chain, new PayloadBuilder(chain, null)), new ClientVersion("OP", "Opal", "blocktest", "00000000"));
    try (JsonRpcServer server = new JsonRpcServer("blocktest", d, new Jwt(secret), 1).start("127.0.0.1", 0)) {
      JsonRpcClient client = new JsonRpcClient(URI.create("http://127.0.0.1:" + server.port()), new Jwt(secret));
      int index = 0;
      for (JsonNode b : t.get("blocks")) {
        String problem = submit(client, b, index++);
        if (problem != null) return fail(name, problem);
      }
    }
    String last = t.get("lastblockhash").asText();
    if (!chain.head().hash().toHex().equalsIgnoreCase(last)) return fail(name, "head " + chain.head().hash() + ", expected " + last);
    if (t.has("postState")) {
      Hash expected = GenesisState.commit(new InMemoryNodeStore(), FixtureAlloc.read(t.get("postState")));
      if (!expected.equals(chain.head().block().header().stateRoot())) return fail(name, "post state differs");
    }
    return new BlockchainTestRunner.Result(name, BlockchainTestRunner.Status.PASSED, "");
  }

  /** Sends one fixture block; null when the engine answered as the fixture expects. */
  private static String submit(JsonRpcClient client, JsonNode fixtureBlock, int index) {
    boolean expectInvalid = fixtureBlock.has("expectException");
    Block block;
    try {
      block = Block.decode(Hex.decodeLenient(fixtureBlock.get("rlp").asText()));
    } catch (RuntimeException undecodable) {
      return expectInvalid ? null : "block " + index + " does not decode: " + undecodable.getMessage();
    }
    BlockHeader h = block.header();
    ChainConfig any = new ChainConfig(BigInteger.ONE, ForkSchedule.ethereum(Map.of(EthereumFork.SHANGHAI, 0L, EthereumFork.CANCUN, 0L)), null);
    ArrayNode hashes = JSON.createArrayNode();
    for (Transaction tx : block.transactions()) if (tx instanceof BlobTransaction blob) blob.blobVersionedHashes().forEach(x -> hashes.add(x.toHex()));
    String status;
    try {
      var payload = Payloads.toPayload(block, any.forks().rulesAt(h.timestamp()));
      JsonNode r = client.call(T, "engine_newPayloadV3", EngineJson.encode(payload), hashes,
          (h.parentBeaconBlockRoot() == null ? Hash.ZERO : h.parentBeaconBlockRoot()).toHex());
      status = r.get("status").asText();
    } catch (RpcErrorException e) {
      return expectInvalid ? null : "block " + index + " got error " + e.getMessage();
    } catch (RuntimeException e) {
      return expectInvalid ? null : "block " + index + ": " + e;
    }
    if (expectInvalid) return "VALID".equals(status) ? "block " + index + " accepted but expected " + fixtureBlock.get("expectException").asText() : null;
    if (!"VALID".equals(status)) return "block " + index + " answered " + status;
    client.call(T, "engine_forkchoiceUpdatedV3", EngineJson.encode(new ForkchoiceState(h.hash(), Hash.ZERO, Hash.ZERO)), null);
    return null;
  }

  private static BlockchainTestRunner.Result fail(String name, String detail) {
    return new BlockchainTestRunner.Result(name, BlockchainTestRunner.Status.FAILED, detail);
  }
}
