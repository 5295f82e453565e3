// The dependency rules of shared/DESIGN.md, checked by `npm run lint` (part of `npm test`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'app/domain holds pure rules: nothing of ours but itself, no I/O, no framework.',
      severity: 'error',
      from: { path: '^app/domain/' },
      to: {
        pathNot: ['^app/domain/', '^node_modules/zod/'],
      },
    },
    {
      name: 'routes-call-services',
      comment: 'Route modules parse, call a service and render: no database or search access.',
      severity: 'error',
      from: { path: '^app/(routes|ui)/' },
      to: { path: ['^db/', '^search/', '^node_modules/(kysely|pg|meilisearch|pg-boss)/'] },
    },
    {
      name: 'ui-has-no-services',
      comment: 'Components render what routes give them.',
      severity: 'error',
      from: { path: '^app/ui/' },
      to: { path: ['^app/services/', '^app/web/', '^app/server/'] },
    },
    {
      name: 'services-not-web',
      comment: 'Services do not know about HTTP, routes or components.',
      severity: 'error',
      from: { path: '^app/services/' },
      to: { path: ['^app/(routes|ui|web|server)/', '^node_modules/@remix-run/'] },
    },
    {
      name: 'db-is-a-leaf',
      comment: 'db imports nothing of search or app.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: ['^search/', '^app/'] },
    },
    {
      name: 'search-only-domain-of-app',
      comment: 'search may use db and the pure domain, nothing else of app.',
      severity: 'error',
      from: { path: '^search/' },
      to: { path: '^app/', pathNot: '^app/domain/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^build/', '^public/build/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
