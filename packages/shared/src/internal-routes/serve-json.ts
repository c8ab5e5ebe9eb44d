import type { Request, RequestHandler, Router } from 'express';

type Parsed<T> = { success: true; data: T } | { success: false };

export interface JsonRouteHandling<TInput> {
  /** What the route takes, from the request (its body, parameters or query), as a zod safeParse gives it. */
  input: (req: Request) => Parsed<TInput>;
  /** The 400 answer's `error` when the input does not parse. */
  invalid: string;
  /** The reply, sent as JSON; a thrown error goes to the app's error handler. */
  answer: (input: TInput) => Promise<unknown>;
}

/**
 * Serves one internal route's contract at its method and path, after `before` (the internal
 * signature check, where `router` does not make it).
 */
export function serveJsonRoute<TInput>(
  router: Router,
  route: { method: 'GET' | 'POST'; path: string },
  before: RequestHandler[],
  { input, invalid, answer }: JsonRouteHandling<TInput>,
): void {
  const handler: RequestHandler = async (req, res, next) => {
    const parsed = input(req);
    if (!parsed.success) {
      res.status(400).json({ error: invalid });
      return;
    }
    try {
      res.json(await answer(parsed.data));
    } catch (error) {
      next(error);
    }
  };
  if (route.method === 'GET') router.get(route.path, ...before, handler);
  else router.post(route.path, ...before, handler);
}
