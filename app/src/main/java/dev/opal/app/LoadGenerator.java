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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends signed transfers from many dev accounts to a chain's JSON-RPC as fast as it accepts them, and
 * measures what the chain includes: transactions per second of blocks, end to end. The transfers
 * are signed before the clock starts, as load tools do, so that on a machine shared with the chain
 * the generator's own signing does not eat into what is measured.
 */
final class LoadGenerator {
  private static final Duration T = Duration.ofSeconds(30);

  record Result(double sentPerSecond, double includedPerSecond, long included, long blocks) {}

  static Result run(URI rpcUrl, int accounts, Duration duration, int threads, int presignRate) throws InterruptedException {
    JsonRpcClient probe = new JsonRpcClient(rpcUrl, null);
    BigInteger chainId = Hex.decodeQuantity(probe.call(T, "eth_chainId").asText());
    // a fee cap far above today's price: sustained full blocks raise the base fee (EIP-1559; from Jovian the DA footprint
    // counts too) by a few percent a block, and a cap it overtakes would measure the fee market rather than the chain
    BigInteger gasPrice = Hex.decodeQuantity(probe.call(T, "eth_gasPrice").asText()).multiply(BigInteger.valueOf(1000));
    List<DevAccounts.Account> keys = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, accounts);
    // enough signed transfers per account to send presignRate per second for the whole run; more are signed on the way if needed
    int presigned = (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil((double) presignRate * duration.toMillis() / 1000.0 / accounts));
    AtomicLong sent = new AtomicLong();
    CountDownLatch signed = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] deadline = new long[1];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      int first = t;
      pool.execute(() -> {
        JsonRpcClient rpc = new JsonRpcClient(rpcUrl, null);
        List<Sender> mine = new ArrayList<>();
        try {
          for (int i = first; i < keys.size(); i += threads) {
            DevAccounts.Account a = keys.get(i);
            long nonce = Hex.decodeQuantity(rpc.call(T, "eth_getTransactionCount", a.address().toHex(), "pending").asText()).longValueExact();
            Sender sender = new Sender(a.privateKey(), nonce, chainId, gasPrice);
            sender.presign(presigned);
            mine.add(sender);
          }
        } finally {
          signed.countDown();
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        try {
          go.await();
          while (System.nanoTime() < deadline[0]) {
            // one JSON-RPC batch: the next transaction of each of this thread's accounts
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < mine.size(); i++) {
              if (i > 0) batch.append(',');
              batch.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"eth_sendRawTransaction\",\"params\":[\"")
                  .append(mine.get(i).next()).append("\"]}");
            }
            batch.append(']');
            String body = http.send(java.net.http.HttpRequest.newBuilder(rpcUrl).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(batch.toString())).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode r : rpc.json().readTree(body)) {
              if (r.has("result")) {
                mine.get(r.get("id").asInt()).accepted();
                sent.incrementAndGet();
              }
            }
          }
        } catch (java.io.IOException e) {
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    signed.await();
    long startBlock = Hex.decodeQuantity(probe.call(T, "eth_blockNumber").asText()).longValueExact();
    deadline[0] = System.nanoTime() + duration.toNanos();
    go.countDown();
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

  /** One account's transfers, signed ahead (before the clock starts) so that signing does not compete with the chain for CPU. */
  private static final class Sender {
    private static final Address TO = Address.fromHex("0x000000000000000000000000000000000000f00d");
    private final byte[] key;
    private final BigInteger chainId;
    private final BigInteger gasPrice;
    private final java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
    private long nextToSign;

    Sender(byte[] key, long nonce, BigInteger chainId, BigInteger gasPrice) {
      this.key = key;
      this.nextToSign = nonce;
      this.chainId = chainId;
      this.gasPrice = gasPrice;
    }

    void presign(int count) {
      for (int i = 0; i < count; i++) sign();
    }

    private void sign() {
      DynamicFeeTransaction tx = DynamicFeeTransaction.signed(chainId, nextToSign++, UInt256.valueOf(1_000_000), UInt256.fromBigInteger(gasPrice),
          21_000, TO, UInt256.ONE, Bytes.EMPTY, key);
      ready.addLast(Hex.encode(tx.encode()));
    }

    /** The transfer with the next unsent nonce (sent again until the chain accepts it). */
    String next() {
      if (ready.isEmpty()) sign();
      return ready.peekFirst();
    }

    void accepted() {
      ready.removeFirst();
    }
  }
}
