// autocannon `setupClient` (a file, not a function: the load runs in a worker thread).
// Each connection starts at a different place in the query list, so 32 connections do not
// all send the same query at the same moment.
'use strict';

let connection = 0;

module.exports = function setupClient(client) {
  const requests = client.opts.requests;
  if (!Array.isArray(requests) || requests.length < 2) return;
  const start = (connection++ * 37) % requests.length;
  client.setRequests([...requests.slice(start), ...requests.slice(0, start)]);
};
