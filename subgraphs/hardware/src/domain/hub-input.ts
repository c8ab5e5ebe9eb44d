import { z } from 'zod';

export const registerHubSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  // Kept with any path prefix (a reverse proxy in front of the hub); the Maker API path is appended.
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://192.168.1.20' })
    .refine((url) => !new URL(url).search && !new URL(url).username, 'must not carry a query or credentials')
    .transform((url) => url.replace(/\/+$/, '')),
  appId: z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, 'must be the numeric Maker API app id'),
  accessToken: z
    .string()
    .trim()
    .min(8, 'must be the Maker API access token')
    .max(200)
    .regex(/^[\w-]+$/, 'must be the Maker API access token'),
  storeId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullish()
    .transform((s) => s ?? null),
});
