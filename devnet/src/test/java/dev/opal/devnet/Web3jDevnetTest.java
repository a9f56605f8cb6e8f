package dev.opal.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.optimism.DepositSource;
import dev.opal.tx.DepositTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthGetProof;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The devnet through a real Ethereum client library (web3j): EIP-1559 transfers, a contract
 * deployment, a call that logs, eth_call, eth_getProof, an L1 deposit with its L2 deposit receipt,
 * and a restart from the same data directory that continues the chain.
 */
class Web3jDevnetTest {
  private static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  /** Init code of a contract whose every call stores 42 in memory, logs it (LOG0) and returns it. */
  private static final String LOG_AND_RETURN_42 = "0x600f600c600039600f6000f3" + "602a60005260206000a060206000f3";

  private static DevnetOptions options(Path datadir) {
    return new DevnetOptions(200, 1, 4, "127.0.0.1", 0, 0, 0, datadir, BigInteger.valueOf(900), BigInteger.valueOf(901), 2, false, Map.of());
  }

  private static TransactionReceipt send(Web3j w, long chainId, String to, BigInteger value, String data, long gas) throws Exception {
    Credentials c = Credentials.create(KEY);
    BigInteger nonce = w.ethGetTransactionCount(c.getAddress(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
    RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, BigInteger.valueOf(gas), to, value, data, BigInteger.valueOf(1_000_000_000L),
        BigInteger.valueOf(50_000_000_000L));
    String hash = w.ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, c))).send().getTransactionHash();
    assertThat(hash).as("accepted").isNotNull();
    return awaitReceipt(w, hash);
  }

  private static TransactionReceipt awaitReceipt(Web3j w, String hash) throws Exception {
    for (int i = 0; i < 200; i++) {
      Optional<TransactionReceipt> r = w.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (r.isPresent()) return r.get();
      Thread.sleep(100);
    }
    throw new AssertionError("no receipt for " + hash);
  }

  @Test
  void walletFlowsDepositsAndRestart(@TempDir Path datadir) throws Exception {
    String transferHash;
    long head;
    try (Devnet devnet = new Devnet(options(datadir))) {
      ByteArrayOutputStream banner = new ByteArrayOutputStream();
      devnet.start(new PrintStream(banner, true));
      assertThat(banner.toString()).containsPattern("L2 RPC: http://\\S+").containsPattern("L1 RPC: http://\\S+");
      Web3j l2 = Web3j.build(new HttpService(devnet.l2RpcUrl().toString()));
      Web3j l1 = Web3j.build(new HttpService(devnet.l1RpcUrl().toString()));
      assertThat(l2.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(901));

      String bob = "0x000000000000000000000000000000000000b0b0";
      TransactionReceipt transfer = send(l2, 901, bob, BigInteger.valueOf(777), "0x", 21_000);
      assertThat(transfer.isStatusOK()).isTrue();
      assertThat(transfer.getGasUsed()).isEqualTo(BigInteger.valueOf(21_000));
      assertThat(l2.ethGetBalance(bob, DefaultBlockParameterName.LATEST).send().getBalance()).isEqualTo(BigInteger.valueOf(777));
      transferHash = transfer.getTransactionHash();
      // OP receipt field: the L1 data fee (web3j keeps unknown fields out of its type, so ask the raw RPC)
      var raw = new dev.opal.rpc.client.JsonRpcClient(devnet.l2RpcUrl(), null).call(java.time.Duration.ofSeconds(5), "eth_getTransactionReceipt",
          transferHash);
      assertThat(new BigInteger(raw.get("l1Fee").asText().substring(2), 16)).isPositive();

      TransactionReceipt deployed = send(l2, 901, null, BigInteger.ZERO, LOG_AND_RETURN_42, 200_000);
      assertThat(deployed.isStatusOK()).isTrue();
      String contract = deployed.getContractAddress();
      TransactionReceipt called = send(l2, 901, contract, BigInteger.ZERO, "0x", 100_000);
      assertThat(called.getLogs()).hasSize(1);
      assertThat(Numeric.toBigInt(called.getLogs().get(0).getData())).isEqualTo(BigInteger.valueOf(42));
      String result = l2.ethCall(Transaction.createEthCallTransaction(Credentials.create(KEY).getAddress(), contract, "0x"),
          DefaultBlockParameterName.LATEST).send().getValue();
      assertThat(Numeric.toBigInt(result)).isEqualTo(BigInteger.valueOf(42));
      EthGetProof.Proof proof = l2.ethGetProof(contract, List.of(), "latest").send().getProof();
      assertThat(proof.getAccountProof()).isNotEmpty();
      assertThat(proof.getCodeHash()).isNotEqualTo(dev.opal.crypto.Keccak.EMPTY.toHex());

      // a deposit: depositTransaction(to, value, gasLimit, isCreation, data) on L1, minted on L2
      String carol = "0x0000000000000000000000000000000000000ca7";
      BigInteger amount = BigInteger.TEN.pow(18);
      String call = "0xe9e05c42" + Numeric.toHexStringNoPrefixZeroPadded(Numeric.toBigInt(carol), 64)
          + Numeric.toHexStringNoPrefixZeroPadded(amount, 64) + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(100_000), 64)
          + "0".repeat(64) + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(160), 64) + "0".repeat(64);
      TransactionReceipt l1Receipt = send(l1, 900, DevnetGenesis.PORTAL.toHex(), amount, call, 200_000);
      assertThat(l1Receipt.isStatusOK()).isTrue();
      var log = l1Receipt.getLogs().get(0);
      DepositTransaction expected = new DepositTransaction(
          DepositSource.userDeposit(Hash.fromHex(l1Receipt.getBlockHash()), log.getLogIndex().longValue()),
          Address.fromHex(Credentials.create(KEY).getAddress()), Address.fromHex(carol), UInt256.fromBigInteger(amount),
          UInt256.fromBigInteger(amount), 100_000, false, Bytes.EMPTY);
      TransactionReceipt depositReceipt = awaitReceipt(l2, expected.hash().toHex());
      assertThat(depositReceipt.isStatusOK()).isTrue();
      var rawDeposit = new dev.opal.rpc.client.JsonRpcClient(devnet.l2RpcUrl(), null).call(java.time.Duration.ofSeconds(5),
          "eth_getTransactionReceipt", expected.hash().toHex());
      assertThat(rawDeposit.get("depositReceiptVersion").asText()).isEqualTo("0x1");
      assertThat(rawDeposit.has("depositNonce")).isTrue();
      assertThat(l2.ethGetBalance(carol, DefaultBlockParameterName.LATEST).send().getBalance()).isEqualTo(amount);
      head = l2.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    try (Devnet again = new Devnet(options(datadir))) {
      again.start(new PrintStream(new ByteArrayOutputStream(), true));
      Web3j l2 = Web3j.build(new HttpService(again.l2RpcUrl().toString()));
      assertThat(l2.ethBlockNumber().send().getBlockNumber().longValueExact()).isGreaterThanOrEqualTo(head);
      assertThat(l2.ethGetTransactionReceipt(transferHash).send().getTransactionReceipt()).isPresent();
      for (int i = 0; i < 100 && l2.ethBlockNumber().send().getBlockNumber().longValueExact() <= head + 2; i++) Thread.sleep(100);
      assertThat(l2.ethBlockNumber().send().getBlockNumber().longValueExact()).as("the chain continues").isGreaterThan(head + 2);
    }
  }
}
