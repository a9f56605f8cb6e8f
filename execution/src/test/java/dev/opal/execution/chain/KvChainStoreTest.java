package dev.opal.execution.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.config.ChainConfig;
import dev.opal.config.ForkSchedule;
import dev.opal.config.Genesis;
import dev.opal.config.GenesisAccount;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.db.KvNodeStore;
import dev.opal.db.RocksDbKeyValueStore;
import dev.opal.execution.engine.EngineApi;
import dev.opal.execution.miner.PayloadBuilder;
import dev.opal.optimism.DepositSource;
import dev.opal.optimism.Eip1559Params;
import dev.opal.rpc.engine.ForkchoiceState;
import dev.opal.rpc.engine.PayloadAttributes;
import dev.opal.rpc.engine.PayloadEnvelope;
import dev.opal.tx.DepositTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine on RocksDB restarts where it stopped: same head, state, receipts and transaction index. */
class KvChainStoreTest {
  private static final ChainConfig CONFIG = new ChainConfig(BigInteger.valueOf(901), ForkSchedule.allFromGenesis(OpFork.ISTHMUS),
      RollupConfig.Eip1559Config.OP_MAINNET);
  private static final Genesis GENESIS = new Genesis(CONFIG, 1_700_000_000L, Bytes.wrap(new Eip1559Params(250, 6, null).toExtraData()),
      30_000_000L, BigInteger.ZERO, Hash.ZERO, Address.ZERO, UInt256.valueOf(1_000_000_000L), 0, Hash.ZERO, null, null,
      Map.of(Address.fromHex("0x00000000000000000000000000000000000000aa"), new GenesisAccount(0, UInt256.ONE, Bytes.EMPTY, Map.of())));
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");

  private static Blockchain open(RocksDbKeyValueStore kv) {
    KvNodeStore nodes = new KvNodeStore(kv);
    return new Blockchain(CONFIG, GENESIS, nodes, new KvChainStore(kv, nodes, CONFIG));
  }

  @Test
  void reopensAtTheSameHead(@TempDir Path dir) {
    Hash head;
    DepositTransaction deposit = new DepositTransaction(DepositSource.userDeposit(Hash.ZERO, 0), ALICE, ALICE, UInt256.valueOf(7),
        UInt256.ZERO, 100_000, false, Bytes.EMPTY);
    try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
      Blockchain chain = open(kv);
      EngineApi api = new EngineApi(chain, new PayloadBuilder(chain, null));
      Hash parent = chain.head().hash();
      for (int i = 1; i <= 3; i++) {
        PayloadAttributes a = new PayloadAttributes(1_700_000_000L + 2 * i, Hash.ZERO, Address.ZERO, List.of(), Hash.ZERO,
            i == 2 ? List.of(Bytes.wrap(deposit.encode())) : List.of(), true, 30_000_000L, Bytes.wrap(new byte[8]), null);
        var started = api.forkchoiceUpdated(3, new ForkchoiceState(parent, parent, parent), a);
        PayloadEnvelope env = (PayloadEnvelope) api.getPayload(4, started.payloadId());
        api.newPayload(4, env.executionPayload(), List.of(), Hash.ZERO, List.of());
        parent = env.executionPayload().blockHash();
        api.forkchoiceUpdated(3, new ForkchoiceState(parent, parent, chain.genesis().hash()), null);
      }
      head = parent;
    }
    try (RocksDbKeyValueStore kv = RocksDbKeyValueStore.open(dir)) {
      Blockchain chain = open(kv);
      assertThat(chain.head().hash()).isEqualTo(head);
      assertThat(chain.head().number()).isEqualTo(3);
      assertThat(chain.safe().hash()).isEqualTo(head);
      assertThat(chain.stateAt(chain.head().block().header()).getBalance(ALICE)).isEqualTo(UInt256.valueOf(7));
      StoredBlock b2 = chain.blockOfTransaction(deposit.hash());
      assertThat(b2.number()).isEqualTo(2);
      assertThat(b2.execution().receipts().get(0).depositNonce()).isEqualTo(0L);
      assertThat(chain.canonicalBlock(1).block().header().parentHash()).isEqualTo(chain.genesis().hash());
    }
  }
}
