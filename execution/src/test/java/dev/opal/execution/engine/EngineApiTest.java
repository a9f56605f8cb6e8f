package dev.opal.execution.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opal.config.ChainConfig;
import dev.opal.config.ForkSchedule;
import dev.opal.config.Genesis;
import dev.opal.config.GenesisAccount;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.crypto.Secp256k1;
import dev.opal.crypto.Signature;
import dev.opal.execution.chain.Blockchain;
import dev.opal.execution.chain.InMemoryChainStore;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.execution.txpool.TxPool;
import dev.opal.optimism.DepositSource;
import dev.opal.optimism.Eip1559Params;
import dev.opal.rpc.engine.ExecutionPayload;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.ForkchoiceUpdatedResult;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.rpc.engine.PayloadStatus;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Engine API loop on an Isthmus OP chain, as op-node drives it (OP specs exec-engine.md;
 * execution-apis paris/shanghai/cancun/prague.md): build with attributes, get the payload, import
 * it, make it canonical; and the spec's error codes for wrong versions, unknown payloads and bad
 * forkchoice states.
 */
class EngineApiTest {
  private static final BigInteger CHAIN_ID = BigInteger.valueOf(901);
  private static final byte[] KEY = Hash.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80").toArray();
  private static final Address DEV = Secp256k1.address(KEY);
  private static final Address FEE_RECIPIENT = Address.fromHex("0x4200000000000000000000000000000000000011");
  private static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
  private static final UInt256 ETHER = UInt256.fromBigInteger(BigInteger.TEN.pow(18));

  private EngineApi engine;
  private TxPool pool;
  private Hash genesis;

  @BeforeEach
  void setUp() {
    ChainConfig config = new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(OpFork.ISTHMUS), RollupConfig.Eip1559Config.OP_MAINNET);
    Genesis g = new Genesis(config, 1_700_000_000L, Bytes.wrap(new Eip1559Params(250, 6, null).toExtraData()), 30_000_000L,
        BigInteger.ZERO, Hash.ZERO, FEE_RECIPIENT, UInt256.valueOf(1_000_000_000L), 0, Hash.ZERO, null, null,
        Map.of(DEV, new GenesisAccount(0, UInt256.valueOf(1000).multiply(ETHER), Bytes.EMPTY, Map.of())));
    Blockchain chain = new Blockchain(config, g, new InMemoryNodeStore(), new InMemoryChainStore());
    pool = new TxPool(1000);
    engine = new EngineApi(chain, new PayloadBuilder(chain, pool));
    genesis = chain.head().hash();
  }

  private PayloadAttributes attributes(long timestamp, List<Bytes> txs, boolean noTxPool) {
    return new PayloadAttributes(timestamp, Hash.fromHex("0x" + "11".repeat(32)), FEE_RECIPIENT, List.of(), Hash.fromHex("0x" + "22".repeat(32)),
        txs, noTxPool, 30_000_000L, Bytes.wrap(new byte[8]), null);
  }

  private static Bytes mintTo(Address to, int index) {
    DepositTransaction d = new DepositTransaction(DepositSource.userDeposit(Hash.fromHex("0x" + "33".repeat(32)), index),
        Address.fromHex("0x00000000000000000000000000000000000000aa"), to, ETHER, ETHER, 100_000, false, Bytes.EMPTY);
    return Bytes.wrap(d.encode());
  }

  /** fcU with attributes → getPayload → newPayload → fcU to it; returns the new head hash. */
  private Hash buildAndImport(Hash parent, long timestamp, List<Bytes> txs, boolean noTxPool) {
    ForkchoiceUpdatedResult started = engine.forkchoiceUpdated(3, new ForkchoiceState(parent, parent, genesis), attributes(timestamp, txs, noTxPool));
    assertThat(started.payloadStatus().status()).isEqualTo(PayloadStatus.Status.VALID);
    assertThat(started.payloadId().toHex()).startsWith("0x03");
    PayloadEnvelope env = (PayloadEnvelope) engine.getPayload(4, started.payloadId());
    ExecutionPayload p = env.executionPayload();
    assertThat(p.withdrawalsRoot()).as("Isthmus payloads carry the withdrawals root").isNotNull();
    assertThat(env.executionRequests()).isEmpty();
    assertThat(env.parentBeaconBlockRoot()).isEqualTo(Hash.fromHex("0x" + "22".repeat(32)));
    PayloadStatus imported = engine.newPayload(4, p, List.of(), env.parentBeaconBlockRoot(), List.of());
    assertThat(imported).isEqualTo(PayloadStatus.valid(p.blockHash()));
    ForkchoiceUpdatedResult canonical = engine.forkchoiceUpdated(3, new ForkchoiceState(p.blockHash(), p.blockHash(), genesis), null);
    assertThat(canonical.payloadStatus()).isEqualTo(PayloadStatus.valid(p.blockHash()));
    assertThat(engine.chain().head().hash()).isEqualTo(p.blockHash());
    return p.blockHash();
  }

  @Test
  void buildsDepositAndPoolBlocksAndPaysTheVaults() {
    Address alice = Address.fromHex("0x00000000000000000000000000000000000a11ce");
    Hash b1 = buildAndImport(genesis, 1_700_000_002L, List.of(mintTo(alice, 0)), true);
    var state = engine.chain().stateAt(engine.chain().block(b1).block().header());
    assertThat(state.getBalance(alice)).isEqualTo(ETHER);

    DynamicFeeTransaction unsigned = new DynamicFeeTransaction(CHAIN_ID, 0, UInt256.valueOf(1_000_000), UInt256.valueOf(10_000_000_000L),
        21_000, alice, UInt256.ONE, Bytes.EMPTY, List.of(), 0, BigInteger.ONE, BigInteger.ONE);
    Signature sig = Secp256k1.sign(unsigned.signingHash(), KEY);
    DynamicFeeTransaction tx = new DynamicFeeTransaction(CHAIN_ID, 0, unsigned.maxPriorityFeePerGas(), unsigned.maxFeePerGas(), 21_000, alice,
        UInt256.ONE, Bytes.EMPTY, List.of(), sig.recoveryId(), sig.r(), sig.s());
    pool.add(tx, DEV);
    Hash b2 = buildAndImport(b1, 1_700_000_004L, List.of(mintTo(alice, 1)), false);
    var header = engine.chain().block(b2).block().header();
    assertThat(engine.chain().block(b2).block().transactions()).hasSize(2);
    state = engine.chain().stateAt(header);
    assertThat(state.getBalance(alice)).isEqualTo(ETHER.add(ETHER).add(UInt256.ONE));
    // OP: the base fee is not burned but paid to the BaseFeeVault; the tip goes to the fee recipient
    assertThat(state.getBalance(BASE_FEE_VAULT)).isEqualTo(UInt256.fromBigInteger(header.baseFeePerGas().toBigInteger().multiply(BigInteger.valueOf(21_000))));
    assertThat(state.getBalance(FEE_RECIPIENT)).isEqualTo(UInt256.valueOf(21_000L * 1_000_000));
  }

  @Test
  void specErrorCodes() {
    ForkchoiceUpdatedResult started = engine.forkchoiceUpdated(3, new ForkchoiceState(genesis, genesis, genesis),
        attributes(1_700_000_002L, List.of(), true));
    assertThatThrownBy(() -> engine.getPayload(3, started.payloadId()))
        .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.code()).isEqualTo(EngineApiException.UNSUPPORTED_FORK));
    assertThatThrownBy(() -> engine.getPayload(4, new dev.opal.rpc.engine.PayloadId(0x0300000000000001L)))
        .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.code()).isEqualTo(EngineApiException.UNKNOWN_PAYLOAD));
    PayloadEnvelope env = (PayloadEnvelope) engine.getPayload(4, started.payloadId());
    assertThatThrownBy(() -> engine.newPayload(3, env.executionPayload(), List.of(), env.parentBeaconBlockRoot(), null))
        .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.code()).isEqualTo(EngineApiException.UNSUPPORTED_FORK));
    assertThatThrownBy(() -> engine.forkchoiceUpdated(3, new ForkchoiceState(genesis, genesis, Hash.fromHex("0x" + "44".repeat(32))), null))
        .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.code()).isEqualTo(EngineApiException.INVALID_FORKCHOICE_STATE));
    PayloadAttributes noGasLimit = new PayloadAttributes(1_700_000_002L, Hash.ZERO, FEE_RECIPIENT, List.of(), Hash.ZERO, List.of(), true, null,
        Bytes.wrap(new byte[8]), null);
    assertThatThrownBy(() -> engine.forkchoiceUpdated(3, new ForkchoiceState(genesis, genesis, genesis), noGasLimit))
        .isInstanceOfSatisfying(EngineApiException.class, e -> assertThat(e.code()).isEqualTo(EngineApiException.INVALID_PAYLOAD_ATTRIBUTES));
    assertThatThrownBy(() -> engine.forkchoiceUpdated(2, new ForkchoiceState(genesis, genesis, genesis), attributes(1_700_000_002L, List.of(), true)))
        .isInstanceOf(EngineApiException.class);
  }

  @Test
  void newPayloadStatuses() {
    ForkchoiceUpdatedResult started = engine.forkchoiceUpdated(3, new ForkchoiceState(genesis, genesis, genesis),
        attributes(1_700_000_002L, List.of(), true));
    ExecutionPayload p = ((PayloadEnvelope) engine.getPayload(4, started.payloadId())).executionPayload();
    Hash beacon = Hash.fromHex("0x" + "22".repeat(32));
    ExecutionPayload wrongHash = new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.baseFeePerGas(), Hash.ZERO,
        p.transactions(), p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot());
    assertThat(engine.newPayload(4, wrongHash, List.of(), beacon, List.of()).status()).isEqualTo(PayloadStatus.Status.INVALID);
    assertThat(engine.newPayload(4, p, List.of(), beacon, List.of())).isEqualTo(PayloadStatus.valid(p.blockHash()));
    assertThat(engine.newPayload(4, p, List.of(), beacon, List.of())).as("idempotent").isEqualTo(PayloadStatus.valid(p.blockHash()));
    // unknown head: SYNCING, the forkchoice is unchanged
    Hash unknown = Hash.fromHex("0x" + "55".repeat(32));
    assertThat(engine.forkchoiceUpdated(3, new ForkchoiceState(unknown, genesis, genesis), null).payloadStatus().status())
        .isEqualTo(PayloadStatus.Status.SYNCING);
    assertThat(engine.chain().head().hash()).isEqualTo(genesis);
  }
}
