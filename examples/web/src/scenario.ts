// The mock picks a response by the `Prefer` header (`code=401` → the spec's 401 example, …),
// the same way on the mock server (through the proxy, which passes `Prefer` on) and in the
// page's MSW mock. The dropdown offers the success case, a slow one (to see the loading state)
// and the three failures the app explains to its user.

export interface Scenario {
  id: string;
  label: string;
  /** Value of the `Prefer` header, or undefined to let the mock answer normally. */
  prefer: string | undefined;
}

export const SCENARIOS: readonly Scenario[] = [
  { id: 'ok', label: 'Success (200)', prefer: undefined },
  { id: 'slow', label: 'Slow (1.5 s, then 200)', prefer: 'delay=1500' },
  { id: '401', label: 'Unauthorized (401)', prefer: 'code=401' },
  { id: '429', label: 'Rate limited (429)', prefer: 'code=429' },
  { id: '500', label: 'Server error (500)', prefer: 'code=500' },
];

/** Request headers for a scenario id; throws when the id is not one of SCENARIOS. */
export function scenarioHeaders(id: string): Record<string, string> {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (scenario === undefined) {
    throw new Error(
      `unknown scenario ${JSON.stringify(id)}; expected one of ${SCENARIOS.map((s) => s.id).join(', ')}`,
    );
  }
  return scenario.prefer === undefined ? {} : { Prefer: scenario.prefer };
}
