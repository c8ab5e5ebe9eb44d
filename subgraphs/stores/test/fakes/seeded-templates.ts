import type { TemplateStep } from '../../src/domain/provisioning-templates.ts';
import type { StoreType } from '../../src/domain/types.ts';

const TITLES: Record<string, string> = {
  'network-configured': 'Network configured',
  'hardware-allocated': 'Hardware allocated',
  'hub-paired': 'Hub paired',
  'pos-tested': 'POS tested',
  'staff-trained': 'Staff trained',
};
const steps = (...keys: string[]): TemplateStep[] =>
  keys.map((key, position) => ({ key, title: TITLES[key]!, required: true, position }));

/**
 * Version 1 of every type, as the provisioning_templates migration seeds it: the step lists that
 * were fixed in code before templates existed. Test code only (the fake's seed, and what the
 * integration test expects the migration to have written).
 */
export const SEEDED_TEMPLATES: Record<StoreType, TemplateStep[]> = {
  FLAGSHIP: steps('network-configured', 'hardware-allocated', 'hub-paired', 'pos-tested', 'staff-trained'),
  STANDARD: steps('network-configured', 'hardware-allocated', 'hub-paired', 'pos-tested', 'staff-trained'),
  KIOSK: steps('network-configured', 'hardware-allocated', 'pos-tested'),
  WAREHOUSE: steps('network-configured', 'hardware-allocated', 'hub-paired', 'staff-trained'),
  HOME: steps('network-configured', 'hub-paired'),
};
