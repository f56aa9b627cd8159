// Nest 12 ships ESM only; Jest (CommonJS on Node 20) cannot require() it, so those packages are
// compiled to CommonJS by SWC on the way in. Our own TypeScript goes through ts-jest.
const esmPackages = ['@nestjs', 'file-type', 'load-esm', 'uid', 'strtok3', 'token-types', 'peek-readable', '@tokenizer'];

/** @type {import('jest').Config} */
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.ts$': 'ts-jest',
    '^.+\\.m?js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@gongyi/(domain|database|pdf)$': '<rootDir>/libs/$1/src',
    '^@gongyi/(domain|database|pdf)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

module.exports = base;
