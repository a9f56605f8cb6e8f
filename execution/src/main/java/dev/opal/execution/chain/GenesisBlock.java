package dev.opal.execution.chain;

import dev.opal.block.Block;
import dev.opal.block.BlockHeader;
import dev.opal.block.Bloom;
import dev.opal.config.EthereumFork;
import dev.opal.config.Genesis;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.crypto.Keccak;
import dev.opal.execution.core.BlockValidator;
import dev.opal.state.GenesisState;
import dev.opal.state.StateDb;
import dev.opal.trie.NodeStore;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import java.util.List;

/**
 * The genesis block of a genesis file, as op-geth builds it (core/genesis.go ToBlock): the alloc's
 * state root, London base fee, and the fork fields of the forks active at genesis time: an empty
 * withdrawals root from Shanghai (Canyon), zero blob gas and beacon root from Cancun (Ecotone), the
 * empty requests hash from Prague, and on OP from Isthmus the L2ToL1MessagePasser's storage root as
 * withdrawals root.
 */
public final class GenesisBlock {
  public static final Address L2_TO_L1_MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");

  private GenesisBlock() {}

  /** Writes the genesis state to {@code store} and returns the genesis block. */
  public static Block build(Genesis g, NodeStore store) {
    StateDb state = new StateDb(store, Keccak.EMPTY_TRIE_ROOT);
    GenesisState.apply(state, g.alloc());
    Hash stateRoot = state.commit();
    Rules rules = g.config().forks().rulesAt(g.timestamp());
    Hash withdrawalsRoot = null;
    if (rules.isAtLeast(EthereumFork.SHANGHAI)) {
      withdrawalsRoot = rules.isAtLeast(OpFork.ISTHMUS) ? state.storageRoot(L2_TO_L1_MESSAGE_PASSER) : Keccak.EMPTY_TRIE_ROOT;
    }
    boolean cancun = rules.isAtLeast(EthereumFork.CANCUN);
    BlockHeader header = new BlockHeader(
        g.parentHash(), BlockHeader.EMPTY_OMMERS_HASH, g.coinbase(), stateRoot, Keccak.EMPTY_TRIE_ROOT, Keccak.EMPTY_TRIE_ROOT,
        Bloom.EMPTY, g.difficulty(), g.number(), g.gasLimit(), 0, g.timestamp(), g.extraData(), g.mixHash(),
        BlockHeader.ZERO_NONCE, g.baseFeePerGas(), withdrawalsRoot,
        cancun ? (g.blobGasUsed() == null ? 0L : g.blobGasUsed()) : null,
        cancun ? (g.excessBlobGas() == null ? 0L : g.excessBlobGas()) : null,
        cancun ? Hash.ZERO : null,
        rules.isAtLeast(EthereumFork.PRAGUE) ? BlockValidator.EMPTY_REQUESTS_HASH : null);
    return new Block(header, List.of(), List.of(), withdrawalsRoot == null ? null : List.of());
  }
}
