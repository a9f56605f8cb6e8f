package dev.opal.node.derive;

import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.engine.PayloadAttributes;

/**
 * The attributes of the next safe block, derived from L1 (op-node AttributesWithParent).
 *
 * @param parent the safe head the attributes build on
 * @param derivedFrom the L1 block whose data completed the batch
 */
public record DerivedAttributes(PayloadAttributes attributes, L2BlockRef parent, L1BlockRef derivedFrom) {}
