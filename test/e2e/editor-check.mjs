// Opens the n8n editor in headless Chromium, logs in as the demo owner, opens a workflow and checks
// that each node of this package renders with its own icon and shows its parameters.
import { DEMO_OWNER } from '../../scripts/sandbox/n8n-rest.mjs';
import { CHROMIUM_PATH, ensureChromium, loadPlaywrightCore } from '../../scripts/sandbox/install-browser.mjs';
import { PACKAGE_NAME } from '../../scripts/sandbox/paths.mjs';

/**
 * @param {{ editorUrl: string, workflowId: string, nodes: Array<{ name: string, type: string }>, screenshotPath: string }} input
 * @returns {Promise<Array<{ name: string, iconSource: string, parameterCount: number }>>} what each package node showed
 */
export async function checkWorkflowInEditor({ editorUrl, workflowId, nodes, screenshotPath }) {
	await ensureChromium();
	const { chromium } = await loadPlaywrightCore();
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
	try {
		const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
		page.setDefaultTimeout(60_000);
		await page.goto(`${editorUrl}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(DEMO_OWNER.email);
		await page.locator('input[type="password"]').first().fill(DEMO_OWNER.password);
		await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
		await page.waitForURL((url) => !url.pathname.includes('signin'));

		await page.goto(`${editorUrl}/workflow/${workflowId}`);
		await page.locator('[data-test-id="canvas-node"]').first().waitFor();
		await page.keyboard.press('Shift+1').catch(() => undefined); // zoom to fit
		await page.waitForTimeout(500);

		const results = [];
		for (const node of nodes.filter((entry) => entry.type.startsWith(`${PACKAGE_NAME}.`))) {
			const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`);
			await canvasNode.waitFor();
			const icon = canvasNode.locator('img').first();
			await icon.waitFor();
			const iconSource = (await icon.getAttribute('src')) ?? '';
			const iconLoaded = await icon.evaluate((image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0);
			if (!iconLoaded) throw new Error(`The icon of "${node.name}" did not load (${iconSource})`);

			await canvasNode.dblclick();
			const panel = page.locator('[data-test-id="ndv"]');
			await panel.waitFor();
			const parameters = panel.locator('[data-test-id="parameter-input"], [data-test-id="resource-locator"], .parameter-item');
			await parameters.first().waitFor();
			const parameterCount = await parameters.count();
			const issues = await panel.locator('[data-test-id="node-issues"], .node-issues').count();
			if (issues > 0) {
				const text = await panel.locator('[data-test-id="node-issues"], .node-issues').first().textContent().catch(() => '');
				throw new Error(`"${node.name}" shows parameter issues in the editor: ${text}`);
			}
			results.push({ name: node.name, iconSource, parameterCount });
			await page.keyboard.press('Escape');
			await panel.waitFor({ state: 'hidden' });
		}
		await page.screenshot({ path: screenshotPath });
		return results;
	} finally {
		await browser.close();
	}
}
