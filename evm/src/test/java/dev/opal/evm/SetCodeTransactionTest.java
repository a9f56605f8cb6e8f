package dev.opal.evm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opal.config.EthereumFork;
import dev.opal.config.Rules;
import dev.opal.crypto.Keccak;
import dev.opal.crypto.Secp256k1;
import dev.opal.crypto.Signature;
import dev.opal.state.StateDb;
import dev.opal.trie.InMemoryNodeStore;
import dev.opal.tx.Authorization;
import dev.opal.tx.SetCodeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EIP-7702 as the EIP specifies it: a valid authorization makes the authority's code a delegation
 * designator and bumps its nonce; calling the authority then runs the delegate's code in the
 * authority's context; an authorization for another chain is skipped.
 */
class SetCodeTransactionTest {
  private static final byte[] SENDER_KEY = new byte[32];
  private static final byte[] AUTHORITY_KEY = new byte[32];

  static {
    SENDER_KEY[31] = 1;
    AUTHORITY_KEY[31] = 2;
  }

  private static Authorization sign(BigInteger chainId, Address delegate, long nonce) {
    Authorization unsigned = new Authorization(chainId, delegate, BigInteger.valueOf(nonce), 0, BigInteger.ONE, BigInteger.ONE);
    Signature sig = Secp256k1.sign(unsigned.signingHash(), AUTHORITY_KEY);
    return new Authorization(chainId, delegate, BigInteger.valueOf(nonce), sig.recoveryId(), sig.r(), sig.s());
  }

  @Test
  void delegatesAndRunsTheDelegateCodeInTheAuthoritysContext() {
    Address sender = Secp256k1.address(SENDER_KEY);
    Address authority = Secp256k1.address(AUTHORITY_KEY);
    Address delegate = Address.fromHex("0x000000000000000000000000000000000000de1e");
    StateDb state = new StateDb(new InMemoryNodeStore(), Keccak.EMPTY_TRIE_ROOT);
    state.setBalance(sender, UInt256.fromBigInteger(BigInteger.TEN.pow(20)));
    state.setCode(delegate, Bytes.fromHex("0x602a60015500")); // SSTORE(1, 42)
    state.finalizeTransaction(false);
    BlockContext block = new BlockContext(Address.ZERO, 1, 1, 30_000_000, UInt256.valueOf(7), Hash.ZERO, UInt256.ONE, UInt256.ONE, n -> null,
        Rules.ethereum(EthereumFork.PRAGUE));
    List<Authorization> auths = List.of(sign(BigInteger.ONE, delegate, 0), sign(BigInteger.valueOf(5), delegate, 1));
    SetCodeTransaction tx = new SetCodeTransaction(BigInteger.ONE, 0, UInt256.ONE, UInt256.valueOf(100), 200_000, authority, UInt256.ZERO,
        Bytes.EMPTY, List.of(), auths, 0, BigInteger.ONE, BigInteger.ONE);
    TransactionResult r = new TransactionProcessor(state, block, null).apply(tx, sender, 30_000_000);
    assertThat(r.success()).isTrue();
    assertThat(state.getCode(authority)).isEqualTo(Bytes.fromHex("0xef0100000000000000000000000000000000000000de1e"));
    assertThat(state.getNonce(authority)).as("only the same-chain authorization applied").isEqualTo(1);
    assertThat(state.getStorage(authority, UInt256.ONE)).isEqualTo(UInt256.valueOf(42));
    assertThat(state.getStorage(delegate, UInt256.ONE)).isEqualTo(UInt256.ZERO);
  }
}
