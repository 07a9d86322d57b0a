// The minimal `step` the in-process runner hands to a function handler: step.run executes the work once per id
// within the run and returns its result as JSON (as Inngest would); sleep waits; sendEvent dispatches events
// through the same runner.
import { durationToMs, type DurationInput } from "inngest";

import { type ImportStep } from "../import-dataset";

export interface InProcessStep extends ImportStep {
  sleep(id: string, duration: DurationInput): Promise<void>;
  sendEvent(id: string, events: JobEvent | JobEvent[]): Promise<{ ids: string[] }>;
}

export interface JobEvent {
  name: string;
  data: Record<string, unknown>;
  id?: string;
}

export function inProcessStep(
  dispatch: (event: JobEvent) => string,
  log: (line: string) => void = () => {},
): InProcessStep {
  const results = new Map<string, unknown>();
  const memo = async <T>(id: string, work: () => Promise<T>): Promise<T> => {
    if (results.has(id)) return results.get(id) as T;
    const value = await work();
    // Serialised as Inngest serialises step output, so handlers see the same values in both modes.
    const stored = value === undefined ? null : (JSON.parse(JSON.stringify(value)) as T);
    results.set(id, stored);
    return stored as T;
  };
  return {
    run: (id, work) => {
      log(`step ${id}`);
      return memo(id, work);
    },
    sleep: (id, duration) =>
      memo(id, () => new Promise<null>((resolve) => setTimeout(() => resolve(null), durationToMs(duration)))).then(
        () => {},
      ),
    sendEvent: (id, events) =>
      memo(id, async () => ({ ids: (Array.isArray(events) ? events : [events]).map(dispatch) })),
  };
}
