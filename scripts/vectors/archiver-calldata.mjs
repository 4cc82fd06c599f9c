// Reference vectors for the archiver's propose-calldata fallbacks (module ethereum, package
// io.quetzal.ethereum.archive): what the official 4.1.2 archiver extracts
//  - from trace_transaction and debug_traceTransaction answers (getSuccessfulCallsFromTrace /
//    getSuccessfulCallsFromDebug), for the trace fixtures of the Java tests with their placeholders
//    filled, and
//  - from Spire Proposer transactions (getCallsFromSpireProposer), for multicall inputs encoded
//    with the official SpireProposerAbi and several answers of the proxy's EIP-1967 slot.
// The functions are not exported by the package, so they are imported from their files.
// Output: ethereum/src/test/resources/vectors/archiver-calldata.json
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { load, repoRoot, writeVectors } from './lib.mjs';

const modulesDir =
  process.env.REF_NODE_MODULES ??
  join(process.env.QUETZAL_REFERENCE_HOME ?? join(homedir(), '.cache', 'quetzal-reference'), 'toolchain', 'node_modules');
const fileOf = (rel) => pathToFileURL(join(modulesDir, '@aztec', 'archiver', 'dest', 'l1', rel)).href;
const { getSuccessfulCallsFromTrace } = await import(fileOf('trace_tx.js'));
const { getSuccessfulCallsFromDebug } = await import(fileOf('debug_tx.js'));
const { getCallsFromSpireProposer, SpireProposerAbi, SPIRE_PROPOSER_ADDRESS, SPIRE_PROPOSER_EXPECTED_IMPLEMENTATION } =
  await import(fileOf('spire_proposer.js'));
const { EthAddress } = await load('@aztec/foundation/eth-address');
const { encodeFunctionData, getAbiItem, toFunctionSelector } = await load('viem');
const { RollupAbi } = await load('@aztec/l1-artifacts');

const quiet = { warn() {}, debug() {}, trace() {}, verbose() {}, info() {}, error() {} };
const ROLLUP = '0x322813fd9a801c5507c9de605d63cea4f2ce6c44';
const SELECTOR = toFunctionSelector(getAbiItem({ abi: RollupAbi, name: 'propose' }));
const PROPOSE = SELECTOR + 'aa';
const OTHER = SELECTOR + 'bb';
const tracesDir = join(repoRoot, 'ethereum/src/test/resources/io/quetzal/ethereum/archive/traces');

const callInfo = (c) => ({
  from: c.from.toString(),
  gasUsed: c.gasUsed === undefined ? null : '0x' + c.gasUsed.toString(16),
  input: c.input,
  value: '0x' + c.value.toString(16),
});

const traces = [];
for (const name of [
  'trace_transaction_one.json',
  'trace_transaction_none.json',
  'trace_transaction_two.json',
  'debug_traceTransaction_one.json',
  'debug_traceTransaction_none.json',
  'debug_traceTransaction_two.json',
]) {
  const result = JSON.parse(readFileSync(join(tracesDir, name), 'utf8').replaceAll('@PROPOSE@', PROPOSE).replaceAll('@OTHER@', OTHER)).result;
  const client = { request: async () => result };
  const fn = name.startsWith('trace_') ? getSuccessfulCallsFromTrace : getSuccessfulCallsFromDebug;
  const calls = await fn(client, '0x' + '55'.repeat(32), EthAddress.fromString(ROLLUP), SELECTOR, quiet);
  traces.push({ fixture: name, propose: PROPOSE, other: OTHER, rollup: ROLLUP, selector: SELECTOR, calls: calls.map(callInfo) });
}

const word = (addr) => '0x' + addr.slice(2).padStart(64, '0');
const implementations = [
  { name: 'expected', word: word(SPIRE_PROPOSER_EXPECTED_IMPLEMENTATION) },
  { name: 'other', word: word('0x1111111111111111111111111111111111111111') },
  { name: 'empty', word: undefined },
];
const callSets = [
  [{ proposer: '0x' + '01'.repeat(20), target: ROLLUP, data: PROPOSE, value: 0n, gasLimit: 1_000_000n }],
  [
    { proposer: '0x' + '02'.repeat(20), target: '0xca11bde05977b3631167028862be2a173976ca11', data: '0x82ad56cb' + 'cd'.repeat(70), value: 5n, gasLimit: 7n },
    { proposer: '0x' + '03'.repeat(20), target: ROLLUP, data: '0x', value: 0n, gasLimit: 0n },
  ],
  [],
];
const spire = [];
for (const calls of callSets) {
  const input = encodeFunctionData({ abi: SpireProposerAbi, functionName: 'multicall', args: [calls] });
  for (const impl of implementations) {
    const client = { getStorageAt: async () => impl.word };
    const tx = { to: SPIRE_PROPOSER_ADDRESS, input, hash: '0x' + '77'.repeat(32) };
    const out = await getCallsFromSpireProposer(tx, client, quiet);
    spire.push({ implementationWord: impl.word ?? null, input, calls: out === undefined ? null : out.map((c) => ({ to: c.to.toLowerCase(), data: c.data })) });
  }
}
// A transaction to another address is never taken for the Spire Proposer.
{
  const input = encodeFunctionData({ abi: SpireProposerAbi, functionName: 'multicall', args: [callSets[0]] });
  const out = await getCallsFromSpireProposer({ to: ROLLUP, input, hash: '0x' + '78'.repeat(32) }, { getStorageAt: async () => implementations[0].word }, quiet);
  spire.push({ to: ROLLUP, implementationWord: implementations[0].word, input, calls: out === undefined ? null : out });
}

writeVectors('ethereum/src/test/resources/vectors/archiver-calldata.json', { spireProposer: SPIRE_PROPOSER_ADDRESS, traces, spire });
