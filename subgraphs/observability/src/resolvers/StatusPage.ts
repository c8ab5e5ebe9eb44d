import { NotFoundError, parseInput, type Principal } from '@switchyard/shared';
import type { IncidentResolvers, MutationResolvers, QueryResolvers } from '../generated/graphql.ts';
import { uuidSchema } from '../domain/alert-input.ts';
import {
  incidentInputSchema,
  incidentMessage,
  statusPageInputSchema,
  updateStatusPageInputSchema,
} from '../domain/status-page.ts';

const idOf = (id: string, entity: string) => {
  if (!uuidSchema.safeParse(id).success) throw new NotFoundError(entity, id);
  return id;
};
const authorOf = (principal: Principal | null) => (principal?.kind === 'user' ? principal.userId : null);

/** Status pages and incidents: management (OPERATOR) and the public page (no sign-in). */
export const statusPageQueries: Pick<QueryResolvers, 'statusPages' | 'incidents' | 'publicStatusPage'> = {
  statusPages: (_parent, _args, { statusPages }) => statusPages.pages(),
  incidents: (_parent, _args, { statusPages }) => statusPages.incidents(),
  // Unknown and unpublished slugs answer the same null, so the public cannot probe for drafts.
  publicStatusPage: (_parent, { slug }, { publicStatusPage }) => publicStatusPage(slug),
};

export const statusPageMutations: Pick<
  MutationResolvers,
  'createStatusPage' | 'updateStatusPage' | 'deleteStatusPage' | 'createIncident' | 'postIncidentUpdate'
> = {
  createStatusPage: (_parent, { input }, { statusPages, principal }) =>
    statusPages.createPage(parseInput(statusPageInputSchema, input, 'input'), authorOf(principal)),
  updateStatusPage: (_parent, { id, input }, { statusPages }) =>
    statusPages.updatePage(idOf(id, 'StatusPage'), parseInput(updateStatusPageInputSchema, input, 'input')),
  deleteStatusPage: (_parent, { id }, { statusPages }) =>
    uuidSchema.safeParse(id).success ? statusPages.deletePage(id) : false,
  createIncident: (_parent, { input }, { statusPages, principal }) =>
    statusPages.createIncident(parseInput(incidentInputSchema, input, 'input'), authorOf(principal)),
  postIncidentUpdate: (_parent, { incidentId, status, message }, { statusPages, principal }) =>
    statusPages.postUpdate(
      idOf(incidentId, 'Incident'),
      status,
      parseInput(incidentMessage, message, 'message'),
      authorOf(principal),
    ),
};

export const Incident: IncidentResolvers = {
  statusPages: (incident, _args, { statusPages }) =>
    incident.statusPageIds.length === 0 ? [] : statusPages.pagesByIds(incident.statusPageIds),
  everyStatusPage: (incident) => incident.everyPage,
};
