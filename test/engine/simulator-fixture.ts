/**
 * Old address of the simulator fixture, kept only so that `bench/send-engine.ts` and
 * `bench/support/gateways.ts` still compile until the merge points them at
 * `test/fixtures/simulator.ts`. Delete this file then.
 */
export * from '../fixtures/simulator';
