import { jsonError } from '../web/api.server.js';

export const loader = () => jsonError(404, 'No such API endpoint: see /api/v1/listings, /api/v1/search, /api/v1/health');
export const action = loader;
