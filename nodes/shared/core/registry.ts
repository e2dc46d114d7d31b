/**
 * Old address of the gateway registry, kept only so that `bench/scale/scale-child.ts` still
 * compiles until the merge points it at `../registry/registry`. Delete this file then: core must
 * not import the registry (see CONTRIBUTING.md, import direction).
 */
export { adapterFor, ADAPTERS, capabilitiesOf, gatewaysWith } from '../registry/registry';
