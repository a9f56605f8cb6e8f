package dev.opal.execution.chain;

import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.config.ChainConfig;
import dev.opal.config.Genesis;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.execution.core.BlockExecution;
import dev.opal.execution.core.BlockProcessor;
import dev.opal.execution.core.BlockValidator;
import dev.opal.execution.core.InvalidBlockException;
import dev.opal.state.StateDb;
import dev.opal.trie.NodeStore;
import dev.opal.types.Hash;
import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's chain: executed blocks by hash (any fork of the tree), the canonical chain, and
 * the head, safe and finalized markers. Importing a block validates and executes it without moving
 * the head; {@link #setHead} makes a block and its ancestors canonical (reorging if needed).
 */
public final class Blockchain {
  private static final Logger LOG = LoggerFactory.getLogger(Blockchain.class);

  private final ChainConfig chain;
  private final NodeStore nodes;
  private final ChainStore store;
  private final BlockProcessor processor;
  private final java.util.List<java.util.function.Consumer<StoredBlock>> headListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public Blockchain(ChainConfig chain, Genesis genesis, NodeStore nodes, ChainStore store) {
    this.chain = chain;
    this.nodes = nodes;
    this.store = store;
    this.processor = new BlockProcessor(chain);
    if (store.marker(ChainStore.Marker.HEAD) == null) {
      Block g = GenesisBlock.build(genesis, nodes);
      StoredBlock stored = new StoredBlock(g, new BlockExecution(List.of(), List.of(), 0, 0, g.header().logsBloom()));
      store.putBlock(stored);
      store.updateCanonical(g.header().number(), List.of(stored), stored.hash());
      store.setMarker(ChainStore.Marker.SAFE, stored.hash());
      store.setMarker(ChainStore.Marker.FINALIZED, stored.hash());
      LOG.info("Initialised chain {} at genesis block {} ({})", chain.chainId(), g.header().number(), stored.hash());
    }
  }

  public ChainConfig config() {
    return chain;
  }

  public NodeStore nodes() {
    return nodes;
  }

  public BlockProcessor processor() {
    return processor;
  }

  public StoredBlock block(Hash hash) {
    return store.block(hash);
  }

  public StoredBlock canonicalBlock(long number) {
    Hash h = store.canonicalHash(number);
    return h == null ? null : store.block(h);
  }

  public StoredBlock head() {
    return store.block(store.marker(ChainStore.Marker.HEAD));
  }

  public StoredBlock safe() {
    return store.block(store.marker(ChainStore.Marker.SAFE));
  }

  public StoredBlock finalized() {
    return store.block(store.marker(ChainStore.Marker.FINALIZED));
  }

  public StoredBlock genesis() {
    return canonicalBlock(0);
  }

  public boolean isCanonical(Hash hash) {
    StoredBlock b = store.block(hash);
    return b != null && hash.equals(store.canonicalHash(b.number()));
  }

  public Rules rulesAt(long timestamp) {
    return chain.forks().rulesAt(timestamp);
  }

  /** The state after the given block. */
  public StateDb stateAt(BlockHeader header) {
    return new StateDb(nodes, header.stateRoot());
  }

  /** BLOCKHASH for a block built or imported on top of {@code parent}: walks the ancestors. */
  public LongFunction<Hash> ancestorHashes(BlockHeader parent) {
    return number -> {
      BlockHeader h = parent;
      while (h != null && h.number() > number) {
        StoredBlock b = store.block(h.parentHash());
        h = b == null ? null : b.block().header();
      }
      return h != null && h.number() == number ? h.hash() : null;
    };
  }

  /**
   * Validates and executes a block on its parent's state and stores it, without changing the head.
   * Throws {@link UnknownParentException} or {@link InvalidBlockException}.
   */
  public synchronized StoredBlock importBlock(Block block) {
    BlockHeader h = block.header();
    StoredBlock known = store.block(h.hash());
    if (known != null) return known;
    StoredBlock parent = store.block(h.parentHash());
    if (parent == null) throw new UnknownParentException(h.parentHash());
    BlockHeader ph = parent.block().header();
    BlockValidator.validateHeader(chain, ph, h);
    Rules rules = rulesAt(h.timestamp());
    if ((block.withdrawals() != null) != (h.withdrawalsRoot() != null)) throw new InvalidBlockException("body withdrawals do not match the header");
    if (rules.isAtLeast(OpFork.CANYON) && !block.withdrawals().isEmpty()) throw new InvalidBlockException("OP blocks carry no withdrawals");
    if (!block.ommers().isEmpty()) throw new InvalidBlockException("ommers are not allowed after the merge");
    StateDb state = stateAt(ph);
    BlockExecution exec = processor.execute(state, h, block.transactions(), block.withdrawals(), ancestorHashes(ph));
    Hash root = state.commit();
    if (rules.isAtLeast(OpFork.ISTHMUS)) {
      // Isthmus: the withdrawals root commits to the L2ToL1MessagePasser's storage (OP specs isthmus/exec-engine.md)
      Hash passer = state.storageRoot(GenesisBlock.L2_TO_L1_MESSAGE_PASSER);
      if (!passer.equals(h.withdrawalsRoot())) {
        throw new InvalidBlockException("withdrawals root " + h.withdrawalsRoot().toHex() + ", message passer storage root is " + passer.toHex());
      }
      BlockValidator.validateExecution(h, block.transactions(), null, exec, root);
    } else {
      BlockValidator.validateExecution(h, block.transactions(), block.withdrawals(), exec, root);
    }
    StoredBlock stored = new StoredBlock(block, exec);
    store.putBlock(stored);
    LOG.debug("Imported block {} ({}), {} txs, gas used {}", h.number(), h.hash(), block.transactions().size(), h.gasUsed());
    return stored;
  }

  /** Stores a block this engine built and executed itself (already validated by construction). */
  public synchronized void storeBuilt(StoredBlock block) {
    store.putBlock(block);
  }

  /** Makes {@code hash} the head: it and all its ancestors become canonical, replacing any other branch. */
  public synchronized void setHead(Hash hash) {
    StoredBlock newHead = store.block(hash);
    if (newHead == null) throw new IllegalArgumentException("unknown block " + hash);
    StoredBlock oldHead = head();
    java.util.ArrayDeque<StoredBlock> branch = new java.util.ArrayDeque<>();
    StoredBlock b = newHead;
    while (b != null && !b.hash().equals(store.canonicalHash(b.number()))) {
      branch.addFirst(b);
      b = store.block(b.block().header().parentHash());
    }
    store.updateCanonical(newHead.number(), List.copyOf(branch), hash);
    for (StoredBlock added : branch) {
      for (var l : headListeners) {
        try {
          l.accept(added);
        } catch (RuntimeException e) {
          LOG.warn("head listener failed: {}", e.toString());
        }
      }
    }
    if (oldHead != null && !newHead.block().header().parentHash().equals(oldHead.hash()) && !newHead.hash().equals(oldHead.hash())) {
      LOG.info("Head moved from block {} ({}) to block {} ({})", oldHead.number(), oldHead.hash(), newHead.number(), newHead.hash());
    }
  }

  /** Called, in order, for every block that becomes canonical (subscriptions use it). */
  public void onNewCanonicalBlock(java.util.function.Consumer<StoredBlock> listener) {
    headListeners.add(listener);
  }

  /** The canonical block holding a transaction, or null. */
  public StoredBlock blockOfTransaction(Hash txHash) {
    Hash h = store.transactionBlock(txHash);
    return h != null && isCanonical(h) ? store.block(h) : null;
  }

  public synchronized void setSafe(Hash hash) {
    store.setMarker(ChainStore.Marker.SAFE, hash);
  }

  public synchronized void setFinalized(Hash hash) {
    store.setMarker(ChainStore.Marker.FINALIZED, hash);
  }
}
