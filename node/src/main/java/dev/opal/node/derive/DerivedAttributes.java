package dev.opal.node.derive;

import dev.opal.node.eth.L1BlockRef;
import dev.opal.node.eth.L2BlockRef;
import dev.opal.rpc.engine.PayloadAttributes;

/**
 * The attributes of the next safe block, derived from L1 (op-node AttributesWithParent).
 *
 * @param parent the safe head the attributes build on
 * @param derivedFrom the L1 block whose data completed the batch
 * @param concluding whether this is the last block of its batch (a span batch's blocks before its
 *     last leave the chain pending-safe; op-node AttributesWithParent.Concluding)
 */
public record DerivedAttributes(PayloadAttributes attributes, L2BlockRef parent, L1BlockRef derivedFrom, boolean concluding) {}
