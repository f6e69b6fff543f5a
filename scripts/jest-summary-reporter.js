/**
 * Prints one closing line "tests: N passed, N failed, N skipped" after Jest's own summary, so any CI
 * reading plain test output can count the results.
 */
class SummaryLineReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(
			`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
		);
	}
}

module.exports = SummaryLineReporter;
