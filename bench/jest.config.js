/** `npm run bench`: the benchmark runs as one Jest file on the project's Node 24, in band, with no time limit of its own. */
const path = require('path');
const os = require('os');

process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER || path.join(os.tmpdir(), 'n8n-nodes-exact-outsmart-bench');

module.exports = {
	rootDir: path.join(__dirname, '..'),
	testEnvironment: 'node',
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.bench.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/\\.peers/'],
	modulePathIgnorePatterns: ['<rootDir>/bench/\\.peers/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 15 * 60 * 1000,
	maxWorkers: 1,
	verbose: false,
};
