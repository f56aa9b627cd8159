// Lets Node run the TypeScript CLI scripts and the test suites' spawned servers directly (type-checking is the
// build's job). SWC transpiles: the server's ~400 files start in about half the time ts-node's own compiler takes.
// CommonJS and ES2022 for SWC (it knows neither TypeScript 6's node20 module kind nor ES2023 as a target).
require('ts-node').register({
  transpileOnly: true,
  swc: true,
  project: require('node:path').join(__dirname, '..', 'tsconfig.json'),
  compilerOptions: { module: 'commonjs', moduleResolution: 'node', target: 'es2022' },
});
require('tsconfig-paths/register');
