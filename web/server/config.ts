import { env } from '@switchyard/shared/config';
import { DEFAULT_PORTS } from '@switchyard/shared/ports';
import { defaultSubgraphUrl } from '@switchyard/shared/subgraphs';
import { z } from 'zod';

/** The variables the web server reads (adapter-node's own, such as BODY_SIZE_LIMIT, apply too). */
export const webEnv = z.object({
  LOG_LEVEL: env.logLevel(),
  HOST: z.string().default('127.0.0.1'),
  WEB_PORT: env.port(DEFAULT_PORTS.web),
  GATEWAY_URL: env.url().default(`http://127.0.0.1:${DEFAULT_PORTS.gateway}/graphql`),
  // The hardware subgraph, as the gateway knows it (its /graphql URL): hub event posts go to its origin.
  HARDWARE_URL: env.url().default(defaultSubgraphUrl('hardware')),
  // The public origin, e.g. https://switchyard.example.com: fixed, whatever the request's headers say.
  ORIGIN: env.url().optional(),
  // The system's one public origin (hardware tells hubs to post there too); ORIGIN when that is unset.
  PUBLIC_URL: env.url().optional(),
  WEB_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Shared with the gateway: the browser's address goes to it signed with this (else it sees only ours).
  EDGE_SIGNING_SECRET: env.secret().optional(),
});

/** The web server's environment, parsed once by index.ts. */
export const webEnvSchema = webEnv.transform((e) => ({
  logLevel: e.LOG_LEVEL,
  http: { host: e.HOST, port: e.WEB_PORT },
  gatewayUrl: e.GATEWAY_URL,
  hardwareOrigin: new URL(e.HARDWARE_URL).origin,
  origin: (e.ORIGIN ?? e.PUBLIC_URL)?.replace(/\/+$/, ''),
  trustedProxies: e.WEB_TRUST_PROXY,
  edgeSigningSecret: e.EDGE_SIGNING_SECRET,
}));

export type WebConfig = z.output<typeof webEnvSchema>;
