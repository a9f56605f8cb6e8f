package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rollup rebuilt from L1 alone: the devnet's batcher posts the sequencer's blocks to the batch
 * inbox, and a verifier with its own engine, reading nothing but L1, derives the same chain (the
 * same block hashes, so the same state roots); the sequencer's own safe head follows L1 too.
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

      // user transactions, so batches carry more than L1-info deposits
      DevAccounts.Account alice = DevAccounts.derive(DevAccounts.TEST_MNEMONIC, 3).get(2);
      for (int i = 0; i < 5; i++) transfer(l2, alice, i);

      long target = 30;
      for (int i = 0; i < 600 && safeNumber(verifier) < target; i++) Thread.sleep(100);
      JsonNode safe = verifier.call(T, "optimism_syncStatus").get("safe_l2");
      assertThat(safe.get("number").asLong()).as("verifier safe head").isGreaterThanOrEqualTo(target);
      assertThat(safe.get("hash").asText()).as("verifier's safe block %d is the sequencer's", safe.get("number").asLong())
          .isEqualTo(l2.call(T, "eth_getBlockByNumber", Hex.encodeQuantity(safe.get("number").asLong()), false).get("hash").asText());
      JsonNode transfersBlock = l2.call(T, "eth_getTransactionReceipt", transfer(l2, alice, 5));
      assertThat(transfersBlock).isNotNull();
      // the sequencer's safe head advances by consolidating its unsafe blocks against the derived attributes
      for (int i = 0; i < 300 && safeNumber(sequencerNode) < target; i++) Thread.sleep(100);
      assertThat(safeNumber(sequencerNode)).isGreaterThanOrEqualTo(target);
    }
  }

  private static long safeNumber(JsonRpcClient rollupNode) {
    return rollupNode.call(T, "optimism_syncStatus").get("safe_l2").get("number").asLong();
  }

  private static String transfer(JsonRpcClient l2, DevAccounts.Account from, long nonce) {
    BigInteger chainId = Hex.decodeQuantity(l2.call(T, "eth_chainId").asText());
    UInt256 fee = UInt256.valueOf(10_000_000_000L);
    Address to = Address.fromHex("0x000000000000000000000000000000000000dEaD");
    DynamicFeeTransaction unsigned = new DynamicFeeTransaction(chainId, nonce, UInt256.valueOf(1_000_000), fee, 21_000, to, UInt256.valueOf(1),
        Bytes.EMPTY, List.of(), 0, BigInteger.ONE, BigInteger.ONE);
    Signature sig = Secp256k1.sign(unsigned.signingHash(), from.privateKey());
    DynamicFeeTransaction tx = new DynamicFeeTransaction(chainId, nonce, unsigned.maxPriorityFeePerGas(), fee, 21_000, to, UInt256.valueOf(1),
        Bytes.EMPTY, List.of(), sig.recoveryId(), sig.r(), sig.s());
    return l2.call(T, "eth_sendRawTransaction", Hex.encode(tx.encode())).asText();
  }
}
