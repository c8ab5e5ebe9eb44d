import { parseConfig } from '@switchyard/shared';
import { observabilityEnvSchema } from './config.ts';

const base = { INTERNAL_SIGNING_SECRET: 's'.repeat(32) };

describe('observability config', () => {
  it('checks the gateway and every subgraph at their base URLs by default', () => {
    const config = parseConfig(observabilityEnvSchema, { ...base, STORES_URL: 'http://stores.internal:8080/graphql' });
    expect(config.monitoredServices).toEqual(['gateway', 'identity', 'stores', 'hardware', 'meals', 'observability']);
    expect(config.serviceUrls).toMatchObject({
      gateway: 'http://127.0.0.1:4000',
      stores: 'http://stores.internal:8080',
      identity: 'http://127.0.0.1:4001',
    });
    expect(config.checks).toMatchObject({
      intervalMs: 15_000,
      startupGraceMs: 120_000,
      rawRetentionDays: 7,
      rollupRetentionDays: 90,
    });
    expect(config.http.port).toBe(4005);
    expect(config.activityRetentionDays).toBe(180);
    expect(config.retention).toEqual({ outboxDays: 7, intervalMs: 3_600_000, batchSize: 1_000, pauseMs: 200 });
  });

  it('turns a kind of retention off with 0 or off', () => {
    const config = parseConfig(observabilityEnvSchema, {
      ...base,
      ACTIVITY_RETENTION_DAYS: 'off',
      OUTBOX_RETENTION_DAYS: '0',
    });
    expect(config.activityRetentionDays).toBeNull();
    expect(config.retention.outboxDays).toBeNull();
    expect(() => parseConfig(observabilityEnvSchema, { ...base, RETENTION_BATCH_SIZE: '0' })).toThrow(
      /RETENTION_BATCH_SIZE/,
    );
  });

  it('needs a signing secret for webhooks and names bad URLs', () => {
    expect(() =>
      parseConfig(observabilityEnvSchema, { ...base, ALERT_WEBHOOK_URLS: 'https://hooks.example.com/a' }),
    ).toThrow(/ALERT_WEBHOOK_SECRET/);
    expect(
      parseConfig(observabilityEnvSchema, {
        ...base,
        ALERT_WEBHOOK_URLS: 'https://a.example/x, https://b.example/y',
        ALERT_WEBHOOK_SECRET: 'w'.repeat(32),
      }).notifications.webhookUrls,
    ).toEqual(['https://a.example/x', 'https://b.example/y']);
    expect(() =>
      parseConfig(observabilityEnvSchema, {
        ...base,
        ALERT_WEBHOOK_URLS: 'not a url',
        ALERT_WEBHOOK_SECRET: 'w'.repeat(32),
      }),
    ).toThrow(/ALERT_WEBHOOK_URLS/);
  });
});
