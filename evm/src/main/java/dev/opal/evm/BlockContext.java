package dev.opal.evm;

import dev.opal.config.Rules;
import dev.opal.types.Address;
import dev.opal.types.Hash;
import dev.opal.types.UInt256;
import java.util.function.LongFunction;

/**
 * What the EVM can see of the block: COINBASE, NUMBER, TIMESTAMP, GASLIMIT, BASEFEE, PREVRANDAO,
 * BLOBBASEFEE, CHAINID and BLOCKHASH (via {@code blockHashes}, which returns null for blocks out of
 * range), and the fork rules in force.
 */
public record BlockContext(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    UInt256 baseFee,
    Hash prevRandao,
    UInt256 blobBaseFee,
    UInt256 chainId,
    LongFunction<Hash> blockHashes,
    Rules rules) {}
