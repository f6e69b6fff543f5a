// Opens the n8n editor in headless Chromium, logs in as the demo owner and checks workflows the way a
// person looks at them: no two nodes overlap on the canvas, and every node of this package renders with
// its own icon, opens its panel without a parameter issue, and loads every option list it shows (the
// dropdowns n8n loads on opening, and each "From list" list, clicked open).
import { DEMO_OWNER } from '../../scripts/sandbox/n8n-rest.mjs';
import { CHROMIUM_PATH, ensureChromium, loadPlaywrightCore } from '../../scripts/sandbox/install-browser.mjs';
import { PACKAGE_NAME } from '../../scripts/sandbox/paths.mjs';

const STICKY_NOTE = 'n8n-nodes-base.stickyNote';
/** The editor's calls that fill option lists (loadOptions) and "From list" lists (listSearch). */
const LIST_CALLS = /\/rest\/dynamic-node-parameters\/(options|resource-locator-results)/;
/** The chromium flags this machine needs (no background calls to hosts it cannot reach). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * A logged-in editor; close it when done.
 * @param {string} editorUrl
 */
export async function openEditor(editorUrl) {
	await ensureChromium();
	const { chromium } = await loadPlaywrightCore();
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
	const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
	page.setDefaultTimeout(60_000);
	await page.goto(`${editorUrl}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(DEMO_OWNER.email);
	await page.locator('input[type="password"]').first().fill(DEMO_OWNER.password);
	await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
	return { page, close: async () => await browser.close() };
}

/** Pairs of boxes that intersect. @param {Array<{ name: string, box: { x: number, y: number, width: number, height: number } }>} boxes */
export function overlaps(boxes) {
	const pairs = [];
	for (const [index, a] of boxes.entries()) {
		for (const b of boxes.slice(index + 1)) {
			const apart = a.box.x + a.box.width <= b.box.x || b.box.x + b.box.width <= a.box.x || a.box.y + a.box.height <= b.box.y || b.box.y + b.box.height <= a.box.y;
			if (!apart) pairs.push(`"${a.name}" and "${b.name}"`);
		}
	}
	return pairs;
}

/**
 * Checks one workflow in an open editor; throws with every problem found.
 * @param {import('playwright-core').Page} page
 * @param {{ editorUrl: string, workflowId: string, name: string, nodes: Array<{ name: string, type: string }>, screenshotPath?: string }} input
 * @returns {Promise<Array<{ name: string, iconSource: string, parameterCount: number, listsLoaded: number }>>} what each package node showed
 */
export async function checkWorkflow(page, { editorUrl, workflowId, name, nodes, screenshotPath }) {
	const problems = [];
	const failedLists = [];
	let listsLoaded = 0;
	let fromListsLoaded = 0;
	const onResponse = async (response) => {
		if (!LIST_CALLS.test(response.url())) return;
		if (response.ok()) {
			listsLoaded++;
			if (response.url().includes('resource-locator-results')) fromListsLoaded++;
			return;
		}
		const body = await response.text().catch(() => '');
		failedLists.push(`${response.status()} ${body.slice(0, 300)}`);
	};
	page.on('response', onResponse);
	try {
		await page.goto(`${editorUrl}/workflow/${workflowId}`);
		await page.locator('[data-test-id="canvas-node"]').first().waitFor();
		await page.keyboard.press('Shift+1').catch(() => undefined); // zoom to fit
		await page.waitForTimeout(800);

		const boxes = [];
		for (const node of nodes.filter((entry) => entry.type !== STICKY_NOTE)) {
			const box = await page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`).first().boundingBox();
			if (box) boxes.push({ name: node.name, box });
			else problems.push(`"${node.name}" is not on the canvas`);
		}
		for (const pair of overlaps(boxes)) problems.push(`${pair} overlap on the canvas`);
		if (screenshotPath) await page.screenshot({ path: screenshotPath });

		const results = [];
		for (const node of nodes.filter((entry) => entry.type.startsWith(`${PACKAGE_NAME}.`))) {
			const before = { failed: failedLists.length, loaded: listsLoaded, fromLists: fromListsLoaded };
			const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`);
			await canvasNode.waitFor();
			const icon = canvasNode.locator('img').first();
			await icon.waitFor();
			const iconSource = (await icon.getAttribute('src')) ?? '';
			const iconLoaded = await icon.evaluate((image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0);
			if (!iconLoaded) problems.push(`the icon of "${node.name}" did not load (${iconSource})`);

			await canvasNode.dblclick();
			const panel = page.locator('[data-test-id="ndv"]');
			await panel.waitFor();
			const parameters = panel.locator('[data-test-id="parameter-input"], [data-test-id="resource-locator"], .parameter-item');
			await parameters.first().waitFor();
			await page.waitForTimeout(1_500); // the dropdowns n8n loads on opening
			// Each "From list" list, opened as a person would.
			const lists = panel.locator('[data-test-id="rlc-input"]');
			const fromListCount = await lists.count();
			for (let index = 0; index < fromListCount; index++) {
				if (!(await lists.nth(index).isVisible().catch(() => false))) continue;
				await lists.nth(index).click({ timeout: 3_000 }).catch(() => undefined);
				await page.waitForTimeout(800);
				if (await page.locator('[data-test-id="rlc-error-container"]:visible').count()) problems.push(`"${node.name}": a "From list" list says it could not load`);
				// Close the list by clicking the panel's Parameters tab (not the title, which would start a rename).
				await panel.getByText('Parameters', { exact: true }).first().click({ timeout: 3_000 }).catch(() => undefined);
			}
			const parameterCount = await parameters.count();
			const issues = panel.locator('[data-test-id="node-issues"], .node-issues');
			if ((await issues.count()) > 0) problems.push(`"${node.name}" shows parameter issues: ${await issues.first().textContent().catch(() => '')}`);
			for (const failure of failedLists.slice(before.failed)) problems.push(`"${node.name}": an option list did not load: ${failure}`);
			if (process.env.E2E_PANEL_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_PANEL_SCREENSHOTS}/${node.name.replace(/[^A-Za-z0-9]+/g, '-')}.png` }).catch(() => undefined);
			results.push({ name: node.name, iconSource, parameterCount, listsLoaded: listsLoaded - before.loaded, fromListInputs: fromListCount, fromListsLoaded: fromListsLoaded - before.fromLists });
			await page.keyboard.press('Escape');
			await panel.waitFor({ state: 'hidden' }).catch(async () => {
				await page.keyboard.press('Escape');
				await panel.waitFor({ state: 'hidden' });
			});
		}
		if (problems.length > 0) throw new Error(`"${name}" in the editor:\n- ${problems.join('\n- ')}`);
		return results;
	} finally {
		page.off('response', onResponse);
	}
}

/**
 * One workflow in a fresh editor (kept for callers that check a single workflow).
 * @param {{ editorUrl: string, workflowId: string, nodes: Array<{ name: string, type: string }>, screenshotPath: string }} input
 */
export async function checkWorkflowInEditor({ editorUrl, workflowId, nodes, screenshotPath }) {
	const editor = await openEditor(editorUrl);
	try {
		return await checkWorkflow(editor.page, { editorUrl, workflowId, name: workflowId, nodes, screenshotPath });
	} finally {
		await editor.close();
	}
}
