package dev.opal.evm.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opal.block.Log;
import dev.opal.config.EthereumFork;
import dev.opal.config.GenesisAccount;
import dev.opal.config.Rules;
import dev.opal.consensus.BlobGas;
import dev.opal.crypto.Keccak;
import dev.opal.evm.BlockContext;
import dev.opal.evm.TransactionProcessor;
import dev.opal.evm.TransactionResult;
import dev.opal.evm.Tracer;
import dev.opal.state.FixtureAlloc;
import dev.opal.state.GenesisState;
import dev.opal.state.StateDb;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.tx.InvalidTransactionException;
import dev.opal.tx.SignedTransaction;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.tx.TransactionValidator;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs ethereum/tests GeneralStateTests: for each test, fork and post index, execute the indexed
 * transaction on the {@code pre} state and compare the state root and the logs hash
 * (keccak of the RLP of the logs), or check the transaction is rejected when an exception is
 * expected. Forks before London are skipped: Opal's EVM implements London and later.
 */
public final class StateTestRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger CHAIN_ID = BigInteger.ONE;

  public enum Status { PASSED, FAILED, SKIPPED }

  public record Result(String name, Status status, String detail) {}

  private final String forkFilter;
  private final Tracer tracer;

  /** @param forkFilter a fixture fork name to run (e.g. "Cancun"), or null for every fork present */
  public StateTestRunner(String forkFilter, Tracer tracer) {
    this.forkFilter = forkFilter;
    this.tracer = tracer;
  }

  public List<Result> runFile(Path file) throws IOException {
    List<Result> results = new ArrayList<>();
    JsonNode root = JSON.readTree(Files.readAllBytes(file));
    for (Map.Entry<String, JsonNode> test : root.properties()) {
      JsonNode t = test.getValue();
      if (!t.has("post") || !t.has("pre") || !t.has("env")) {
        results.add(new Result(test.getKey(), Status.FAILED, "not a state test (no pre/env/post)"));
        continue;
      }
      Map<Address, GenesisAccount> pre = FixtureAlloc.read(t.get("pre"));
      for (Map.Entry<String, JsonNode> forkEntry : t.get("post").properties()) {
        String forkName = forkEntry.getKey();
        if (forkFilter != null && !forkFilter.equalsIgnoreCase(forkName)) continue;
        EthereumFork fork;
        try {
          fork = EthereumFork.fromTestName(forkName);
        } catch (IllegalArgumentException e) {
          results.add(new Result(test.getKey() + "/" + forkName, Status.SKIPPED, "unknown fork " + forkName));
          continue;
        }
        int index = 0;
        for (JsonNode post : forkEntry.getValue()) {
          String name = test.getKey() + "/" + forkName + "/" + index++;
          if (!fork.isAtLeast(EthereumFork.LONDON)) {
            results.add(new Result(name, Status.SKIPPED, "forks before London are not implemented"));
            continue;
          }
          results.add(runOne(name, t.get("env"), pre, fork, post));
        }
      }
    }
    return results;
  }

  private Result runOne(String name, JsonNode env, Map<Address, GenesisAccount> pre, EthereumFork fork, JsonNode post) {
    boolean expectException = post.has("expectException");
    try {
      InMemoryNodeStore store = new InMemoryNodeStore();
      Hash preRoot = GenesisState.commit(store, pre);
      StateDb state = new StateDb(store, preRoot);
      BlockContext block = blockContext(env, fork);
      List<Log> logs = List.of();
      try {
        Transaction tx = TransactionDecoder.decode(Hex.decodeLenient(post.get("txbytes").asText()));
        if (!(tx instanceof SignedTransaction signed)) throw new InvalidTransactionException("not a signed transaction");
        Address sender = new TransactionValidator(fork, CHAIN_ID).validate(signed);
        TransactionResult r = new TransactionProcessor(state, block, tracer).apply(signed, sender, block.gasLimit());
        logs = r.logs();
        if (expectException) return fail(name, "expected " + post.get("expectException").asText() + " but the transaction was applied");
      } catch (InvalidTransactionException rejected) {
        if (expectException) return new Result(name, Status.PASSED, "");
        return fail(name, "transaction rejected: " + rejected.getMessage());
      }
      // As the reference runner does: a zero-value reward touches the coinbase, then EIP-161 clearing.
      state.setBalance(block.coinbase(), state.getBalance(block.coinbase()));
      state.finalizeTransaction(true);
      Hash root = state.rootHash();
      Hash logsHash = Keccak.hash256(Log.encodeList(logs));
      String wantRoot = post.get("hash").asText();
      String wantLogs = post.get("logs").asText();
      if (!root.toHex().equalsIgnoreCase(wantRoot)) return fail(name, "state root " + root.toHex() + ", expected " + wantRoot);
      if (!logsHash.toHex().equalsIgnoreCase(wantLogs)) return fail(name, "logs hash " + logsHash.toHex() + ", expected " + wantLogs);
      return new Result(name, Status.PASSED, "");
    } catch (RuntimeException | StackOverflowError e) {
      return fail(name, "error: " + e);
    }
  }

  private static Result fail(String name, String detail) {
    return new Result(name, Status.FAILED, detail);
  }

  private static BlockContext blockContext(JsonNode env, EthereumFork fork) {
    long excessBlobGas = env.has("currentExcessBlobGas") ? quantity(env, "currentExcessBlobGas").longValue() : 0;
    Hash random = env.has("currentRandom") ? Hash.of(Hex.decodeLenient(env.get("currentRandom").asText())) : Hash.ZERO;
    return new BlockContext(
        Address.fromHex(env.get("currentCoinbase").asText()),
        quantity(env, "currentNumber").longValue(),
        quantity(env, "currentTimestamp").longValue(),
        quantity(env, "currentGasLimit").longValue(),
        env.has("currentBaseFee") ? quantity(env, "currentBaseFee") : UInt256.valueOf(10),
        random,
        UInt256.fromBigInteger(BlobGas.baseFee(excessBlobGas, fork)),
        UInt256.ONE,
        StateTestRunner::testBlockHash,
        Rules.ethereum(fork));
  }

  /** The reference state-test runner's block hashes: keccak of the decimal block number. */
  private static Hash testBlockHash(long number) {
    return Keccak.hash256(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
  }

  private static UInt256 quantity(JsonNode env, String field) {
    return UInt256.fromHexLenient(env.get(field).asText());
  }
}
