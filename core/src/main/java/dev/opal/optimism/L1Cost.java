package dev.opal.optimism;

import java.math.BigInteger;

/** The L1 data fee of one transaction and the L1 gas figure receipts report beside it. */
public record L1Cost(BigInteger fee, BigInteger gasUsed) {}
