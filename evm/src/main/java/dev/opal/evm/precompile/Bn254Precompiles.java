package dev.opal.evm.precompile;

import java.math.BigInteger;

/** EIP-196/197 on BN254: 0x06 ECADD, 0x07 ECMUL, 0x08 ECPAIRING, priced per EIP-1108 (Istanbul). */
final class Bn254Precompiles {
  private Bn254Precompiles() {}

  static final class Add implements Precompile {
    @Override
    public long gasCost(byte[] input) {
      return 150;
    }

    @Override
    public byte[] execute(byte[] input) {
      byte[] in = Input.slice(input, 0, 128);
      return Bn254.encodeG1(Bn254.add(Bn254.decodeG1(in, 0), Bn254.decodeG1(in, 64)));
    }
  }

  static final class Mul implements Precompile {
    @Override
    public long gasCost(byte[] input) {
      return 6000;
    }

    @Override
    public byte[] execute(byte[] input) {
      byte[] in = Input.slice(input, 0, 96);
      Bn254.G1 p = Bn254.decodeG1(in, 0);
      BigInteger k = Input.uint(in, 64, 32);
      return Bn254.encodeG1(p == null ? null : Bn254.multiply(p, k));
    }
  }

  /** The pairing check: 1 if the product of the pairings of all (G1, G2) pairs is 1. */
  static final class Pairing implements Precompile {
    private final int maxInput; // OP Granite and later cap the input; 0 means no cap

    Pairing(int maxInput) {
      this.maxInput = maxInput;
    }

    @Override
    public long gasCost(byte[] input) {
      return 45_000 + 34_000L * (input.length / 192);
    }

    @Override
    public byte[] execute(byte[] input) {
      if (input.length % 192 != 0) throw new PrecompileFailure("bn254 pairing: input length not a multiple of 192");
      if (maxInput > 0 && input.length > maxInput) throw new PrecompileFailure("bn254 pairing: input longer than " + maxInput);
      Bn254.Fp12 f = Bn254.Fp12.one();
      boolean any = false;
      for (int off = 0; off < input.length; off += 192) {
        Bn254.G1 p = Bn254.decodeG1(input, off);
        Bn254.G2 q = Bn254.decodeG2(input, off + 64);
        if (p == null || q == null) continue;
        f = f.mul(Bn254.miller(q, p));
        any = true;
      }
      boolean one = !any || Bn254.finalExponentiationIsOne(f);
      return Input.toBytes(one ? BigInteger.ONE : BigInteger.ZERO, 32);
    }
  }
}
