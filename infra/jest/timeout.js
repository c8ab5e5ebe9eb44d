// Jest reads `testTimeout` from the global config only; each project sets its own through `globals`.
import { jest } from '@jest/globals';

jest.setTimeout(globalThis.TEST_TIMEOUT_MS);
