package dev.opal.node.derive.batch;

import dev.opal.crypto.Secp256k1;
import dev.opal.crypto.Signature;
import dev.opal.tx.AccessListEntry;
import dev.opal.tx.AccessListTransaction;
import dev.opal.tx.Authorization;
import dev.opal.tx.DynamicFeeTransaction;
import dev.opal.tx.LegacyTransaction;
import dev.opal.tx.SetCodeTransaction;
import dev.opal.types.Address;
import dev.opal.types.Bytes;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.math.BigInteger;
import java.util.List;

/** Signed transactions of every kind a batch carries, for batch codec tests. */
public final class TestTxs {
  public static final BigInteger CHAIN_ID = BigInteger.valueOf(901);
  public static final byte[] KEY = Bytes.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80").toArray();
  public static final Address TO = Address.fromHex("0x000000000000000000000000000000000000dEaD");

  private TestTxs() {}

  public static Bytes legacy(long nonce, boolean eip155, Address to, Bytes data) {
    BigInteger chainId = eip155 ? CHAIN_ID : null;
    UInt256 price = UInt256.valueOf(1_000_000_007L + nonce);
    LegacyTransaction u = new LegacyTransaction(nonce, price, 21_000 + nonce, to, UInt256.valueOf(nonce), data, LegacyTransaction.v(0, chainId),
        BigInteger.ONE, BigInteger.ONE);
    Signature s = Secp256k1.sign(u.signingHash(), KEY);
    return Bytes.wrap(new LegacyTransaction(nonce, price, 21_000 + nonce, to, UInt256.valueOf(nonce), data, LegacyTransaction.v(s.recoveryId(),
        chainId), s.r(), s.s()).encode());
  }

  public static Bytes accessList(long nonce) {
    List<AccessListEntry> list = List.of(new AccessListEntry(TO, List.of(Hash.ZERO)));
    AccessListTransaction u = new AccessListTransaction(CHAIN_ID, nonce, UInt256.valueOf(7), 50_000, TO, UInt256.ONE, Bytes.fromHex("0x01"), list,
        0, BigInteger.ONE, BigInteger.ONE);
    Signature s = Secp256k1.sign(u.signingHash(), KEY);
    return Bytes.wrap(new AccessListTransaction(CHAIN_ID, nonce, UInt256.valueOf(7), 50_000, TO, UInt256.ONE, Bytes.fromHex("0x01"), list,
        s.recoveryId(), s.r(), s.s()).encode());
  }

  public static Bytes dynamicFee(long nonce, Address to, Bytes data) {
    DynamicFeeTransaction u = new DynamicFeeTransaction(CHAIN_ID, nonce, UInt256.valueOf(2), UInt256.valueOf(1_000_000_000), 100_000, to,
        UInt256.valueOf(3), data, List.of(), 0, BigInteger.ONE, BigInteger.ONE);
    Signature s = Secp256k1.sign(u.signingHash(), KEY);
    return Bytes.wrap(new DynamicFeeTransaction(CHAIN_ID, nonce, UInt256.valueOf(2), UInt256.valueOf(1_000_000_000), 100_000, to,
        UInt256.valueOf(3), data, List.of(), s.recoveryId(), s.r(), s.s()).encode());
  }

  public static Bytes setCode(long nonce) {
    Authorization auth = new Authorization(CHAIN_ID, TO, BigInteger.valueOf(nonce), 1, BigInteger.TWO, BigInteger.TEN);
    SetCodeTransaction u = new SetCodeTransaction(CHAIN_ID, nonce, UInt256.ONE, UInt256.valueOf(9), 80_000, TO, UInt256.ZERO, Bytes.EMPTY,
        List.of(), List.of(auth), 0, BigInteger.ONE, BigInteger.ONE);
    Signature s = Secp256k1.sign(u.signingHash(), KEY);
    return Bytes.wrap(new SetCodeTransaction(CHAIN_ID, nonce, UInt256.ONE, UInt256.valueOf(9), 80_000, TO, UInt256.ZERO, Bytes.EMPTY, List.of(),
        List.of(auth), s.recoveryId(), s.r(), s.s()).encode());
  }
}
