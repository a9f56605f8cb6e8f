#!/usr/bin/env python3
"""Extracts the L2 predeploy bytecode Opal's devnet genesis needs from the contracts-bedrock
artifacts (npm @eth-optimism/contracts-bedrock 0.17.3, MIT) into packaged resources.

Usage: devnet/tools/extract-predeploys.py [SHARED_DIR]   (default ../shared)
Runtime code for contracts without immutables; creation code for the fee vaults, whose
constructor arguments the genesis builder supplies.
"""
import json, os, sys

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
artifacts = json.load(open(os.path.join(shared, "vectors", "contracts-bedrock-0.17.3", "artifacts.json")))
out = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "dev", "opal", "devnet", "predeploys")
os.makedirs(out, exist_ok=True)
runtime = ["Proxy", "ProxyAdmin", "L2ToL1MessagePasser", "WETH", "L1BlockNumber", "L1Block", "GasPriceOracle"]
creation = ["BaseFeeVault", "L1FeeVault", "SequencerFeeVault"]
for name in runtime:
    open(os.path.join(out, name + ".runtime.hex"), "w").write(artifacts[name]["deployedBytecode"].removeprefix("0x") + "\n")
for name in creation:
    open(os.path.join(out, name + ".creation.hex"), "w").write(artifacts[name]["bytecode"].removeprefix("0x") + "\n")
print("wrote", len(runtime) + len(creation), "files to", out)
