import { noSuchEndpoint } from '../web/api.server.js';

export const loader = noSuchEndpoint;
export const action = loader;
