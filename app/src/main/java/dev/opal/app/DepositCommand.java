package dev.opal.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opal.crypto.Keccak;
import dev.opal.crypto.Secp256k1;
import dev.opal.devnet.DevAccounts;
import dev.opal.devnet.DevnetGenesis;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opal devnet deposit}: sends ETH from L1 to L2 through the devnet's deposit contract. */
@Command(
    name = "deposit",
    mixinStandardHelpOptions = true,
    description = {"Deposits ETH from the devnet's L1 to an L2 address: calls depositTransaction on the deposit contract;",
        "the funds appear on L2 once the sequencer adopts the L1 block as an origin."})
final class DepositCommand implements Callable<Integer> {
  private static final Duration T = Duration.ofSeconds(10);

  @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "The L2 recipient.")
  String to;

  @Option(names = "--value", required = true, paramLabel = "AMOUNT", description = "Amount, e.g. 1eth, 0.5eth, 1000gwei or plain wei.")
  String value;

  @Option(names = "--l1-rpc", defaultValue = "http://127.0.0.1:8546", description = "The devnet's L1 RPC (default ${DEFAULT-VALUE}).")
  URI l1Rpc;

  @Option(names = "--private-key", paramLabel = "KEY", description = "Sender key (default: dev account 0 of the test mnemonic).")
  String privateKey;

  @Override
  public Integer call() {
    Address recipient = Address.fromHex(to);
    UInt256 amount = UInt256.fromBigInteger(parseAmount(value));
    byte[] key = privateKey != null ? Hex.decode(privateKey, 32) : DevAccounts.derive(DevAccounts.TEST_MNEMONIC, 1).get(0).privateKey();
    Address sender = Secp256k1.address(key);
    JsonRpcClient rpc = new JsonRpcClient(l1Rpc, null);
    BigInteger chainId = Hex.decodeQuantity(rpc.call(T, "eth_chainId").asText());
    long nonce = Hex.decodeQuantity(rpc.call(T, "eth_getTransactionCount", sender.toHex(), "pending").asText()).longValueExact();
    BigInteger gasPrice = Hex.decodeQuantity(rpc.call(T, "eth_gasPrice").asText());
    // depositTransaction(address _to, uint256 _value, uint64 _gasLimit, bool _isCreation, bytes _data)
    byte[] selector = java.util.Arrays.copyOf(Keccak.hash("depositTransaction(address,uint256,uint64,bool,bytes)".getBytes(StandardCharsets.US_ASCII)), 4);
    ByteBuffer call = ByteBuffer.allocate(4 + 32 * 6);
    call.put(selector).put(UInt256.fromBytes(recipient.toArray()).toBytes32()).put(amount.toBytes32()).put(UInt256.valueOf(100_000).toBytes32())
        .put(new byte[32]).put(UInt256.valueOf(160).toBytes32()).put(new byte[32]);
    UInt256 maxFee = UInt256.fromBigInteger(gasPrice.multiply(BigInteger.TWO));
    UInt256 tip = UInt256.valueOf(1_000_000_000L).compareTo(maxFee) < 0 ? UInt256.valueOf(1_000_000_000L) : maxFee;
    DynamicFeeTransaction tx = DynamicFeeTransaction.signed(chainId, nonce, tip, maxFee, 200_000, DevnetGenesis.PORTAL, amount,
        Bytes.wrap(call.array()), key);
    String hash = rpc.call(T, "eth_sendRawTransaction", Hex.encode(tx.encode())).asText();
    System.out.println("Deposit sent on L1: " + hash);
    for (int i = 0; i < 60; i++) {
      JsonNode receipt = rpc.call(T, "eth_getTransactionReceipt", hash);
      if (receipt != null && !receipt.isNull()) {
        boolean ok = "0x1".equals(receipt.get("status").asText());
        System.out.printf(Locale.ROOT, "Included in L1 block %d (%s); %s %s to %s on L2%n", Hex.decodeQuantity(receipt.get("blockNumber").asText()),
            ok ? "success" : "FAILED", ok ? "depositing" : "not depositing", value, recipient.toHex());
        return ok ? 0 : 1;
      }
      sleep();
    }
    System.out.println("The deposit was not included within 60 s; is the devnet running?");
    return 1;
  }

  static BigInteger parseAmount(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    BigDecimal unit = BigDecimal.ONE;
    if (t.endsWith("eth")) {
      unit = BigDecimal.TEN.pow(18);
      t = t.substring(0, t.length() - 3);
    } else if (t.endsWith("gwei")) {
      unit = BigDecimal.TEN.pow(9);
      t = t.substring(0, t.length() - 4);
    } else if (t.endsWith("wei")) {
      t = t.substring(0, t.length() - 3);
    }
    try {
      return new BigDecimal(t.trim()).multiply(unit).toBigIntegerExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("not an amount: '" + text + "' (use e.g. 1eth, 0.5eth, 1000gwei)");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
