/** Jest runs the TypeScript tests under test/ on the project's Node 24 (npm scripts put it first on PATH). */
const path = require('path');
const os = require('os');

// n8n-core writes an instance config (with an encryption key) into the user folder when it loads;
// keep that out of the developer's home directory.
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER || path.join(os.tmpdir(), 'n8n-nodes-exact-outsmart-test');

module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '\\.soak\\.test\\.ts$'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// n8n's regular expressions without their 250 ms wall-clock deadline (see the file).
	setupFiles: ['<rootDir>/test/harness/regexEngine.ts'],
	// Only a guard against a hang: generous, because the suite runs on loaded 2-core machines
	// (npm run test:stress runs it twice at once).
	testTimeout: 180000,
	maxWorkers: 2,
	reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
