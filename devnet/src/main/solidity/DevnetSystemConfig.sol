// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title DevnetSystemConfig
/// @notice The rollup configuration contract of Opal's embedded L1 devnet. Each setter emits
///         ConfigUpdate with the payload op-node decodes (specs/protocol/system-config.md).
///         The contract is placed in the L1 genesis without running a constructor, so its
///         storage (owner in slot 0, then the values below) is written by the genesis builder.
contract DevnetSystemConfig {
    enum UpdateType {
        BATCHER,
        FEE_SCALARS,
        GAS_LIMIT,
        UNSAFE_BLOCK_SIGNER,
        EIP_1559_PARAMS,
        OPERATOR_FEE_PARAMS,
        MIN_BASE_FEE,
        DA_FOOTPRINT_GAS_SCALAR
    }

    uint256 public constant VERSION = 0;

    address public owner; // slot 0
    bytes32 public batcherHash; // slot 1
    uint256 public overhead; // slot 2
    uint256 public scalar; // slot 3
    uint64 public gasLimit; // slot 4
    uint32 public eip1559Denominator; // slot 4
    uint32 public eip1559Elasticity; // slot 4
    uint32 public operatorFeeScalar; // slot 4
    uint64 public operatorFeeConstant; // slot 5
    uint64 public minBaseFee; // slot 5
    uint16 public daFootprintGasScalar; // slot 5

    event ConfigUpdate(uint256 indexed version, UpdateType indexed updateType, bytes data);

    error NotOwner();
    error InvalidEip1559Params();

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    function setBatcherHash(bytes32 _batcherHash) external onlyOwner {
        batcherHash = _batcherHash;
        emit ConfigUpdate(VERSION, UpdateType.BATCHER, abi.encode(_batcherHash));
    }

    /// @notice Ecotone fee scalars, packed as version 1 of the scalar word.
    function setGasConfigEcotone(uint32 _basefeeScalar, uint32 _blobbasefeeScalar) external onlyOwner {
        overhead = 0;
        scalar = (uint256(0x01) << 248) | (uint256(_blobbasefeeScalar) << 32) | _basefeeScalar;
        emit ConfigUpdate(VERSION, UpdateType.FEE_SCALARS, abi.encode(overhead, scalar));
    }

    function setGasLimit(uint64 _gasLimit) external onlyOwner {
        gasLimit = _gasLimit;
        emit ConfigUpdate(VERSION, UpdateType.GAS_LIMIT, abi.encode(_gasLimit));
    }

    function setUnsafeBlockSigner(address _signer) external onlyOwner {
        emit ConfigUpdate(VERSION, UpdateType.UNSAFE_BLOCK_SIGNER, abi.encode(_signer));
    }

    function setEIP1559Params(uint32 _denominator, uint32 _elasticity) external onlyOwner {
        if ((_denominator == 0) != (_elasticity == 0)) revert InvalidEip1559Params();
        eip1559Denominator = _denominator;
        eip1559Elasticity = _elasticity;
        emit ConfigUpdate(VERSION, UpdateType.EIP_1559_PARAMS, abi.encode((uint256(_denominator) << 32) | _elasticity));
    }

    function setOperatorFeeScalars(uint32 _scalar, uint64 _constant) external onlyOwner {
        operatorFeeScalar = _scalar;
        operatorFeeConstant = _constant;
        emit ConfigUpdate(VERSION, UpdateType.OPERATOR_FEE_PARAMS, abi.encode((uint256(_scalar) << 64) | _constant));
    }

    function setMinBaseFee(uint64 _minBaseFee) external onlyOwner {
        minBaseFee = _minBaseFee;
        emit ConfigUpdate(VERSION, UpdateType.MIN_BASE_FEE, abi.encode(_minBaseFee));
    }

    function setDAFootprintGasScalar(uint16 _scalar) external onlyOwner {
        daFootprintGasScalar = _scalar;
        emit ConfigUpdate(VERSION, UpdateType.DA_FOOTPRINT_GAS_SCALAR, abi.encode(_scalar));
    }
}
