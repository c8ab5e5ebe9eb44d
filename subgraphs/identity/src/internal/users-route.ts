import type { Router } from 'express';
import { z } from 'zod';
import type { UserRepository } from '../data/user-repository.ts';

/** For other subgraphs (e.g. meals mailing a household): names and addresses of users by id. */
export const USERS_LOOKUP_PATH = '/internal/users/lookup';

const lookupSchema = z.object({ ids: z.array(z.uuid()).max(1000) });

export function mountUsersLookupRoute(router: Router, users: UserRepository): void {
  router.post(USERS_LOOKUP_PATH, async (req, res, next) => {
    const request = lookupSchema.safeParse(req.body);
    if (!request.success) {
      res.status(400).json({ error: 'expected { ids: [uuid, …] } (at most 1000)' });
      return;
    }
    try {
      const found = await users.findManyByIds(request.data.ids);
      res.json({ users: found.filter((user) => !user.deactivatedAt).map(({ id, email, displayName }) => ({ id, email, displayName })) });
    } catch (error) {
      next(error);
    }
  });
}
