// Reference vectors for module stdlib: the protocol constants Quetzal uses, block headers and their
// nested values (buffer, fields, hash, JSON), indexed-tree leaf preimages, the FeeJuice balance leaf
// slot and genesis prefill (getGenesisValues), Grumpkin arithmetic, account key derivation, and the
// addresses the official local network funds (test accounts, SponsoredFPC, BananaCoin/BananaFPC).
// Output: stdlib/src/test/resources/vectors/stdlib.json
import { hex, load, stream, writeVectors } from './lib.mjs';

const C = await load('@aztec/constants');
const { Fr, Fq } = await load('@aztec/foundation/curves/bn254');
const { Grumpkin } = await load('@aztec/foundation/crypto/grumpkin');
const { poseidon2Hash } = await load('@aztec/foundation/crypto/poseidon');
const { EthAddress } = await load('@aztec/foundation/eth-address');
const { jsonStringify } = await load('@aztec/foundation/json-rpc');
const { BlockNumber, SlotNumber } = await load('@aztec/foundation/branded-types');
const { AztecAddress } = await load('@aztec/stdlib/aztec-address');
const { BlockHeader, GlobalVariables, StateReference, PartialStateReference } = await load('@aztec/stdlib/tx');
const { GasFees } = await load('@aztec/stdlib/gas');
const T = await load('@aztec/stdlib/trees');
const { MerkleTreeId } = T;
const { computeVarArgsHash } = await load('@aztec/stdlib/hash');
const K = await load('@aztec/stdlib/keys');
const CT = await load('@aztec/stdlib/contract');
const { FunctionSelector, encodeArguments, getDefaultInitializer, getAllFunctionAbis, decodeFunctionSignature } = await load('@aztec/stdlib/abi');
const { NativeWorldStateService } = await load('@aztec/world-state');
const FJ = await load('@aztec/protocol-contracts/fee-juice');
const { ProtocolContractAddress } = await load('@aztec/protocol-contracts');
const { getGenesisValues, defaultInitialAccountFeeJuice } = await load('@aztec/world-state/testing');
const AT = await load('@aztec/accounts/testing');
const { SchnorrAccountContractArtifact } = await load('@aztec/accounts/schnorr');
const { SponsoredFPCContract } = await load('@aztec/noir-contracts.js/SponsoredFPC');
const { TokenContract } = await load('@aztec/noir-contracts.js/Token');
const { FPCContract } = await load('@aztec/noir-contracts.js/FPC');

const rnd = stream('stdlib');
const u32 = () => rnd(4).readUInt32BE(0);
const big = (n) => BigInt(hex(rnd(n)));
const randFr = () => {
  const k = u32() % 10;
  if (k === 0) return Fr.ZERO;
  if (k === 1) return new Fr(Fr.MODULUS - 1n);
  if (k === 2) return new Fr(BigInt(u32()));
  return new Fr(big(32) % Fr.MODULUS);
};
const pick = (choices) => choices[u32() % choices.length];
const randU32 = () => pick([0, 1, 2 ** 32 - 1, u32() % 100000, u32()]);
const randU128 = () => pick([0n, 1n, 2n ** 128n - 1n, BigInt(u32()), big(16), big(8)]);
const randTimestamp = () => pick([0n, 1n, BigInt(u32()), 1700000000n + BigInt(u32() % 100000000), 2n ** 63n - 1n, big(7)]);
const randEth = () => (u32() % 8 === 0 ? EthAddress.ZERO : new EthAddress(rnd(20)));
const randAddr = () => (u32() % 8 === 0 ? AztecAddress.ZERO : AztecAddress.fromField(randFr()));
const fieldsHex = (fs) => fs.map((f) => f.toString());
const snapshot = () => new T.AppendOnlyTreeSnapshot(randFr(), randU32());

// ---- constants (by official name; DomainSeparator entries as DomainSeparator.<NAME>)
const constantNames = [
  'NOTE_HASH_TREE_HEIGHT', 'NULLIFIER_TREE_HEIGHT', 'PUBLIC_DATA_TREE_HEIGHT', 'L1_TO_L2_MSG_TREE_HEIGHT', 'ARCHIVE_HEIGHT',
  'NULLIFIER_TREE_ID', 'NOTE_HASH_TREE_ID', 'PUBLIC_DATA_TREE_ID', 'L1_TO_L2_MESSAGE_TREE_ID', 'ARCHIVE_TREE_ID',
  'NOTE_HASH_SUBTREE_HEIGHT', 'NULLIFIER_SUBTREE_HEIGHT', 'PUBLIC_DATA_SUBTREE_HEIGHT', 'L1_TO_L2_MSG_SUBTREE_HEIGHT',
  'MAX_NOTE_HASHES_PER_TX', 'MAX_NULLIFIERS_PER_TX', 'MAX_TOTAL_PUBLIC_DATA_UPDATE_REQUESTS_PER_TX',
  'NUMBER_OF_L1_L2_MESSAGES_PER_ROLLUP', 'INITIAL_L2_BLOCK_NUM', 'INITIAL_CHECKPOINT_NUMBER',
  'GENESIS_BLOCK_HEADER_HASH', 'GENESIS_ARCHIVE_ROOT', 'FEE_JUICE_ADDRESS', 'FEE_JUICE_BALANCES_SLOT',
  'APPEND_ONLY_TREE_SNAPSHOT_LENGTH', 'PARTIAL_STATE_REFERENCE_LENGTH', 'STATE_REFERENCE_LENGTH', 'GAS_FEES_LENGTH',
  'GLOBAL_VARIABLES_LENGTH', 'BLOCK_HEADER_LENGTH', 'SPONSORED_FPC_SALT',
  'DEFAULT_NPK_M_X', 'DEFAULT_NPK_M_Y', 'DEFAULT_IVPK_M_X', 'DEFAULT_IVPK_M_Y',
  'DEFAULT_OVPK_M_X', 'DEFAULT_OVPK_M_Y', 'DEFAULT_TPK_M_X', 'DEFAULT_TPK_M_Y',
];
const constants = {};
for (const n of constantNames) {
  if (C[n] === undefined) throw new Error(`no constant ${n}`);
  constants[n] = C[n].toString();
}
for (const n of ['BLOCK_HEADER_HASH', 'PUBLIC_LEAF_SLOT', 'PUBLIC_STORAGE_MAP_SLOT', 'NHK_M', 'IVSK_M', 'OVSK_M', 'TSK_M',
  'PUBLIC_KEYS_HASH', 'PARTIAL_ADDRESS', 'CONTRACT_ADDRESS_V1', 'CONTRACT_CLASS_ID', 'INITIALIZER', 'PRIVATE_FUNCTION_LEAF',
  'PUBLIC_BYTECODE', 'SILOED_NULLIFIER', 'FUNCTION_ARGS']) {
  if (C.DomainSeparator[n] === undefined) throw new Error(`no DomainSeparator ${n}`);
  constants[`DomainSeparator.${n}`] = C.DomainSeparator[n].toString();
}

// ---- block headers and nested values
const json = (v) => JSON.parse(jsonStringify(v));
const headers = [];
for (let i = 0; i < 120; i++) {
  const gasFees = new GasFees(randU128(), randU128());
  const gv = new GlobalVariables(randFr(), randFr(), BlockNumber(randU32()), SlotNumber(randU32()), randTimestamp(),
    randEth(), randAddr(), gasFees);
  const partial = new PartialStateReference(snapshot(), snapshot(), snapshot());
  const state = new StateReference(snapshot(), partial);
  const header = i === 0 ? BlockHeader.empty() : new BlockHeader(snapshot(), state, randFr(), gv, randFr(), randFr());
  const h = header;
  const headerJson = json(h); // before hash(): the cached hash would otherwise appear as "_cachedHash":{}
  headers.push({
    buffer: hex(h.toBuffer()),
    fields: fieldsHex(h.toFields()),
    hash: (await h.hash()).toString(),
    json: headerJson,
    isEmpty: h.isEmpty(),
    globalVariables: { buffer: hex(h.globalVariables.toBuffer()), fields: fieldsHex(h.globalVariables.toFields()), json: json(h.globalVariables) },
    gasFees: { buffer: hex(h.globalVariables.gasFees.toBuffer()), fields: fieldsHex(h.globalVariables.gasFees.toFields()), json: json(h.globalVariables.gasFees) },
    state: { buffer: hex(h.state.toBuffer()), fields: fieldsHex(h.state.toFields()), json: json(h.state) },
    partial: { buffer: hex(h.state.partial.toBuffer()), fields: fieldsHex(h.state.partial.toFields()), json: json(h.state.partial) },
    lastArchive: { buffer: hex(h.lastArchive.toBuffer()), fields: fieldsHex(h.lastArchive.toFields()), json: json(h.lastArchive) },
  });
}

// ---- indexed-tree leaf preimages (leaf hash = poseidon2 of the hash inputs, as the trees compute it)
const idx = () => pick([0n, 1n, 127n, BigInt(u32()), 2n ** 40n - 1n, 2n ** 42n - 1n]);
const nullifierLeaves = [];
const publicDataLeaves = [];
for (let i = 0; i < 60; i++) {
  const p = i === 0 ? T.NullifierLeafPreimage.empty() : new T.NullifierLeafPreimage(new T.NullifierLeaf(randFr()), randFr(), idx());
  nullifierLeaves.push({ buffer: hex(p.toBuffer()), fields: fieldsHex(p.toFields()), hash: (await poseidon2Hash(p.toHashInputs())).toString(), json: json(p) });
  const q = i === 0 ? T.PublicDataTreeLeafPreimage.empty() : new T.PublicDataTreeLeafPreimage(new T.PublicDataTreeLeaf(randFr(), randFr()), randFr(), idx());
  publicDataLeaves.push({ buffer: hex(q.toBuffer()), hash: (await q.hash()).toString(), json: json(q), leafBuffer: hex(q.leaf.toBuffer()), leafJson: json(q.leaf) });
}

// ---- FeeJuice balance leaf slots and genesis prefill
const balanceMapSlot = FJ.FeeJuiceArtifact.storageLayout.balances.slot;
const balanceLeafSlots = [];
for (let i = 0; i < 40; i++) {
  const a = i === 0 ? AztecAddress.ZERO : AztecAddress.fromField(randFr());
  balanceLeafSlots.push({
    address: a.toString(),
    storageSlot: (await FJ.computeFeePayerBalanceStorageSlot(a)).toString(),
    leafSlot: (await FJ.computeFeePayerBalanceLeafSlot(a)).toString(),
  });
}
const genesisCases = [];
const genesisCase = async (label, addresses, balance, extra) => {
  const g = balance === undefined ? await getGenesisValues(addresses) : await getGenesisValues(addresses, balance, extra);
  genesisCases.push({
    label,
    accounts: addresses.map((a) => a.toString()),
    initialBalance: (balance ?? defaultInitialAccountFeeJuice).toString(),
    extra: (extra ?? []).map((l) => ({ slot: l.slot.toString(), value: l.value.toString() })),
    prefilledPublicData: g.prefilledPublicData.map((l) => ({ slot: l.slot.toString(), value: l.value.toString() })),
    fundingNeeded: g.fundingNeeded.toString(),
    genesisArchiveRoot: g.genesisArchiveRoot.toString(),
  });
};
await genesisCase('none', []);
for (let c = 0; c < 4; c++) {
  const n = 1 + (u32() % 6);
  const addrs = Array.from({ length: n }, () => AztecAddress.fromField(new Fr(big(32) % Fr.MODULUS)));
  const extra = c % 2 === 0 ? [] : [new T.PublicDataTreeLeaf(new Fr(10n ** 30n + BigInt(u32())), randFr())];
  await genesisCase(`random-${c}`, addrs, new Fr(BigInt(u32()) * 1000n + 1n), extra);
}

// ---- Grumpkin arithmetic (y^2 = x^3 - 17 over the BN254 scalar field)
const G = Grumpkin.generator;
const pointJson = (p) => ({ x: p.x.toString(), y: p.y.toString(), isInfinite: p.isInfinite });
const grumpkinMul = [];
for (let i = 0; i < 16; i++) {
  const s = i === 0 ? new Fq(1n) : i === 1 ? new Fq(Fq.MODULUS - 1n) : new Fq(big(32) % Fq.MODULUS);
  grumpkinMul.push({ scalar: s.toString(), point: pointJson(await Grumpkin.mul(G, s)) });
}
const grumpkinAdd = [];
for (let i = 0; i < 8; i++) {
  const a = await Grumpkin.mul(G, new Fq(big(31)));
  const b = i === 0 ? a : await Grumpkin.mul(G, new Fq(big(31)));
  grumpkinAdd.push({ a: pointJson(a), b: pointJson(b), sum: pointJson(await Grumpkin.add(a, b)) });
}

// ---- keys and Schnorr account addresses
const schnorrClass = await CT.getContractClassFromArtifact(SchnorrAccountContractArtifact);
const schnorrCtor = getAllFunctionAbis(SchnorrAccountContractArtifact).find((f) => f.name === 'constructor');
const schnorrSelector = await FunctionSelector.fromNameAndParameters(schnorrCtor.name, schnorrCtor.parameters);
const pk = (p) => pointJson(p);
const accounts = [];
const secrets = [...AT.INITIAL_TEST_SECRET_KEYS];
for (let i = 0; i < 9; i++) secrets.push(randFr());
for (const [i, secret] of secrets.entries()) {
  const salt = i < 3 ? AT.INITIAL_TEST_ACCOUNT_SALTS[i] : randFr();
  const keys = await K.deriveKeys(secret);
  const signingKey = K.deriveSigningKey(secret);
  const signingPub = await Grumpkin.mul(G, signingKey);
  const args = [signingPub.x, signingPub.y];
  const initializationHash = await CT.computeInitializationHash(schnorrCtor, args);
  const instance = await CT.getContractInstanceFromInstantiationParams(SchnorrAccountContractArtifact, {
    constructorArtifact: 'constructor', constructorArgs: args, salt, publicKeys: keys.publicKeys,
  });
  const saltedInitializationHash = await CT.computeSaltedInitializationHash(instance);
  const partialAddress = await CT.computePartialAddress(instance);
  const publicKeysHash = await keys.publicKeys.hash();
  const officialAddress = i < 3 ? (await AT.getInitialTestAccountsData())[i].address : undefined;
  if (officialAddress && !officialAddress.equals(instance.address)) throw new Error('test account address mismatch');
  accounts.push({
    secret: secret.toString(),
    salt: salt.toString(),
    officialTestAccount: i < 3,
    masterNullifierHidingKey: keys.masterNullifierHidingKey.toString(),
    masterIncomingViewingSecretKey: keys.masterIncomingViewingSecretKey.toString(),
    masterOutgoingViewingSecretKey: keys.masterOutgoingViewingSecretKey.toString(),
    masterTaggingSecretKey: keys.masterTaggingSecretKey.toString(),
    publicKeys: {
      masterNullifierPublicKey: pk(keys.publicKeys.masterNullifierPublicKey),
      masterIncomingViewingPublicKey: pk(keys.publicKeys.masterIncomingViewingPublicKey),
      masterOutgoingViewingPublicKey: pk(keys.publicKeys.masterOutgoingViewingPublicKey),
      masterTaggingPublicKey: pk(keys.publicKeys.masterTaggingPublicKey),
    },
    publicKeysHash: publicKeysHash.toString(),
    signingPublicKey: pk(signingPub),
    constructorArgs: args.map((a) => a.toString()),
    argsHash: (await computeVarArgsHash(args)).toString(),
    initializationHash: initializationHash.toString(),
    saltedInitializationHash: saltedInitializationHash.toString(),
    partialAddress: partialAddress.toString(),
    preaddress: (await K.computePreaddress(publicKeysHash, partialAddress)).toString(),
    address: instance.address.toString(),
  });
}

// ---- contracts the local network funds
const selectorOf = async (fn) => (fn ? (await FunctionSelector.fromNameAndParameters(fn.name, fn.parameters)).toString() : null);
const describe = async (name, artifact, opts, source) => {
  const cls = await CT.getContractClassFromArtifact(artifact);
  const ctor = opts.constructorArtifact
    ? getAllFunctionAbis(artifact).find((f) => f.name === opts.constructorArtifact)
    : getDefaultInitializer(artifact);
  const inst = await CT.getContractInstanceFromInstantiationParams(artifact, opts);
  const encodedArgs = ctor ? encodeArguments(ctor, opts.constructorArgs ?? []) : [];
  return {
    name,
    classIdSource: source,
    contractClassId: cls.id.toString(),
    artifactHash: cls.artifactHash.toString(),
    privateFunctionsRoot: (await CT.computePrivateFunctionsRoot(cls.privateFunctions)).toString(),
    publicBytecodeCommitment: cls.publicBytecodeCommitment.toString(),
    constructor: ctor ? { name: ctor.name, signatureParameters: ctor.parameters.map((p) => ({ name: p.name, type: p.type })) } : null,
    constructorSignature: ctor ? decodeFunctionSignature(ctor.name, ctor.parameters) : null,
    constructorSelector: await selectorOf(ctor),
    encodedArgs: encodedArgs.map((f) => f.toString()),
    salt: inst.salt.toString(),
    deployer: inst.deployer.toString(),
    publicKeysHash: (await inst.publicKeys.hash()).toString(),
    initializationHash: inst.initializationHash.toString(),
    saltedInitializationHash: (await CT.computeSaltedInitializationHash(inst)).toString(),
    partialAddress: (await CT.computePartialAddress(inst)).toString(),
    address: inst.address.toString(),
  };
};
const initialAccounts = await AT.getInitialTestAccountsData();
const admin = initialAccounts[0].address;
const sponsored = await describe('SponsoredFPC', SponsoredFPCContract.artifact, { salt: new Fr(C.SPONSORED_FPC_SALT) },
  '@aztec/noir-contracts.js/artifacts/sponsored_fpc_contract-SponsoredFPC.json via getContractClassFromArtifact');
const bananaCoin = await describe('BananaCoin (Token)', TokenContract.artifact,
  { constructorArgs: [admin, 'BC', 'BC', 18n], salt: new Fr(0) },
  '@aztec/noir-contracts.js/artifacts/token_contract-Token.json via getContractClassFromArtifact');
const bananaFpc = await describe('BananaFPC (FPC)', FPCContract.artifact,
  { constructorArgs: [AztecAddress.fromString(bananaCoin.address), admin], salt: new Fr(0) },
  '@aztec/noir-contracts.js/artifacts/fpc_contract-FPC.json via getContractClassFromArtifact');
const contracts = {
  schnorrAccount: {
    classIdSource: '@aztec/accounts/artifacts/SchnorrAccount.json via getContractClassFromArtifact',
    contractClassId: schnorrClass.id.toString(),
    constructorSelector: schnorrSelector.toString(),
    constructorSignature: 'constructor(Field,Field)',
  },
  sponsoredFpc: sponsored,
  bananaCoin,
  bananaFpc,
};
// the official local network (and the follower with TEST_ACCOUNTS, SPONSORED_FPC, PREFUND_ADDRESSES=BananaFPC)
const localNetworkFunded = [...initialAccounts.map((a) => a.address), AztecAddress.fromString(bananaFpc.address), AztecAddress.fromString(sponsored.address)];
await genesisCase('local-network', localNetworkFunded);

// ---- the initial indexed-tree leaves the native world state creates, as [key, value, nextKey, nextIndex]
// (nullifier tree: value is omitted), for several prefills
const initialLeaves = [];
const edgePrefill = (label, leaves) => ({ label, prefilledPublicData: leaves.map((l) => ({ slot: l.slot.toString(), value: l.value.toString() })) });
const full = Array.from({ length: 128 }, () => new T.PublicDataTreeLeaf(new Fr(1000n + (big(31) % (Fr.MODULUS - 2000n))), randFr()))
  .sort((a, b) => (a.slot.toBigInt() < b.slot.toBigInt() ? -1 : 1));
const edgeCases = [
  edgePrefill('full-128', full),
  edgePrefill('small-keys', [new T.PublicDataTreeLeaf(new Fr(127n), new Fr(1n)), new T.PublicDataTreeLeaf(new Fr(128n), Fr.ZERO)]),
];
for (const g of [...genesisCases, ...edgeCases]) {
  const prefill = g.prefilledPublicData.map((l) => new T.PublicDataTreeLeaf(Fr.fromString(l.slot), Fr.fromString(l.value)));
  const ws = await NativeWorldStateService.tmp(undefined, true, prefill);
  const c = ws.getCommitted();
  const rec = { label: g.label, prefilledPublicData: g.prefilledPublicData, NULLIFIER_TREE: [], PUBLIC_DATA_TREE: [] };
  for (let i = 0n; i < 128n; i++) {
    const n = await c.getLeafPreimage(MerkleTreeId.NULLIFIER_TREE, i);
    rec.NULLIFIER_TREE.push([n.leaf.nullifier.toString(), n.nextKey.toString(), Number(n.nextIndex)]);
    const p = await c.getLeafPreimage(MerkleTreeId.PUBLIC_DATA_TREE, i);
    rec.PUBLIC_DATA_TREE.push([p.leaf.slot.toString(), p.leaf.value.toString(), p.nextKey.toString(), Number(p.nextIndex)]);
  }
  rec.roots = { NULLIFIER_TREE: hex((await c.getTreeInfo(MerkleTreeId.NULLIFIER_TREE)).root), PUBLIC_DATA_TREE: hex((await c.getTreeInfo(MerkleTreeId.PUBLIC_DATA_TREE)).root) };
  rec.initialHeaderHash = (await ws.getInitialHeader().hash()).toString();
  rec.initialHeader = hex(ws.getInitialHeader().toBuffer());
  initialLeaves.push(rec);
  await ws.close();
}

const selectors = [];
for (const sig of ['constructor(Field,Field)', 'constructor()', 'transfer(Field,Field)', 'balance_of_public((Field))', 'a', '']) {
  selectors.push({ signature: sig, selector: (await FunctionSelector.fromSignature(sig)).toString() });
}

writeVectors('stdlib/src/test/resources/vectors/stdlib.json', {
  about: 'stdlib vectors: constants (decimal strings), headers[] (BlockHeader toBuffer hex, toFields, hash, jsonStringify form, nested values), '
    + 'nullifierLeaves/publicDataLeaves (preimage buffer, hash = poseidon2(hash inputs), JSON), balanceLeafSlots (FeeJuice), genesis (getGenesisValues), '
    + 'grumpkin (mul by generator, add), accounts (key derivation to Schnorr account address), contracts (class ids taken from the official artifacts), selectors.',
  constants,
  headers,
  nullifierLeaves,
  publicDataLeaves,
  feeJuice: { address: ProtocolContractAddress.FeeJuice.toString(), balancesMapSlot: balanceMapSlot.toString() },
  balanceLeafSlots,
  genesis: genesisCases,
  grumpkin: { generator: pointJson(G), mul: grumpkinMul, add: grumpkinAdd },
  accounts,
  contracts,
  selectors,
  initialLeaves,
});
process.exit(0);
