/**
 * Every template reads cleanly on n8n's canvas: no two nodes overlap (with room for the name under each
 * node), a sticky note either frames a node completely or stays clear of it, and the sticky notes name
 * the credentials' own fields and only nodes the template has.
 *
 * n8n's canvas draws a regular node as a 100 x 100 box at its position, the node's name below it, and a
 * sticky note as a width x height box at its position (defaults 240 x 160).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INode } from 'n8n-workflow';
import { ExactOnlineOAuth2Api } from '../../credentials/ExactOnlineOAuth2Api.credentials';
import { OutSmartApi } from '../../credentials/OutSmartApi.credentials';
import { WORKFLOWS_DIR } from './setup';

const FILES = readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.json')).sort();
const STICKY = 'n8n-nodes-base.stickyNote';
const NODE_SIZE = 100;
/** Free space between two nodes, so neither's name runs into the other. */
const GAP = 40;
/** The name under a node. */
const LABEL_HEIGHT = 40;

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

function stickyBox(node: INode): Box {
	const { width = 240, height = 160 } = node.parameters as { width?: number; height?: number };
	return { x: node.position[0], y: node.position[1], width, height };
}

function nodeBox(node: INode): Box {
	return { x: node.position[0], y: node.position[1], width: NODE_SIZE, height: NODE_SIZE + LABEL_HEIGHT };
}

function intersects(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(outer: Box, inner: Box): boolean {
	return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Pairs of nodes that sit closer than a node plus the gap in both directions. */
export function overlappingNodes(nodes: INode[]): Array<[string, string]> {
	const placed = nodes.filter((node) => node.type !== STICKY);
	const pairs: Array<[string, string]> = [];
	for (const [index, a] of placed.entries()) {
		for (const b of placed.slice(index + 1)) {
			const dx = Math.abs(a.position[0] - b.position[0]);
			const dy = Math.abs(a.position[1] - b.position[1]);
			if (dx < NODE_SIZE + GAP && dy < NODE_SIZE + GAP) pairs.push([a.name, b.name]);
		}
	}
	return pairs;
}

/** Nodes a sticky note covers only in part. */
export function halfCoveredNodes(nodes: INode[]): Array<[string, string]> {
	const stickies = nodes.filter((node) => node.type === STICKY);
	const placed = nodes.filter((node) => node.type !== STICKY);
	const pairs: Array<[string, string]> = [];
	for (const sticky of stickies) {
		for (const node of placed) {
			const [note, box] = [stickyBox(sticky), nodeBox(node)];
			if (intersects(note, box) && !contains(note, box)) pairs.push([sticky.name, node.name]);
		}
	}
	return pairs;
}

function readNodes(file: string): INode[] {
	return (JSON.parse(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as { nodes: INode[] }).nodes;
}

describe('Template workflows: canvas layout', () => {
	test('the checks find an overlap and a half-covered node', () => {
		const node = (name: string, x: number, y: number): INode => ({ id: name, name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [x, y], parameters: {} });
		const sticky: INode = { id: 's', name: 'Note', type: STICKY, typeVersion: 1, position: [0, 0], parameters: { width: 300, height: 200 } };
		// The export template's old layout: "Export Configuration Valid?" on top of "PDF Only?".
		expect(overlappingNodes([node('PDF Only?', 480, 200), node('Export Configuration Valid?', 360, 120)])).toEqual([['PDF Only?', 'Export Configuration Valid?']]);
		expect(overlappingNodes([node('A', 0, 0), node('B', 240, 0), node('C', 0, 160)])).toEqual([]);
		expect(halfCoveredNodes([sticky, node('Inside', 20, 20), node('Outside', 400, 0), node('Half', 250, 20)])).toEqual([['Note', 'Half']]);
	});

	describe.each(FILES)('%s', (file) => {
		const nodes = readNodes(file);

		test('no two nodes overlap', () => {
			expect(overlappingNodes(nodes)).toEqual([]);
		});

		test('a sticky note frames a node completely or not at all', () => {
			expect(halfCoveredNodes(nodes)).toEqual([]);
		});
	});
});

/** The fields a user fills in on the credential screen. */
const CREDENTIAL_FIELDS = {
	'"Exact Online account"': {
		type: new ExactOnlineOAuth2Api().displayName,
		fields: ['Country', 'Client ID', 'Client Secret'],
		declared: new ExactOnlineOAuth2Api().properties.map((property) => property.displayName),
	},
	'"OutSmart account"': {
		type: new OutSmartApi().displayName,
		fields: new OutSmartApi().properties.filter((property) => property.required).map((property) => property.displayName),
		declared: new OutSmartApi().properties.map((property) => property.displayName),
	},
};

describe('Template workflows: sticky notes', () => {
	const allNodeNames = new Map<string, string>();
	for (const file of FILES) for (const node of readNodes(file)) if (node.type !== STICKY) allNodeNames.set(node.name, file);

	test('the credential fields the notes name exist on the credential screens', () => {
		expect(CREDENTIAL_FIELDS['"Exact Online account"'].declared).toContain('Country');
		expect(CREDENTIAL_FIELDS['"OutSmart account"'].fields).toEqual(expect.arrayContaining(['Customer Token', 'Software Token']));
		for (const { fields, declared } of Object.values(CREDENTIAL_FIELDS)) {
			for (const field of fields) expect(declared).toContain(field);
		}
	});

	describe.each(FILES)('%s', (file) => {
		const nodes = readNodes(file);
		const names = new Set(nodes.filter((node) => node.type !== STICKY).map((node) => node.name));
		const notes = nodes.filter((node) => node.type === STICKY).map((node) => String(node.parameters.content));

		test('a note that asks for a credential names its type and its fields as the credential screen does', () => {
			for (const note of notes) {
				for (const [credential, { type, fields }] of Object.entries(CREDENTIAL_FIELDS)) {
					if (!note.includes(credential)) continue;
					const after = note.slice(note.indexOf(credential), note.indexOf(credential) + 200);
					expect({ credential, after }).toEqual({ credential, after: expect.stringContaining(type) });
					for (const field of fields) expect({ credential, after }).toEqual({ credential, after: expect.stringContaining(field) });
				}
				expect(note).not.toMatch(/API token|software token\b/);
				// Other credential fields a note mentions are named as the screen names them.
				for (const field of CREDENTIAL_FIELDS['"Exact Online account"'].declared) {
					for (const match of note.matchAll(new RegExp(field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'))) expect({ field, written: match[0] }).toEqual({ field, written: field });
				}
			}
		});

		test('a node a note names in bold is in this template, or the note says which workflow has it', () => {
			for (const note of notes) {
				for (const match of note.matchAll(/\*\*([^*]+)\*\*/g)) {
					const name = match[1];
					if (names.has(name) || !allNodeNames.has(name)) continue;
					const rest = note.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 40);
					expect({ name, rest }).toEqual({ name, rest: expect.stringMatching(/workflow/) });
				}
			}
		});
	});
});
