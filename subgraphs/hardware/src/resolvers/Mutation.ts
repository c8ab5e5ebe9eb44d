import { idempotencyRequest, parseInput } from '@switchyard/shared';
import { z } from 'zod';
import type { MutationResolvers } from '../generated/graphql.ts';
import { createAssetSchema, notesSchema, storeIdSchema, updateAssetSchema } from '../domain/asset-input.ts';
import { registerHubSchema } from '../domain/hub-input.ts';
import { sceneMutations } from './scene-operations.ts';

const commandSchema = z.object({
  command: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a command name such as on or setLevel'),
  args: z
    .array(z.string().max(200, 'an argument is at most 200 characters'))
    .max(10, 'at most 10 arguments')
    .nullish()
    .transform((args) => args ?? []),
});

export const Mutation: MutationResolvers = {
  registerHub: (_parent, { idempotencyKey, ...args }, { hubService, principal }) =>
    hubService.register(
      parseInput(registerHubSchema, args.input, 'input'),
      idempotencyRequest(idempotencyKey, principal, 'registerHub', args),
    ),

  syncHub: (_parent, { id }, { hubService }) => hubService.sync(id),

  removeHub: (_parent, { id }, { hubService }) => hubService.remove(id),

  testHubEvents: (_parent, { hubId }, { hubDiagnostics }) => hubDiagnostics.testEvents(hubId),

  sendDeviceCommand: (_parent, { idempotencyKey, ...args }, { hubService, principal }) => {
    const { command, args: values } = parseInput(commandSchema, args);
    return hubService.sendCommand(
      args.deviceId,
      command,
      values,
      args.hubId ?? null,
      principal && {
        kind: principal.kind === 'apiKey' ? 'API_KEY' : 'USER',
        userId: principal.userId,
        apiKeyId: principal.apiKeyId,
      },
      idempotencyRequest(idempotencyKey, principal, 'sendDeviceCommand', args),
    );
  },

  importAssets: (_parent, { csv, apply }, { assetImport }) => assetImport.run(csv, apply ?? false),

  createAsset: (_parent, { idempotencyKey, ...args }, { assets, principal }) =>
    assets.create(
      parseInput(createAssetSchema, args.input, 'input'),
      idempotencyRequest(idempotencyKey, principal, 'createAsset', args),
    ),

  allocateAsset: (_parent, { assetId, storeId }, { assets, principal }) =>
    assets.allocate(assetId, parseInput(storeIdSchema, storeId, 'storeId'), principal!.userId, new Date()),

  releaseAsset: (_parent, { assetId }, { assets, principal }) => assets.release(assetId, principal!.userId, new Date()),

  markAssetFaulty: (_parent, { assetId, notes }, { assets, principal }) =>
    assets.markFaulty(assetId, parseInput(notesSchema, notes, 'notes'), principal!.userId, new Date()),

  updateAsset: (_parent, { id, input }, { assets }) => assets.update(id, parseInput(updateAssetSchema, input, 'input')),

  retireAsset: (_parent, { assetId }, { assets, principal }) => assets.retire(assetId, principal!.userId, new Date()),

  releaseStoreAssets: (_parent, { storeId }, { assets, principal }) =>
    assets.releaseAllAt(parseInput(storeIdSchema, storeId, 'storeId'), principal!.userId, new Date()),

  ...sceneMutations,
};
