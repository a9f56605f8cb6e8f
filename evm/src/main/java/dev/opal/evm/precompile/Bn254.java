package dev.opal.evm.precompile;

import java.math.BigInteger;

/**
 * The alt_bn128 (BN254) curve of EIP-196/197: G1 over Fp (y² = x³ + 3), G2 over Fp2 = Fp[u]/(u²+1)
 * on the D-type twist y² = x³ + 3/ξ with ξ = 9 + u, and the optimal ate pairing into
 * Fp12 = Fp[w]/(w¹² − 18w⁶ + 82), where w⁶ = ξ. Arithmetic is affine with BigInteger: simple and
 * exact; the gas schedule prices these calls high enough that speed is secondary.
 */
final class Bn254 {
  static final BigInteger P = new BigInteger("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);
  static final BigInteger R = new BigInteger("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", 16);
  private static final BigInteger THREE = BigInteger.valueOf(3);
  /** 6x + 2 for the BN parameter x: the optimal ate loop count. */
  private static final BigInteger ATE_LOOP_COUNT = new BigInteger("29793968203157093288");
  private static final BigInteger FINAL_EXPONENT = P.pow(12).subtract(BigInteger.ONE).divide(R);

  private Bn254() {}

  static BigInteger mod(BigInteger a) {
    return a.mod(P);
  }

  // ------------------------------------------------------------------ G1

  /** An affine G1 point; null is the point at infinity. */
  record G1(BigInteger x, BigInteger y) {}

  /** Decodes 64 bytes; (0,0) is infinity; throws if a coordinate is ≥ p or the point is off the curve. */
  static G1 decodeG1(byte[] in, int off) {
    BigInteger x = Input.uint(in, off, 32);
    BigInteger y = Input.uint(in, off + 32, 32);
    if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) throw new PrecompileFailure("bn254: coordinate not in field");
    if (x.signum() == 0 && y.signum() == 0) return null;
    if (!y.multiply(y).subtract(x.pow(3)).subtract(THREE).mod(P).equals(BigInteger.ZERO)) throw new PrecompileFailure("bn254: point not on curve");
    return new G1(x, y);
  }

  static byte[] encodeG1(G1 p) {
    byte[] out = new byte[64];
    if (p == null) return out;
    System.arraycopy(Input.toBytes(p.x(), 32), 0, out, 0, 32);
    System.arraycopy(Input.toBytes(p.y(), 32), 0, out, 32, 32);
    return out;
  }

  static G1 add(G1 a, G1 b) {
    if (a == null) return b;
    if (b == null) return a;
    BigInteger lambda;
    if (a.x().equals(b.x())) {
      if (!a.y().equals(b.y()) || a.y().signum() == 0) return null;
      lambda = THREE.multiply(a.x()).multiply(a.x()).multiply(a.y().shiftLeft(1).modInverse(P)).mod(P);
    } else {
      lambda = b.y().subtract(a.y()).multiply(b.x().subtract(a.x()).modInverse(P)).mod(P);
    }
    BigInteger x = lambda.multiply(lambda).subtract(a.x()).subtract(b.x()).mod(P);
    BigInteger y = lambda.multiply(a.x().subtract(x)).subtract(a.y()).mod(P);
    return new G1(x, y);
  }

  static G1 multiply(G1 p, BigInteger k) {
    G1 result = null;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      result = add(result, result);
      if (k.testBit(i)) result = add(result, p);
    }
    return result;
  }

  // ------------------------------------------------------------------ Fp2

  /** a + b·u with u² = −1. */
  record Fp2(BigInteger a, BigInteger b) {
    static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
    static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);

    Fp2 add(Fp2 o) {
      return new Fp2(mod(a.add(o.a)), mod(b.add(o.b)));
    }

    Fp2 sub(Fp2 o) {
      return new Fp2(mod(a.subtract(o.a)), mod(b.subtract(o.b)));
    }

    Fp2 mul(Fp2 o) {
      return new Fp2(mod(a.multiply(o.a).subtract(b.multiply(o.b))), mod(a.multiply(o.b).add(b.multiply(o.a))));
    }

    Fp2 mul(BigInteger k) {
      return new Fp2(mod(a.multiply(k)), mod(b.multiply(k)));
    }

    Fp2 neg() {
      return new Fp2(mod(a.negate()), mod(b.negate()));
    }

    Fp2 conj() {
      return new Fp2(a, mod(b.negate()));
    }

    Fp2 inv() {
      BigInteger norm = a.multiply(a).add(b.multiply(b)).modInverse(P);
      return new Fp2(mod(a.multiply(norm)), mod(b.negate().multiply(norm)));
    }

    Fp2 pow(BigInteger e) {
      Fp2 r = ONE;
      for (int i = e.bitLength() - 1; i >= 0; i--) {
        r = r.mul(r);
        if (e.testBit(i)) r = r.mul(this);
      }
      return r;
    }

    boolean isZero() {
      return a.signum() == 0 && b.signum() == 0;
    }
  }

  private static final Fp2 XI = new Fp2(BigInteger.valueOf(9), BigInteger.ONE);
  private static final Fp2 TWIST_B = new Fp2(THREE, BigInteger.ZERO).mul(XI.inv());
  /** Frobenius on the twist: π(x, y) = (conj(x)·ξ^((p−1)/3), conj(y)·ξ^((p−1)/2)). */
  private static final Fp2 FROB_X = XI.pow(P.subtract(BigInteger.ONE).divide(THREE));
  private static final Fp2 FROB_Y = XI.pow(P.subtract(BigInteger.ONE).shiftRight(1));

  // ------------------------------------------------------------------ G2

  record G2(Fp2 x, Fp2 y) {}

  /** Decodes 128 bytes (each Fp2 as imaginary ‖ real); checks field, curve and subgroup membership. */
  static G2 decodeG2(byte[] in, int off) {
    BigInteger xi = Input.uint(in, off, 32);
    BigInteger xr = Input.uint(in, off + 32, 32);
    BigInteger yi = Input.uint(in, off + 64, 32);
    BigInteger yr = Input.uint(in, off + 96, 32);
    for (BigInteger c : new BigInteger[] {xi, xr, yi, yr}) {
      if (c.compareTo(P) >= 0) throw new PrecompileFailure("bn254: coordinate not in field");
    }
    Fp2 x = new Fp2(xr, xi);
    Fp2 y = new Fp2(yr, yi);
    if (x.isZero() && y.isZero()) return null;
    if (!y.mul(y).sub(x.mul(x).mul(x)).sub(TWIST_B).isZero()) throw new PrecompileFailure("bn254: G2 point not on curve");
    G2 q = new G2(x, y);
    if (multiply(q, R) != null) throw new PrecompileFailure("bn254: G2 point not in the subgroup");
    return q;
  }

  static G2 add(G2 a, G2 b) {
    if (a == null) return b;
    if (b == null) return a;
    Fp2 lambda;
    if (a.x().equals(b.x())) {
      if (!a.y().equals(b.y()) || a.y().isZero()) return null;
      lambda = a.x().mul(a.x()).mul(THREE).mul(a.y().add(a.y()).inv());
    } else {
      lambda = b.y().sub(a.y()).mul(b.x().sub(a.x()).inv());
    }
    Fp2 x = lambda.mul(lambda).sub(a.x()).sub(b.x());
    return new G2(x, lambda.mul(a.x().sub(x)).sub(a.y()));
  }

  static G2 multiply(G2 p, BigInteger k) {
    G2 result = null;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      result = add(result, result);
      if (k.testBit(i)) result = add(result, p);
    }
    return result;
  }

  // ------------------------------------------------------------------ Fp12 and the pairing

  /** Σ c[i]·wⁱ with w¹² = 18w⁶ − 82. */
  record Fp12(BigInteger[] c) {
    static Fp12 one() {
      BigInteger[] c = zeros();
      c[0] = BigInteger.ONE;
      return new Fp12(c);
    }

    private static BigInteger[] zeros() {
      BigInteger[] c = new BigInteger[12];
      java.util.Arrays.fill(c, BigInteger.ZERO);
      return c;
    }

    Fp12 mul(Fp12 o) {
      BigInteger[] t = new BigInteger[23];
      java.util.Arrays.fill(t, BigInteger.ZERO);
      for (int i = 0; i < 12; i++) {
        if (c[i].signum() == 0) continue;
        for (int j = 0; j < 12; j++) t[i + j] = t[i + j].add(c[i].multiply(o.c[j]));
      }
      for (int k = 22; k >= 12; k--) { // w^k = 18·w^(k−6) − 82·w^(k−12)
        if (t[k].signum() == 0) continue;
        t[k - 6] = t[k - 6].add(t[k].multiply(BigInteger.valueOf(18)));
        t[k - 12] = t[k - 12].subtract(t[k].multiply(BigInteger.valueOf(82)));
      }
      BigInteger[] r = new BigInteger[12];
      for (int i = 0; i < 12; i++) r[i] = mod(t[i]);
      return new Fp12(r);
    }

    Fp12 pow(BigInteger e) {
      Fp12 r = one();
      for (int i = e.bitLength() - 1; i >= 0; i--) {
        r = r.mul(r);
        if (e.testBit(i)) r = r.mul(this);
      }
      return r;
    }

    boolean isOne() {
      if (!c[0].equals(BigInteger.ONE)) return false;
      for (int i = 1; i < 12; i++) if (c[i].signum() != 0) return false;
      return true;
    }

    /** The element a + b·u of Fp2 placed in Fp12, using u = w⁶ − 9. */
    static Fp12 embed(Fp2 v, int wPower) {
      BigInteger[] c = zeros();
      c[wPower] = mod(v.a().subtract(v.b().multiply(BigInteger.valueOf(9))));
      c[wPower + 6] = v.b();
      return new Fp12(c);
    }

    Fp12 add(Fp12 o) {
      BigInteger[] r = new BigInteger[12];
      for (int i = 0; i < 12; i++) r[i] = mod(c[i].add(o.c[i]));
      return new Fp12(r);
    }
  }

  /**
   * The line through twisted points t1, t2 (tangent when equal) evaluated at P ∈ G1. With the
   * twist ψ(x, y) = (x·w², y·w³) the slope is λ·w, so the line is λ·w·xP − (λ·x1 − y1)·w³ − yP.
   */
  private static Fp12 line(G2 t1, G2 t2, G1 p) {
    Fp2 lambda;
    if (!t1.x().equals(t2.x())) {
      lambda = t2.y().sub(t1.y()).mul(t2.x().sub(t1.x()).inv());
    } else if (t1.y().equals(t2.y())) {
      lambda = t1.x().mul(t1.x()).mul(THREE).mul(t1.y().add(t1.y()).inv());
    } else {
      // vertical line: xP − x1·w²
      return constant(p.x()).add(Fp12.embed(t1.x().neg(), 2));
    }
    Fp12 a = Fp12.embed(lambda.mul(p.x()), 1);
    Fp12 b = Fp12.embed(lambda.mul(t1.x()).sub(t1.y()).neg(), 3);
    return a.add(b).add(constant(p.y().negate()));
  }

  private static Fp12 constant(BigInteger v) {
    BigInteger[] c = new BigInteger[12];
    java.util.Arrays.fill(c, BigInteger.ZERO);
    c[0] = mod(v);
    return new Fp12(c);
  }

  /** The Miller loop of the optimal ate pairing, without the final exponentiation. */
  static Fp12 miller(G2 q, G1 p) {
    if (q == null || p == null) return Fp12.one();
    G2 r = q;
    Fp12 f = Fp12.one();
    for (int i = ATE_LOOP_COUNT.bitLength() - 2; i >= 0; i--) {
      f = f.mul(f).mul(line(r, r, p));
      r = add(r, r);
      if (ATE_LOOP_COUNT.testBit(i)) {
        f = f.mul(line(r, q, p));
        r = add(r, q);
      }
    }
    G2 q1 = new G2(q.x().conj().mul(FROB_X), q.y().conj().mul(FROB_Y));
    G2 nq2 = new G2(q1.x().conj().mul(FROB_X), q1.y().conj().mul(FROB_Y).neg());
    f = f.mul(line(r, q1, p));
    r = add(r, q1);
    f = f.mul(line(r, nq2, p));
    return f;
  }

  static boolean finalExponentiationIsOne(Fp12 f) {
    return f.pow(FINAL_EXPONENT).isOne();
  }
}
