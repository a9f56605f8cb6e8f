package dev.opal.node.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.block.BlockId;
import dev.opal.config.ForkSchedule;
import dev.opal.config.OpFork;
import dev.opal.config.RollupConfig;
import dev.opal.crypto.Keccak;
import dev.opal.node.derive.ChannelCompression;
import dev.opal.node.derive.ChannelReader;
import dev.opal.node.derive.batch.Batch;
import dev.opal.node.derive.batch.SingularBatch;
import dev.opal.node.derive.Frame;
import dev.opal.optimism.L1BlockInfo;
import dev.opal.optimism.SystemConfig;
import dev.opal.rpc.client.JsonRpcClient;
import dev.opal.rpc.server.JsonRpcDispatcher;
import dev.opal.rpc.server.JsonRpcServer;
import dev.opal.tx.DepositTransaction;
import dev.opal.tx.Transaction;
import dev.opal.tx.TransactionDecoder;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.Hex;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batcher against scripted peers over real JSON-RPC: an L1 that takes each batcher transaction
 * several blocks after the one before, so that a channel of many frames cannot land within the
 * channel timeout. Derivation would drop such a channel (the assembler times it out), so the
 * batcher must post its blocks again in a new channel, and must keep its channels small enough to
 * land in time at one frame per L1 block.
 */
class BatcherChannelTimeoutTest {
  private static final byte[] KEY = Hex.decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final Address INBOX = Address.fromHex("0xff00000000000000000000000000000000000901");
  private static final long CHANNEL_TIMEOUT = 10;
  private static final long L2_BLOCKS = 12;

  private final List<JsonRpcServer> servers = new ArrayList<>();
  private long l1Head = 100;
  private final List<byte[]> sentData = new ArrayList<>();
  private final List<Long> sentInclusion = new ArrayList<>();
  private long blocksPerInclusion;
  private static final long GENESIS_TIME = 1_700_000_000L;

  @AfterEach
  void stop() {
    servers.forEach(JsonRpcServer::close);
  }

  @Test
  void aChannelThatCannotLandInTimeIsPostedAgainInSmallerChannels() {
    blocksPerInclusion = 5; // a frame lands five L1 blocks after the one before: three frames span ten blocks, the whole timeout
    Batcher batcher = batcher(1_000); // about a block per frame
    for (int i = 0; i < 300 && !derivable().containsAll(range()); i++) batcher.step();

    List<Frame> frames = sentFrames();
    Bytes first = frames.getFirst().channelId();
    List<Integer> firstChannel = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) if (frames.get(i).channelId().equals(first)) firstChannel.add(i);
    assertThat(firstChannel).as("the first channel is cut to at most half the timeout in frames").hasSizeBetween(2, (int) (CHANNEL_TIMEOUT / 2));
    assertThat(sentInclusion.get(firstChannel.getLast()) - sentInclusion.get(firstChannel.getFirst()))
        .as("yet its frames span the timeout: derivation drops it").isGreaterThanOrEqualTo(CHANNEL_TIMEOUT);
    assertThat(derivable()).as("L2 blocks in channels that landed in time").containsAll(range());
  }

  private static List<Long> range() {
    List<Long> out = new ArrayList<>();
    for (long n = 1; n <= L2_BLOCKS; n++) out.add(n);
    return out;
  }

  /** The L2 blocks whose batches are in channels that completed within the channel timeout, as derivation would read them. */
  private java.util.Set<Long> derivable() {
    List<Frame> frames = sentFrames();
    java.util.Map<Bytes, List<Integer>> byChannel = new java.util.LinkedHashMap<>();
    for (int i = 0; i < frames.size(); i++) byChannel.computeIfAbsent(frames.get(i).channelId(), k -> new ArrayList<>()).add(i);
    java.util.Set<Long> blocks = new java.util.TreeSet<>();
    for (List<Integer> idx : byChannel.values()) {
      if (!frames.get(idx.getLast()).last()) continue;
      if (sentInclusion.get(idx.getLast()) - sentInclusion.get(idx.getFirst()) >= CHANNEL_TIMEOUT) continue;
      java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
      for (int i : idx) data.writeBytes(frames.get(i).data().toArray());
      for (Batch b : ChannelReader.read(data.toByteArray(), 10_000_000, true, true, GENESIS_TIME, 2, BigInteger.valueOf(901))) {
        blocks.add((((SingularBatch) b).timestamp() - GENESIS_TIME) / 2);
      }
    }
    return blocks;
  }

  private List<Frame> sentFrames() {
    List<Frame> out = new ArrayList<>();
    for (byte[] d : sentData) out.addAll(Frame.parseBatcherData(d));
    return out;
  }

  private Batcher batcher(int maxFrameData) {
    RollupConfig rollup = new RollupConfig(new BlockId(Hash.ZERO, 0), new BlockId(l2Hash(0), 0), 1_700_000_000L,
        new SystemConfig(Address.ZERO, Hash.ZERO, Hash.ZERO, 30_000_000, SystemConfig.NO_EIP1559_PARAMS, Hash.ZERO, 0, 0), 2, 600, 3600,
        CHANNEL_TIMEOUT, BigInteger.valueOf(900), BigInteger.valueOf(901), ForkSchedule.allFromGenesis(OpFork.FJORD), INBOX, Address.ZERO,
        Address.ZERO, null, RollupConfig.Eip1559Config.OP_MAINNET);
    JsonRpcClient l1 = serve(this::l1Methods);
    JsonRpcClient l2 = serve(d -> d.register("debug_getRawBlock", p -> {
      long n = Hex.decodeQuantity(p.get(0).asText()).longValueExact();
      return JsonNodeFactory.instance.textNode(Hex.encode(l2Block(n).encode()));
    }));
    JsonRpcClient node = serve(d -> d.register("optimism_syncStatus", p -> {
      ObjectNode s = JsonNodeFactory.instance.objectNode();
      s.putObject("unsafe_l2").put("number", L2_BLOCKS);
      s.putObject("safe_l2").put("number", 0);
      return s;
    }));
    return new Batcher(rollup, l1, l2, node, KEY, new Batcher.Options(Duration.ofMillis(10), maxFrameData, 2_000, 1_000, Batcher.BatchType.SINGULAR,
        ChannelCompression.Algorithm.ZLIB, Batcher.DataAvailability.CALLDATA));
  }

  private void l1Methods(JsonRpcDispatcher d) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    d.register("eth_chainId", p -> f.textNode("0x384"));
    d.register("eth_gasPrice", p -> f.textNode("0x3b9aca00"));
    d.register("eth_blockNumber", p -> f.textNode(Hex.encodeQuantity(l1Head)));
    d.register("eth_getTransactionCount", p -> f.textNode(Hex.encodeQuantity(sentData.size())));
    d.register("eth_sendRawTransaction", p -> {
      Transaction tx = TransactionDecoder.decode(Hex.decode(p.get(0).asText()));
      sentData.add(tx.data().toArray());
      l1Head += blocksPerInclusion; // the transaction lands this many blocks on
      sentInclusion.add(l1Head);
      return f.textNode(tx.hash().toHex());
    });
    d.register("eth_getTransactionReceipt", p -> {
      ObjectNode r = f.objectNode();
      r.put("status", "0x1");
      r.put("blockNumber", Hex.encodeQuantity(l1Head));
      r.put("blockHash", l1Hash(l1Head).toHex());
      return r;
    });
    d.register("eth_getBlockByNumber", p -> {
      long n = Hex.decodeQuantity(p.get(0).asText()).longValueExact();
      return f.objectNode().put("hash", l1Hash(n).toHex());
    });
  }

  private JsonRpcClient serve(Consumer<JsonRpcDispatcher> methods) {
    JsonRpcDispatcher d = new JsonRpcDispatcher(new ObjectMapper());
    methods.accept(d);
    JsonRpcServer s = new JsonRpcServer("fake", d, null, 1).start("127.0.0.1", 0);
    servers.add(s);
    return new JsonRpcClient(URI.create("http://127.0.0.1:" + s.port()), null);
  }

  private static Hash l1Hash(long n) {
    return Keccak.hash256(("l1 " + n).getBytes());
  }

  private static Hash l2Hash(long n) {
    return n == 0 ? Keccak.hash256("l2 genesis".getBytes()) : l2Block(n).header().hash();
  }

  /** An L2 block with its L1-info deposit and a transaction of incompressible calldata, so that channels need many frames. */
  private static Block l2Block(long n) {
    L1BlockInfo info = new L1BlockInfo(0, 1_700_000_000L, BigInteger.ONE, l1Hash(0), n, Address.ZERO, BigInteger.ZERO, BigInteger.ZERO,
        BigInteger.ONE, 0, 0, 0, 0, 0);
    DepositTransaction deposit = new DepositTransaction(Hash.ZERO, Address.ZERO, Address.ZERO, UInt256.ZERO, UInt256.ZERO, 1_000_000, false,
        Bytes.wrap(info.encode(L1BlockInfo.Format.ECOTONE)));
    byte[] noise = new byte[400];
    new Random(n).nextBytes(noise);
    Transaction user = dev.opal.tx.DynamicFeeTransaction.signed(BigInteger.valueOf(901), n, UInt256.ONE, UInt256.valueOf(10), 100_000, INBOX,
        UInt256.ZERO, Bytes.wrap(noise), KEY);
    BlockHeader h = new BlockHeader(n == 1 ? l2Hash(0) : l2Block(n - 1).header().hash(), BlockHeader.EMPTY_OMMERS_HASH, Address.ZERO, Hash.ZERO,
        Hash.ZERO, Hash.ZERO, Bytes.wrap(new byte[256]), BigInteger.ZERO, n, 30_000_000, 0, 1_700_000_000L + 2 * n, Bytes.EMPTY, Hash.ZERO,
        BlockHeader.ZERO_NONCE, UInt256.ONE, null, null, null, null, null);
    return new Block(h, List.of(deposit, user), List.of(), null);
  }
}
