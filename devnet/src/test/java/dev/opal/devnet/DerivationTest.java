package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.crypto.Secp256k1;
import dev.opal.crypto.Signature;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.tx.AccessListEntry;
import dev.opal.tx.AccessListTransaction;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.tx.LegacyTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rollup rebuilt from L1 alone: the devnet's batcher posts the sequencer's blocks to the batch
 * inbox as span batches in brotli channels, and a verifier with its own engine, reading nothing but
 * L1, derives the same chain (the same block hashes and output roots); the sequencer's own safe
 * head follows L1 too, and the verifier catches up after the batcher was down.
 */
class DerivationTest {
  private static final Duration T = Duration.ofSeconds(10);

  @Test
  void verifierDerivesTheSequencersChainFromL1() throws Exception {
    try (Devnet devnet = new Devnet(new DevnetOptions(250, 1, 4, "127.0.0.1", 0, 0, 0, null, BigInteger.valueOf(900), BigInteger.valueOf(901), 3,
        false, Map.of(), true, true))) {
      ByteArrayOutputStream banner = new ByteArrayOutputStream();
      devnet.start(new PrintStream(banner, true));
      assertThat(banner.toString()).contains("Verifier RPC: " + devnet.verifierRpcUrl());
      JsonRpcClient l2 = new JsonRpcClient(devnet.l2RpcUrl(), null);
      JsonRpcClient verifier = new JsonRpcClient(devnet.verifierRpcUrl(), null);
      JsonRpcClient sequencerNode = new JsonRpcClient(devnet.rollupRpcUrl(), null);
      BigInteger chainId = Hex.decodeQuantity(l2.call(T, "eth_chainId").asText());

      // every transaction kind a span batch carries: legacy with and without EIP-155, EIP-2930, EIP-1559, a contract creation
      DevAccounts.Account alice = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, 3).get(2);
      List<String> sent = new ArrayList<>();
      sent.add(send(l2, legacy(alice, 0, null)));
      sent.add(send(l2, legacy(alice, 1, chainId)));
      sent.add(send(l2, accessList(alice, 2, chainId)));
      for (int i = 3; i < 6; i++) sent.add(send(l2, dynamicFee(alice, i, chainId, DEAD, Bytes.EMPTY, 21_000)));
      // init code returning an empty contract: PUSH1 0 PUSH1 0 RETURN
      sent.add(send(l2, dynamicFee(alice, 6, chainId, null, Bytes.fromHex("0x60006000f3"), 100_000)));
      long lastTxBlock = 0;
      for (String hash : sent) lastTxBlock = Math.max(lastTxBlock, receiptBlock(l2, hash));

      long target = Math.max(30, lastTxBlock);
      awaitSafe(verifier, target);
      long safe = safeNumber(verifier);
      for (long n = 1; n <= safe; n++) {
        assertThat(verifier.call(T, "optimism_outputAtBlock", Hex.encodeQuantity(n)).get("outputRoot").asText())
            .as("verifier's output root at block %d", n)
            .isEqualTo(sequencerNode.call(T, "optimism_outputAtBlock", Hex.encodeQuantity(n)).get("outputRoot").asText());
      }
      assertSameBlock(l2, verifier, safe);
      // op-node's heads: safe is local-safe (no interop), pending-safe may run ahead inside a span batch
      JsonNode status = verifier.call(T, "optimism_syncStatus");
      long localSafe = status.get("local_safe_l2").get("number").asLong();
      long pendingSafe = status.get("pending_safe_l2").get("number").asLong();
      assertThat(localSafe).isEqualTo(status.get("safe_l2").get("number").asLong());
      assertThat(pendingSafe).isBetween(localSafe, status.get("unsafe_l2").get("number").asLong());

      // the sequencer's safe head advances by consolidating its unsafe blocks against the derived attributes
      awaitSafe(sequencerNode, target);

      // with the batcher down nothing new reaches L1, so the verifier stalls while the sequencer goes on; once a new
      // batcher starts (from the safe head) the verifier catches up
      devnet.stopBatcher();
      Thread.sleep(1_000); // frames already sent may still land
      long stalledAt = safeNumber(verifier);
      Thread.sleep(3_000);
      assertThat(safeNumber(verifier)).as("verifier safe head with the batcher down").isEqualTo(stalledAt);
      long unsafe = sequencerNode.call(T, "optimism_syncStatus").get("unsafe_l2").get("number").asLong();
      assertThat(unsafe).isGreaterThan(stalledAt + 8);
      devnet.startBatcher();
      awaitSafe(verifier, unsafe);
      assertSameBlock(l2, verifier, safeNumber(verifier));
    }
  }

  private static final Address DEAD = Address.fromHex("0x000000000000000000000000000000000000dEaD");
  private static final UInt256 FEE = UInt256.valueOf(10_000_000_000L);

  private static long safeNumber(JsonRpcClient rollupNode) {
    return rollupNode.call(T, "optimism_syncStatus").get("safe_l2").get("number").asLong();
  }

  private static void awaitSafe(JsonRpcClient rollupNode, long target) throws InterruptedException {
    for (int i = 0; i < 600 && safeNumber(rollupNode) < target; i++) Thread.sleep(100);
    assertThat(safeNumber(rollupNode)).as("safe head").isGreaterThanOrEqualTo(target);
  }

  private static void assertSameBlock(JsonRpcClient l2, JsonRpcClient verifier, long number) {
    JsonNode out = verifier.call(T, "optimism_outputAtBlock", Hex.encodeQuantity(number));
    assertThat(out.get("blockRef").get("hash").asText()).as("verifier's block %d is the sequencer's", number)
        .isEqualTo(l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(number), false).get("hash").asText());
  }

  private static long receiptBlock(JsonRpcClient l2, String hash) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonNode r = l2.call(T, "eth_getTransactionReceipt", hash);
      if (r != null && !r.isNull()) {
        assertThat(r.get("status").asText()).as("status of %s", hash).isEqualTo("0x1");
        return Hex.decodeQuantity(r.get("blockNumber").asText()).longValueExact();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("transaction " + hash + " was not included");
  }

  private static String send(JsonRpcClient l2, byte[] tx) {
    return l2.call(T, "eth_sendRawTransaction", Hex.encode(tx)).asText();
  }

  private static byte[] legacy(DevAccounts.Account from, long nonce, BigInteger chainId) {
    BigInteger v = LegacyTransaction.v(0, chainId);
    LegacyTransaction unsigned = new LegacyTransaction(nonce, FEE, 21_000, DEAD, UInt256.valueOf(7), Bytes.EMPTY, v, BigInteger.ONE, BigInteger.ONE);
    Signature sig = Secp256k1.sign(unsigned.signingHash(), from.privateKey());
    return new LegacyTransaction(nonce, FEE, 21_000, DEAD, UInt256.valueOf(7), Bytes.EMPTY, LegacyTransaction.v(sig.recoveryId(), chainId), sig.r(),
        sig.s()).encode();
  }

  private static byte[] accessList(DevAccounts.Account from, long nonce, BigInteger chainId) {
    List<AccessListEntry> list = List.of(new AccessListEntry(DEAD, List.of(dev.opal.types.Hash.ZERO)));
    AccessListTransaction unsigned = new AccessListTransaction(chainId, nonce, FEE, 30_000, DEAD, UInt256.ONE, Bytes.EMPTY, list, 0, BigInteger.ONE,
        BigInteger.ONE);
    Signature sig = Secp256k1.sign(unsigned.signingHash(), from.privateKey());
    return new AccessListTransaction(chainId, nonce, FEE, 30_000, DEAD, UInt256.ONE, Bytes.EMPTY, list, sig.recoveryId(), sig.r(), sig.s()).encode();
  }

  private static byte[] dynamicFee(DevAccounts.Account from, long nonce, BigInteger chainId, Address to, Bytes data, long gas) {
    UInt256 tip = UInt256.valueOf(1_000_000);
    DynamicFeeTransaction unsigned = new DynamicFeeTransaction(chainId, nonce, tip, FEE, gas, to, UInt256.ONE, data, List.of(), 0, BigInteger.ONE,
        BigInteger.ONE);
    Signature sig = Secp256k1.sign(unsigned.signingHash(), from.privateKey());
    return new DynamicFeeTransaction(chainId, nonce, tip, FEE, gas, to, UInt256.ONE, data, List.of(), sig.recoveryId(), sig.r(), sig.s()).encode();
  }
}
