package dev.opal.execution.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.config.ChainConfig;
import dev.opal.config.EthereumFork;
import dev.opal.config.ForkSchedule;
import dev.opal.execution.core.BlockExecution;
import dev.opal.execution.core.BlockProcessor;
import dev.opal.execution.core.BlockValidator;
import dev.opal.execution.core.InvalidBlockException;
import dev.opal.rlp.RlpException;
import dev.opal.state.FixtureAlloc;
import dev.opal.state.GenesisState;
import dev.opal.state.StateDb;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.tx.InvalidTransactionException;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs ethereum/tests BlockchainTests: builds the genesis state from {@code pre}, imports every
 * block (validating the header against its parent, executing the body and checking every root,
 * the bloom and gas), expects invalid blocks to be rejected, and compares the final head with
 * {@code lastblockhash} and its state with {@code postState}.
 */
public final class BlockchainTestRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  public enum Status { PASSED, FAILED, SKIPPED }

  public record Result(String name, Status status, String detail) {}

  public List<Result> runFile(Path file) throws IOException {
    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : JSON.readTree(Files.readAllBytes(file)).properties()) {
      results.add(run(e.getKey(), e.getValue()));
    }
    return results;
  }

  private Result run(String name, JsonNode t) {
    EthereumFork fork;
    try {
      fork = EthereumFork.fromTestName(t.get("network").asText());
    } catch (IllegalArgumentException e) {
      return new Result(name, Status.SKIPPED, "network " + t.get("network").asText() + " is not a single fork");
    }
    if (!fork.isAtLeast(EthereumFork.PARIS)) return new Result(name, Status.SKIPPED, "proof-of-work networks are not implemented");
    try {
      Map<EthereumFork, Long> times = new EnumMap<>(EthereumFork.class);
      for (EthereumFork f : EthereumFork.values()) if (f.isAtLeast(EthereumFork.SHANGHAI) && fork.isAtLeast(f)) times.put(f, 0L);
      ForkSchedule forks = ForkSchedule.ethereum(times);
      ChainConfig chain = new ChainConfig(BigInteger.ONE, forks, null);
      BlockProcessor processor = new BlockProcessor(chain);
      InMemoryNodeStore store = new InMemoryNodeStore();
      Block genesis = Block.decode(Hex.decodeLenient(t.get("genesisRLP").asText()));
      Hash genesisRoot = GenesisState.commit(store, FixtureAlloc.read(t.get("pre")));
      if (!genesisRoot.equals(genesis.header().stateRoot())) return fail(name, "genesis state root " + genesisRoot.toHex());
      Map<Hash, BlockHeader> headers = new HashMap<>();
      headers.put(genesis.header().hash(), genesis.header());
      BlockHeader head = genesis.header();
      int index = 0;
      for (JsonNode b : t.get("blocks")) {
        boolean expectInvalid = b.has("expectException");
        String where = "block " + index++;
        try {
          Block block = Block.decode(Hex.decodeLenient(b.get("rlp").asText()));
          BlockHeader h = block.header();
          BlockHeader parent = headers.get(h.parentHash());
          if (parent == null) throw new InvalidBlockException("unknown parent " + h.parentHash().toHex());
          if (!block.ommers().isEmpty()) throw new InvalidBlockException("ommers are not allowed after the merge");
          if ((block.withdrawals() != null) != (h.withdrawalsRoot() != null)) {
            throw new InvalidBlockException("block body withdrawals do not match the header");
          }
          BlockValidator.validateHeader(chain, parent, h);
          StateDb state = new StateDb(store, parent.stateRoot());
          BlockExecution exec = processor.execute(state, h, block.transactions(), block.withdrawals(), n -> ancestorHash(headers, h, n));
          Hash root = state.commit();
          BlockValidator.validateExecution(h, block.transactions(), block.withdrawals(), exec, root);
          if (expectInvalid) return fail(name, where + " was imported but expected " + b.get("expectException").asText());
          headers.put(h.hash(), h);
          head = h;
        } catch (InvalidBlockException | InvalidTransactionException | RlpException | IllegalArgumentException | IllegalStateException e) {
          if (!expectInvalid) return fail(name, where + " rejected: " + e.getMessage());
        }
      }
      String lastHash = t.get("lastblockhash").asText();
      if (!head.hash().toHex().equalsIgnoreCase(lastHash)) return fail(name, "head " + head.hash().toHex() + ", expected " + lastHash);
      if (t.has("postState")) {
        Hash expected = GenesisState.commit(new InMemoryNodeStore(), FixtureAlloc.read(t.get("postState")));
        if (!expected.equals(head.stateRoot())) return fail(name, "post state differs from the head's state");
      }
      return new Result(name, Status.PASSED, "");
    } catch (RuntimeException | StackOverflowError e) {
      return fail(name, "error: " + e);
    }
  }

  /** BLOCKHASH: the hash of ancestor {@code number} of the block being executed, walking parent links. */
  private static Hash ancestorHash(Map<Hash, BlockHeader> headers, BlockHeader current, long number) {
    Hash hash = current.parentHash();
    BlockHeader h = headers.get(hash);
    while (h != null && h.number() > number) {
      hash = h.parentHash();
      h = headers.get(hash);
    }
    return h != null && h.number() == number ? hash : null;
  }

  private static Result fail(String name, String detail) {
    return new Result(name, Status.FAILED, detail);
  }
}
