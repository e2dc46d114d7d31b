/**
 * The current time for the package's code: Date.now behind an object, so that tests can stub it
 * (`jest.spyOn(clock, 'now')`) and no restricted global is touched elsewhere.
 */
export const clock = { now: (): number => Date.now() };
