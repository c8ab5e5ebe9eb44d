import { filterText } from '@switchyard/shared';
import { z } from 'zod';

// The free-text parts of the list filters (enums and ids are checked by GraphQL and the database).
export const deviceFilterTextSchema = z.object({ capability: filterText(), room: filterText(), search: filterText() });
export const assetFilterTextSchema = z.object({ search: filterText() });
