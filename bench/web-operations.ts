// The web app's documents (web/src/routes/(app)/…), fragments inlined.
export const OPERATIONS: Record<string, string> = {
  dashboard: `query DashboardOverview { overview { scope devicesOnline devicesTotal hubsOffline firingAlerts eventsLastHour } }`,
  stores: `query Stores { stores(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
    id code name type status address { city country } provisioningProgress version updatedAt
    createdBy { id displayName email } hubs { id name status } } } } }`,
  devices: `query Devices { devices(first: 200) { totalCount pageInfo { hasNextPage endCursor } edges { node {
    id label name type room capabilities attributes { name value unit updatedAt } commands { name arguments }
    hub { id name status } store { id name } } } } }`,
  recipes: `query Recipes { recipes(first: 24) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
    id title servings prepMinutes cookMinutes totalMinutes tags } } } }`,
};
