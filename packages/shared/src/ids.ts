const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Entity ids are UUID columns: a client's id that is not one names nothing (NOT_FOUND or an empty
 * answer) and must not reach the database, where the uuid cast would be an error.
 */
export const isUuid = (id: string): boolean => UUID.test(id);
