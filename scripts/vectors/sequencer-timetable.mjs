// Reference vectors for the sequencer's slot timetable (module sequencer-client): for a set of L1/L2
// slot lengths, publishing allowances, propagation times and block durations, the official
// SequencerTimetable's derived figures, getMaxAllowedTime for every state, canStartNextBlock at a
// range of times into the slot, and whether assertTimeLeft accepts each state at those times.
// The class is not exported by the package, so it is imported from its file.
// Output: sequencer-client/src/test/resources/vectors/sequencer-timetable.json
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { writeVectors } from './lib.mjs';

const modulesDir =
  process.env.REF_NODE_MODULES ??
  join(process.env.QUETZAL_REFERENCE_HOME ?? join(homedir(), '.cache', 'quetzal-reference'), 'toolchain', 'node_modules');
const pkgDir = join(modulesDir, '@aztec', 'sequencer-client');
const fileOf = (rel) => pathToFileURL(join(pkgDir, 'dest', rel)).href;
const { SequencerTimetable } = await import(fileOf('sequencer/timetable.js'));
const { SequencerState } = await import(fileOf('sequencer/utils.js'));

const configs = [
  { ethereumSlotDuration: 12, aztecSlotDuration: 36, l1PublishingTime: 12, enforce: true },
  { ethereumSlotDuration: 12, aztecSlotDuration: 72, l1PublishingTime: 12, blockDurationMs: 8000, enforce: true },
  { ethereumSlotDuration: 12, aztecSlotDuration: 72, l1PublishingTime: 6, p2pPropagationTime: 1, blockDurationMs: 6500, enforce: true },
  { ethereumSlotDuration: 4, aztecSlotDuration: 24, l1PublishingTime: 4, enforce: true },
  { ethereumSlotDuration: 4, aztecSlotDuration: 24, l1PublishingTime: 4, blockDurationMs: 3000, enforce: true },
  { ethereumSlotDuration: 4, aztecSlotDuration: 24, l1PublishingTime: 4, blockDurationMs: 500, enforce: true },
  { ethereumSlotDuration: 12, aztecSlotDuration: 36, l1PublishingTime: 12, enforce: false },
  { ethereumSlotDuration: 12, aztecSlotDuration: 24, l1PublishingTime: 12, enforce: true },
  { ethereumSlotDuration: 12, aztecSlotDuration: 36, l1PublishingTime: 12, p2pPropagationTime: 0, blockDurationMs: 4000, enforce: true },
  { ethereumSlotDuration: 12, aztecSlotDuration: 20, l1PublishingTime: 12, enforce: true },
  { ethereumSlotDuration: 8, aztecSlotDuration: 48, l1PublishingTime: 8, blockDurationMs: 1500, enforce: true },
];
const states = Object.values(SequencerState);
const times = [0, 0.5, 1, 2.5, 3, 5, 7.25, 9, 12, 14, 14.001, 15, 20, 23.999, 24, 30, 40, 50, 60, 70];

const cases = configs.map((config) => {
  let t;
  try {
    t = new SequencerTimetable(config);
  } catch (e) {
    return { config, error: e.message };
  }
  return {
    config,
    initializeDeadline: t.initializeDeadline,
    initializationOffset: t.initializationOffset,
    checkpointFinalizationTime: t.checkpointFinalizationTime,
    minExecutionTime: t.minExecutionTime,
    p2pPropagationTime: t.p2pPropagationTime,
    checkpointAssembleTime: t.checkpointAssembleTime,
    checkpointInitializationTime: t.checkpointInitializationTime,
    maxNumberOfBlocks: t.maxNumberOfBlocks,
    maxAllowedTime: Object.fromEntries(states.map((s) => [s, t.getMaxAllowedTime(s) ?? null])),
    canStartNextBlock: times.map((s) => {
      const r = t.canStartNextBlock(s);
      return { secondsIntoSlot: s, canStart: r.canStart, deadline: r.deadline ?? null, isLastBlock: r.isLastBlock };
    }),
    // [state, secondsIntoSlot, null when accepted or the error message]
    assertTimeLeft: states.flatMap((s) =>
      times.map((x) => {
        try {
          t.assertTimeLeft(s, x);
          return [s, x, null];
        } catch (e) {
          return [s, x, e.message];
        }
      }),
    ),
  };
});

writeVectors('sequencer-client/src/test/resources/vectors/sequencer-timetable.json', { states, cases });
