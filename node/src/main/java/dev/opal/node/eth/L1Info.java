package dev.opal.node.eth;

import dev.opal.types.Hash;
import java.math.BigInteger;

/**
 * What the L1-info deposit and the payload attributes need from an L1 block: identity, base fee,
 * blob base fee (1 before Cancun), prevRandao and the parent beacon block root (zero if none).
 */
public record L1Info(L1BlockRef ref, BigInteger baseFee, BigInteger blobBaseFee, Hash mixHash, Hash parentBeaconBlockRoot) {}
