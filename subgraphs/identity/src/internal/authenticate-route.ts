import type { Router } from 'express';
import { z } from 'zod';
import type { AuthService } from '../domain/auth-service.ts';

/** Where the gateway checks a credential on every request. It is a route, not a GraphQL field, so it never appears in the public graph. */
export const AUTHENTICATE_PATH = '/internal/authenticate';

const credentialSchema = z.union([
  z.object({ sessionId: z.uuid(), userId: z.uuid() }),
  z.object({ apiKey: z.string().min(1).max(200) }),
]);

export function mountAuthenticateRoute(router: Router, auth: AuthService): void {
  router.post(AUTHENTICATE_PATH, async (req, res, next) => {
    const credential = credentialSchema.safeParse(req.body);
    if (!credential.success) {
      res.status(400).json({ error: 'expected { sessionId, userId } or { apiKey }' });
      return;
    }
    try {
      res.json({ principal: await auth.authenticate(credential.data) });
    } catch (error) {
      next(error);
    }
  });
}
