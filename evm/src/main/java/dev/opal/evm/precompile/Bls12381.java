package dev.opal.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * EIP-2537 BLS12-381 precompiles (Prague; OP Isthmus) on blst (Maven Central {@code tech.pegasys:jblst}):
 * 0x0b G1ADD, 0x0c G1MSM, 0x0d G2ADD, 0x0e G2MSM, 0x0f PAIRING_CHECK, 0x10 MAP_FP_TO_G1, 0x11
 * MAP_FP2_TO_G2 (the maps in {@link Bls12381Map}, the cofactor cleared by blst). Encoding: an Fp element is
 * 64 bytes, its top 16 bytes zero; Fp2 is c0 ‖ c1; a point is x ‖ y, the point at infinity all
 * zeros. Additions check points are on the curve; MSM and pairing also check the subgroup.
 */
final class Bls12381 {
  static final BigInteger P = new BigInteger(
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
  private static final int FP = 64;
  private static final int G1 = 2 * FP;
  private static final int G2 = 4 * FP;
  private static final int SCALAR = 32;
  private static final long[] G1_DISCOUNT = {1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665,
      661, 658, 654, 651, 648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615, 613, 611, 609, 608, 606, 604, 603, 601, 599,
      598, 596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581, 580, 579, 577, 576, 575, 574, 573, 572, 570, 569, 568, 567, 566, 565, 564,
      563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547, 547, 546, 545, 544, 543, 542, 541, 540, 540, 539, 538,
      537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529, 528, 528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520, 520, 519};
  private static final long[] G2_DISCOUNT = {1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699,
      693, 688, 683, 679, 674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629, 627, 624, 622, 620, 618, 615, 613, 611, 609,
      607, 606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587, 586, 584, 583, 582, 580, 579, 578, 576, 575, 574, 573, 571, 570, 569, 568,
      567, 566, 565, 563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551, 550, 549, 548, 547, 546, 545, 545, 544, 543, 542, 541,
      541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533, 532, 532, 531, 530, 530, 529, 528, 528, 527, 526, 526, 525, 524, 524};

  private Bls12381() {}

  /** The 48-byte big-endian field element at {@code off}, checking the zero padding and the field bound. */
  private static byte[] fp(byte[] in, int off) {
    for (int i = 0; i < 16; i++) if (in[off + i] != 0) throw new PrecompileFailure("bls12-381: invalid field element padding");
    byte[] v = Arrays.copyOfRange(in, off + 16, off + FP);
    if (new BigInteger(1, v).compareTo(P) >= 0) throw new PrecompileFailure("bls12-381: field element not below the modulus");
    return v;
  }

  private static boolean allZero(byte[] in, int off, int len) {
    for (int i = off; i < off + len; i++) if (in[i] != 0) return false;
    return true;
  }

  /** A G1 point (null for infinity), checked on the curve and, if asked, in the subgroup. */
  static P1 g1(byte[] in, int off, boolean subgroup) {
    byte[] x = fp(in, off);
    byte[] y = fp(in, off + FP);
    if (allZero(in, off, G1)) return null;
    P1_Affine p;
    try {
      p = new P1_Affine(concat(x, y));
    } catch (RuntimeException e) {
      throw new PrecompileFailure("bls12-381: invalid G1 point");
    }
    if (!p.on_curve()) throw new PrecompileFailure("bls12-381: G1 point not on curve");
    if (subgroup && !p.in_group()) throw new PrecompileFailure("bls12-381: G1 point not in the subgroup");
    return p.to_jacobian();
  }

  /** A G2 point; blst's serialization puts c1 before c0. */
  static P2 g2(byte[] in, int off, boolean subgroup) {
    byte[] x0 = fp(in, off);
    byte[] x1 = fp(in, off + FP);
    byte[] y0 = fp(in, off + 2 * FP);
    byte[] y1 = fp(in, off + 3 * FP);
    if (allZero(in, off, G2)) return null;
    P2_Affine p;
    try {
      p = new P2_Affine(concat(concat(x1, x0), concat(y1, y0)));
    } catch (RuntimeException e) {
      throw new PrecompileFailure("bls12-381: invalid G2 point");
    }
    if (!p.on_curve()) throw new PrecompileFailure("bls12-381: G2 point not on curve");
    if (subgroup && !p.in_group()) throw new PrecompileFailure("bls12-381: G2 point not in the subgroup");
    return p.to_jacobian();
  }

  static byte[] encode(P1 p) {
    byte[] out = new byte[G1];
    if (p == null || p.is_inf()) return out;
    byte[] s = p.serialize(); // x ‖ y, 48 bytes each
    System.arraycopy(s, 0, out, 16, 48);
    System.arraycopy(s, 48, out, FP + 16, 48);
    return out;
  }

  static byte[] encode(P2 p) {
    byte[] out = new byte[G2];
    if (p == null || p.is_inf()) return out;
    byte[] s = p.serialize(); // x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0
    System.arraycopy(s, 48, out, 16, 48);
    System.arraycopy(s, 0, out, FP + 16, 48);
    System.arraycopy(s, 144, out, 2 * FP + 16, 48);
    System.arraycopy(s, 96, out, 3 * FP + 16, 48);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static long msmGas(int pairs, long perPair, long[] discounts) {
    if (pairs == 0) return 0;
    long discount = discounts[Math.min(pairs, discounts.length) - 1];
    return pairs * perPair * discount / 1000;
  }

  static final class G1Add implements Precompile {
    @Override
    public long gasCost(byte[] input) {
      return 375;
    }

    @Override
    public byte[] execute(byte[] input) {
      if (input.length != 2 * G1) throw new PrecompileFailure("bls12-381 G1ADD: input must be 256 bytes");
      P1 a = g1(input, 0, false);
      P1 b = g1(input, G1, false);
      if (a == null) return encode(b);
      if (b == null) return encode(a);
      return encode(a.add(b));
    }
  }

  static final class G2Add implements Precompile {
    @Override
    public long gasCost(byte[] input) {
      return 600;
    }

    @Override
    public byte[] execute(byte[] input) {
      if (input.length != 2 * G2) throw new PrecompileFailure("bls12-381 G2ADD: input must be 512 bytes");
      P2 a = g2(input, 0, false);
      P2 b = g2(input, G2, false);
      if (a == null) return encode(b);
      if (b == null) return encode(a);
      return encode(a.add(b));
    }
  }

  static final class G1Msm implements Precompile {
    private final int maxInput; // OP Isthmus/Jovian caps; 0 = none

    G1Msm(int maxInput) {
      this.maxInput = maxInput;
    }

    @Override
    public long gasCost(byte[] input) {
      return msmGas(input.length / (G1 + SCALAR), 12_000, G1_DISCOUNT);
    }

    @Override
    public byte[] execute(byte[] input) {
      int size = G1 + SCALAR;
      if (input.length == 0 || input.length % size != 0) throw new PrecompileFailure("bls12-381 G1MSM: invalid input length");
      if (maxInput > 0 && input.length > maxInput) throw new PrecompileFailure("bls12-381 G1MSM: input longer than " + maxInput);
      P1 sum = null;
      for (int off = 0; off < input.length; off += size) {
        P1 p = g1(input, off, true);
        BigInteger k = new BigInteger(1, Arrays.copyOfRange(input, off + G1, off + size));
        if (p == null || k.signum() == 0) continue;
        P1 term = p.mult(k);
        sum = sum == null ? term : sum.add(term);
      }
      return encode(sum);
    }
  }

  static final class G2Msm implements Precompile {
    private final int maxInput;

    G2Msm(int maxInput) {
      this.maxInput = maxInput;
    }

    @Override
    public long gasCost(byte[] input) {
      return msmGas(input.length / (G2 + SCALAR), 22_500, G2_DISCOUNT);
    }

    @Override
    public byte[] execute(byte[] input) {
      int size = G2 + SCALAR;
      if (input.length == 0 || input.length % size != 0) throw new PrecompileFailure("bls12-381 G2MSM: invalid input length");
      if (maxInput > 0 && input.length > maxInput) throw new PrecompileFailure("bls12-381 G2MSM: input longer than " + maxInput);
      P2 sum = null;
      for (int off = 0; off < input.length; off += size) {
        P2 p = g2(input, off, true);
        BigInteger k = new BigInteger(1, Arrays.copyOfRange(input, off + G2, off + size));
        if (p == null || k.signum() == 0) continue;
        P2 term = p.mult(k);
        sum = sum == null ? term : sum.add(term);
      }
      return encode(sum);
    }
  }

  static final class Pairing implements Precompile {
    private final int maxInput;

    Pairing(int maxInput) {
      this.maxInput = maxInput;
    }

    @Override
    public long gasCost(byte[] input) {
      return 37_700 + 32_600L * (input.length / (G1 + G2));
    }

    @Override
    public byte[] execute(byte[] input) {
      int size = G1 + G2;
      if (input.length == 0 || input.length % size != 0) throw new PrecompileFailure("bls12-381 PAIRING: invalid input length");
      if (maxInput > 0 && input.length > maxInput) throw new PrecompileFailure("bls12-381 PAIRING: input longer than " + maxInput);
      PT acc = null;
      for (int off = 0; off < input.length; off += size) {
        P1 p = g1(input, off, true);
        P2 q = g2(input, off + G1, true);
        if (p == null || q == null) continue;
        PT miller = new PT(p.to_affine(), q.to_affine());
        acc = acc == null ? miller : acc.mul(miller);
      }
      boolean one = acc == null || acc.final_exp().is_one();
      return Input.toBytes(one ? BigInteger.ONE : BigInteger.ZERO, 32);
    }
  }

  static final class MapFpToG1 implements Precompile {
    @Override
    public long gasCost(byte[] input) {
      return 5_500;
    }

    @Override
    public byte[] execute(byte[] input) {
      if (input.length != FP) throw new PrecompileFailure("bls12-381 MAP_FP_TO_G1: input must be 64 bytes");
      Bls12381Map.G1Point q = Bls12381Map.mapToG1(new BigInteger(1, fp(input, 0)));
      if (q == null) return new byte[G1];
      P1 p = new P1_Affine(concat(word48(q.x()), word48(q.y()))).to_jacobian();
      return encode(p.mult(Bls12381Map.G1_H_EFF));
    }
  }

  static final class MapFp2ToG2 implements Precompile {
    @Override
    public long gasCost(byte[] input) {
      return 23_800;
    }

    @Override
    public byte[] execute(byte[] input) {
      if (input.length != 2 * FP) throw new PrecompileFailure("bls12-381 MAP_FP2_TO_G2: input must be 128 bytes");
      Bls12381Map.Fp2 u = new Bls12381Map.Fp2(new BigInteger(1, fp(input, 0)), new BigInteger(1, fp(input, FP)));
      Bls12381Map.G2Point q = Bls12381Map.mapToG2(u);
      if (q == null) return new byte[G2];
      byte[] blstOrder = concat(concat(word48(q.x().c1()), word48(q.x().c0())), concat(word48(q.y().c1()), word48(q.y().c0())));
      P2 p = new P2_Affine(blstOrder).to_jacobian();
      return encode(p.mult(Bls12381Map.G2_H_EFF));
    }
  }

  private static byte[] word48(BigInteger v) {
    return Input.toBytes(v, 48);
  }
}
