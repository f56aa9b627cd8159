// Lets Node run the TypeScript CLI scripts directly (type-checking is the build's job).
require('ts-node').register({ transpileOnly: true, project: require('node:path').join(__dirname, '..', 'tsconfig.json') });
require('tsconfig-paths/register');
