package dev.opal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.devnet.DevAccounts;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends signed transfers from many dev accounts to a chain's JSON-RPC as fast as it accepts them, and
 * measures what the chain includes: transactions per second of blocks, end to end.
 */
final class LoadGenerator {
  private static final Duration T = Duration.ofSeconds(30);

  record Result(double sentPerSecond, double includedPerSecond, long included, long blocks) {}

  static Result run(URI rpcUrl, int accounts, Duration duration, int threads) throws InterruptedException {
    JsonRpcClient probe = new JsonRpcClient(rpcUrl, null);
    BigInteger chainId = Hex.decodeQuantity(probe.call(T, "eth_chainId").asText());
    BigInteger gasPrice = Hex.decodeQuantity(probe.call(T, "eth_gasPrice").asText()).multiply(BigInteger.valueOf(3));
    List<DevAccounts.Account> keys = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, accounts);
    long startBlock = Hex.decodeQuantity(probe.call(T, "eth_blockNumber").asText()).longValueExact();
    AtomicLong sent = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      int first = t;
      pool.execute(() -> {
        JsonRpcClient rpc = new JsonRpcClient(rpcUrl, null);
        List<DevAccounts.Account> mine = new ArrayList<>();
        for (int i = first; i < keys.size(); i += threads) mine.add(keys.get(i));
        long[] nonces = new long[mine.size()];
        for (int i = 0; i < mine.size(); i++) {
          nonces[i] = Hex.decodeQuantity(rpc.call(T, "eth_getTransactionCount", mine.get(i).address().toHex(), "pending").asText()).longValueExact();
        }
        Address to = Address.fromHex("0x000000000000000000000000000000000000f00d");
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        while (System.nanoTime() < deadline) {
          // one JSON-RPC batch: a transaction from each of this thread's accounts
          StringBuilder batch = new StringBuilder("[");
          for (int i = 0; i < mine.size(); i++) {
            DynamicFeeTransaction tx = DynamicFeeTransaction.signed(chainId, nonces[i], UInt256.valueOf(1_000_000), UInt256.fromBigInteger(gasPrice),
                21_000, to, UInt256.ONE, Bytes.EMPTY, mine.get(i).privateKey());
            if (i > 0) batch.append(',');
            batch.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"")
                .append(Hex.encode(tx.encode())).append("\"]}");
          }
          batch.append(']');
          try {
            String body = http.send(java.net.http.HttpRequest.newBuilder(rpcUrl).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(batch.toString())).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode r : rpc.json().readTree(body)) {
              int i = r.get("id").asInt();
              if (r.has("result")) {
                nonces[i]++;
                sent.incrementAndGet();
              }
            }
          } catch (java.io.IOException e) {
            return;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
    Thread.sleep(3000); // let the last blocks land
    long endBlock = Hex.decodeQuantity(probe.call(T, "eth_blockNumber").asText()).longValueExact();
    long included = 0;
    long firstTime = -1;
    long lastTime = -1;
    for (long n = startBlock + 1; n <= endBlock; n++) {
      JsonNode b = probe.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(n), false);
      long users = b.get("transactions").size() - 1; // minus the L1-info deposit
      included += Math.max(0, users);
      long time = Hex.decodeQuantity(b.get("timestamp").asText()).longValueExact();
      if (firstTime < 0) firstTime = time;
      lastTime = time;
    }
    double seconds = duration.toMillis() / 1000.0;
    return new Result(sent.get() / seconds, included / seconds, included, endBlock - startBlock);
  }
}
