package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.crypto.Keccak;
import dev.opal.crypto.Secp256k1;
import dev.opal.crypto.Signature;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The devnet end to end over its real sockets: the sequencer builds blocks through the Engine API
 * (HTTP + JWT), an L1 deposit shows up on L2, and a signed L2 transfer is included with OP receipt
 * fields. Runs with 200 ms blocks so it takes seconds.
 */
class DevnetTest {
  private static final Duration T = Duration.ofSeconds(10);
  private static final List<DevAccounts.Account> DEV = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, 2);
  private static Devnet devnet;
  private static JsonRpcClient l1;
  private static JsonRpcClient l2;

  @BeforeAll
  static void start() throws Exception {
    devnet = new Devnet(new DevnetOptions(200, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 2, false, Map.of()));
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    devnet.start(new PrintStream(banner, true, StandardCharsets.UTF_8));
    assertThat(banner.toString(StandardCharsets.UTF_8)).contains("L1 RPC:", "L2 RPC:", "Engine API:", DEV.get(0).address().toHex());
    l1 = new JsonRpcClient(devnet.l1RpcUrl(), null);
    l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
  }

  @AfterAll
  static void stop() {
    if (devnet != null) devnet.close();
  }

  private static long quantity(JsonNode n) {
    return Hex.decodeQuantity(n.asText()).longValueExact();
  }

  static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.get()) return;
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** Sends a transaction from dev account 0; returns its hash. */
  static String send(JsonRpcClient rpc, long chainId, Address to, UInt256 value, Bytes data, long gas) {
    long nonce = quantity(rpc.call(T, "eth_getTransactionCount", DEV.get(0).address().toHex(), "pending"));
    DynamicFeeTransaction tx = DynamicFeeTransaction.signed(BigInteger.valueOf(chainId), nonce, UInt256.valueOf(1_000_000_000L),
        UInt256.valueOf(50_000_000_000L), gas, to, value, data, DEV.get(0).privateKey());
    return rpc.call(T, "eth_sendRawTransaction", Hex.encode(tx.encode())).asText();
  }

  /** Calldata of OptimismPortal's {@code depositTransaction(to, value, 100000, false, "")}. */
  static Bytes depositCall(Address to, UInt256 amount) {
    byte[] selector = java.util.Arrays.copyOf(Keccak.hash("depositTransaction(address,uint256,uint64,bool,bytes)".getBytes(StandardCharsets.US_ASCII)), 4);
    ByteBuffer call = ByteBuffer.allocate(4 + 32 * 6).put(selector).put(UInt256.fromBytes(to.toArray()).toBytes32()).put(amount.toBytes32())
        .put(UInt256.valueOf(100_000).toBytes32()).put(new byte[32]).put(UInt256.valueOf(160).toBytes32()).put(new byte[32]);
    return Bytes.wrap(call.array());
  }

  /**
   * op-geth's pool counts the L1 data fee in the funds a transaction needs: an account holding
   * exactly gas × fee cap + value, but not the L1 fee, is refused; and a same-nonce resend without
   * a 10% fee bump is "replacement transaction underpriced".
   */
  @Test
  void poolChecksTheL1FeeAndReplacementBumps() throws Exception {
    long chainId = quantity(l2.call(T, "eth_chainId"));
    byte[] key = Keccak.hash("opal pool test account".getBytes(StandardCharsets.US_ASCII));
    Address poor = Secp256k1.address(key);
    UInt256 fee = UInt256.valueOf(1_000_000_000L);
    long gas = 21_000;
    UInt256 exactGasCost = UInt256.valueOf(gas).multiply(fee);
    String funding = send(l2, chainId, poor, exactGasCost, Bytes.EMPTY, 21_000);
    await("funding included", () -> {
      JsonNode r = l2.call(T, "eth_getTransactionReceipt", funding);
      return r != null && !r.isNull();
    });
    DynamicFeeTransaction u = new DynamicFeeTransaction(BigInteger.valueOf(chainId), 0, fee, fee, gas, DEV.get(1).address(), UInt256.ZERO, Bytes.EMPTY,
        List.of(), 0, BigInteger.ONE, BigInteger.ONE);
    Signature sig = Secp256k1.sign(u.signingHash(), key);
    String raw = Hex.encode(new DynamicFeeTransaction(u.chainId(), 0, fee, fee, gas, u.to(), UInt256.ZERO, Bytes.EMPTY, List.of(), sig.recoveryId(),
        sig.r(), sig.s()).encode());
    assertThatThrownBy(() -> l2.call(T, "eth_sendRawTransaction", raw)).hasMessageContaining("insufficient funds").hasMessageContaining("L1 fee");

    // a transaction parked behind a nonce gap, then resent with the same fees: refused as underpriced
    long next = quantity(l2.call(T, "eth_getTransactionCount", DEV.get(0).address().toHex(), "pending")) + 5;
    DynamicFeeTransaction parked = new DynamicFeeTransaction(BigInteger.valueOf(chainId), next, fee, fee, gas, poor, UInt256.ONE, Bytes.EMPTY,
        List.of(), 0, BigInteger.ONE, BigInteger.ONE);
    Signature ps = Secp256k1.sign(parked.signingHash(), DEV.get(0).privateKey());
    String parkedRaw = Hex.encode(new DynamicFeeTransaction(parked.chainId(), next, fee, fee, gas, poor, UInt256.ONE, Bytes.EMPTY, List.of(),
        ps.recoveryId(), ps.r(), ps.s()).encode());
    l2.call(T, "eth_sendRawTransaction", parkedRaw);
    DynamicFeeTransaction same = new DynamicFeeTransaction(BigInteger.valueOf(chainId), next, fee, fee, gas, poor, UInt256.valueOf(2), Bytes.EMPTY,
        List.of(), 0, BigInteger.ONE, BigInteger.ONE);
    Signature ss = Secp256k1.sign(same.signingHash(), DEV.get(0).privateKey());
    String sameRaw = Hex.encode(new DynamicFeeTransaction(same.chainId(), next, fee, fee, gas, poor, UInt256.valueOf(2), Bytes.EMPTY, List.of(),
        ss.recoveryId(), ss.r(), ss.s()).encode());
    assertThatThrownBy(() -> l2.call(T, "eth_sendRawTransaction", sameRaw)).hasMessageContaining("replacement transaction underpriced");
  }

  @Test
  void newHeadsArriveOverWebSocket() throws Exception {
    java.util.concurrent.BlockingQueue<String> messages = new java.util.concurrent.LinkedBlockingQueue<>();
    java.net.http.WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(java.net.URI.create(devnet.l2RpcUrl().toString().replace("http", "ws")), new java.net.http.WebSocket.Listener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
            messages.add(data.toString());
            w.request(1);
            return null;
          }
        }).get(5, java.util.concurrent.TimeUnit.SECONDS);
    ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}", true);
    JsonNode ack = l2.json().readTree(messages.poll(10, java.util.concurrent.TimeUnit.SECONDS));
    String id = ack.get("result").asText();
    JsonNode note = l2.json().readTree(messages.poll(10, java.util.concurrent.TimeUnit.SECONDS));
    assertThat(note.get("method").asText()).isEqualTo("eth_subscription");
    assertThat(note.get("params").get("subscription").asText()).isEqualTo(id);
    assertThat(note.get("params").get("result").has("stateRoot")).isTrue();
    ws.abort();
  }

  @Test
  void blocksDepositsAndTransfers() throws Exception {
    await("L2 blocks", () -> quantity(l2.call(T, "eth_blockNumber")) >= 3);

    Address depositee = Address.fromHex("0x00000000000000000000000000000000000d3b17");
    UInt256 amount = UInt256.fromBigInteger(BigInteger.TEN.pow(18));
    String l1Tx = send(l1, 900, DevnetGenesis.PORTAL, amount, depositCall(depositee, amount), 200_000);
    await("the deposit on L1", () -> !l1.call(T, "eth_getTransactionReceipt", l1Tx).isNull());
    assertThat(l1.call(T, "eth_getTransactionReceipt", l1Tx).get("status").asText()).isEqualTo("0x1");
    await("the deposit on L2", () -> Hex.decodeQuantity(l2.call(T, "eth_getBalance", depositee.toHex(), "latest").asText()).equals(amount.toBigInteger()));

    Address recipient = Address.fromHex("0x000000000000000000000000000000000000c0de");
    String l2Tx = send(l2, 901, recipient, UInt256.valueOf(12345), Bytes.EMPTY, 21_000);
    await("the L2 transfer", () -> !l2.call(T, "eth_getTransactionReceipt", l2Tx).isNull());
    JsonNode receipt = l2.call(T, "eth_getTransactionReceipt", l2Tx);
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(quantity(receipt.get("gasUsed"))).isEqualTo(21_000);
    assertThat(receipt.has("l1Fee")).isTrue();
    assertThat(Hex.decodeQuantity(l2.call(T, "eth_getBalance", recipient.toHex(), "latest").asText())).isEqualTo(BigInteger.valueOf(12345));
    // eth_getProof: the account proof verifies against the block's state root (EIP-1186)
    JsonNode proof = l2.call(T, "eth_getProof", recipient.toHex(), l2.json().createArrayNode(), receipt.get("blockNumber").asText());
    java.util.List<byte[]> nodes = new java.util.ArrayList<>();
    proof.get("accountProof").forEach(n -> nodes.add(Hex.decode(n.asText())));
    JsonNode header = l2.call(T, "eth_getBlockByNumber", receipt.get("blockNumber").asText(), false);
    byte[] account = dev.opal.trie.Proofs.verify(dev.opal.types.Hash.fromHex(header.get("stateRoot").asText()),
        Keccak.hash(recipient.toArray()), nodes);
    assertThat(dev.opal.state.Account.decode(account).balance()).isEqualTo(UInt256.valueOf(12345));
    // Jovian: the block's blobGasUsed is its DA footprint, 100 bytes minimum × the default scalar 400 for a plain transfer
    assertThat(quantity(header.get("blobGasUsed"))).isEqualTo(100L * 400);
    // every L2 block starts with the L1-info deposit
    JsonNode block = l2.call(T, "eth_getBlockByNumber", receipt.get("blockNumber").asText(), true);
    assertThat(block.get("transactions").get(0).get("type").asText()).isEqualTo("0x7e");
  }
}
