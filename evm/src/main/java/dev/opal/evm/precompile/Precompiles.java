package dev.opal.evm.precompile;

import dev.opal.config.EthereumFork;
import dev.opal.config.OpFork;
import dev.opal.config.Rules;
import dev.opal.types.Address;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The precompiled contracts active under a fork's rules (Yellow Paper appendix E with EIPs 196,
 * 197, 198, 152, 1108, 2565, 4844, 2537; OP's RIP-7212 P256VERIFY from Fjord and the input caps
 * of Granite, Isthmus and Jovian).
 */
public final class Precompiles {
  /** OP Granite's cap on BN254 pairing input (OP specs granite/exec-engine.md); Jovian lowers it. */
  static final int GRANITE_PAIRING_MAX = 112_687;
  static final int JOVIAN_PAIRING_MAX = 81_984;
  public static final Address P256VERIFY = Address.fromHex("0x0000000000000000000000000000000000000100");

  private Precompiles() {}

  public static Map<Address, Precompile> forRules(Rules rules) {
    Map<Address, Precompile> m = new LinkedHashMap<>();
    m.put(at(1), new EcRecover());
    m.put(at(2), new Sha256());
    m.put(at(3), new Ripemd160());
    m.put(at(4), new Identity());
    if (rules.isAtLeast(EthereumFork.BYZANTIUM)) {
      m.put(at(5), new ModExp());
      m.put(at(6), new Bn254Precompiles.Add());
      m.put(at(7), new Bn254Precompiles.Mul());
      int cap = rules.isAtLeast(OpFork.JOVIAN) ? JOVIAN_PAIRING_MAX : rules.isAtLeast(OpFork.GRANITE) ? GRANITE_PAIRING_MAX : 0;
      m.put(at(8), new Bn254Precompiles.Pairing(cap));
    }
    if (rules.isAtLeast(EthereumFork.ISTANBUL)) m.put(at(9), new Blake2F());
    if (rules.isAtLeast(EthereumFork.CANCUN)) m.put(at(10), new PointEvaluation());
    if (rules.isAtLeast(EthereumFork.PRAGUE)) {
      // EIP-2537 with OP's input caps (Isthmus; Jovian lowers them)
      boolean jovian = rules.isAtLeast(OpFork.JOVIAN);
      boolean op = rules.isOptimism();
      m.put(at(0x0b), new Bls12381.G1Add());
      m.put(at(0x0c), new Bls12381.G1Msm(!op ? 0 : jovian ? 288_960 : 513_760));
      m.put(at(0x0d), new Bls12381.G2Add());
      m.put(at(0x0e), new Bls12381.G2Msm(!op ? 0 : jovian ? 278_784 : 488_448));
      m.put(at(0x0f), new Bls12381.Pairing(!op ? 0 : jovian ? 156_672 : 235_008));
      m.put(at(0x10), new Bls12381.MapFpToG1());
      m.put(at(0x11), new Bls12381.MapFp2ToG2());
    }
    if (rules.isAtLeast(OpFork.FJORD)) m.put(P256VERIFY, new P256Verify());
    return Collections.unmodifiableMap(m);
  }

  private static Address at(int n) {
    byte[] a = new byte[20];
    a[19] = (byte) n;
    return Address.of(a);
  }
}
