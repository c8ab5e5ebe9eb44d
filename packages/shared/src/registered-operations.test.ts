import { operationLabel } from './registered-operations.ts';

describe('operationLabel', () => {
  it("keeps the web app's operation names, those of subgraph fetches planned from them too", () => {
    expect(operationLabel('Login')).toBe('Login');
    expect(operationLabel('DashboardHealth')).toBe('DashboardHealth');
    expect(operationLabel('DashboardHealth__observability__0')).toBe('DashboardHealth');
  });

  it('bounds everything else', () => {
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel(null)).toBe('anonymous');
    expect(operationLabel('MadeUp1234')).toBe('unregistered');
    expect(operationLabel('MadeUp__identity__0')).toBe('unregistered');
    // A fragment's name is not an operation.
    expect(operationLabel('SessionUser')).toBe('unregistered');
  });
});
