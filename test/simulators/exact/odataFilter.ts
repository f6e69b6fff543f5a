/**
 * A parser and evaluator for the OData v2 $filter subset Exact Online accepts:
 * eq ne gt ge lt le and or not, parentheses, substringof/startswith/endswith/trim/tolower/toupper,
 * and the literals '…' (quote doubled to escape), guid'…', datetime'…', 123L, 1.5, true/false, null.
 * String comparison follows SQL Server's default collation (case-insensitive, trailing spaces ignored),
 * which is why a padded Account Code only matches a filter that carries the leading spaces.
 */

import { fromWallClock } from './exactTime';

export type EdmType = 'Guid' | 'String' | 'Int16' | 'Int32' | 'Int64' | 'Byte' | 'Double' | 'Boolean' | 'DateTime' | 'Binary' | 'Nav';
type LiteralType = 'String' | 'Guid' | 'DateTime' | 'Int64' | 'Int32' | 'Double' | 'Boolean' | 'Null';

export type FilterNode =
	| { kind: 'literal'; type: LiteralType; value: string | number | boolean | null }
	| { kind: 'field'; name: string; position: number }
	| { kind: 'call'; name: string; args: FilterNode[] }
	| { kind: 'binary'; op: string; left: FilterNode; right: FilterNode }
	| { kind: 'not'; operand: FilterNode };

export class FilterError extends Error {}

interface Token {
	kind: 'literal' | 'word' | 'open' | 'close' | 'comma';
	text: string;
	position: number;
	literal?: { type: LiteralType; value: string | number | boolean | null };
}

const COMPARISON_OPERATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['substringof', 'startswith', 'endswith', 'trim', 'tolower', 'toupper', 'length']);

function readQuoted(text: string, start: number): { value: string; end: number } {
	let value = '';
	let index = start + 1;
	for (let guard = 0; guard <= text.length; guard++) {
		if (index >= text.length) throw new FilterError('Bad Request - Error in query syntax.');
		const char = text[index];
		if (char === "'") {
			if (text[index + 1] === "'") {
				value += "'";
				index += 2;
				continue;
			}
			return { value, end: index + 1 };
		}
		value += char;
		index++;
	}
	throw new FilterError('Bad Request - Error in query syntax.');
}

/**
 * Parses a datetime literal as Amsterdam wall-clock time, as Exact reads it (exactonline-api-dotnet-client
 * PR #24: the server works in local time); the result is the instant rows are stored as. An explicit `Z`
 * is taken as UTC (ours, unconfirmed).
 */
export function parseDateTimeLiteral(text: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z)?$/.exec(text);
	if (!match) throw new FilterError(`Unrecognized 'Edm.DateTime' literal 'datetime'${text}''.`);
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', utc] = match;
	const millisecond = Math.floor(Number(`0.${fraction}`) * 1000);
	if (utc) return Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, millisecond);
	return fromWallClock({ year: +year, month: +month, day: +day, hour: +hour, minute: +minute, second: +second, millisecond });
}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	for (let guard = 0; guard <= text.length && index < text.length; guard++) {
		const char = text[index];
		if (/\s/.test(char)) {
			index++;
			continue;
		}
		const position = index;
		if (char === '(') {
			tokens.push({ kind: 'open', text: char, position });
			index++;
		} else if (char === ')') {
			tokens.push({ kind: 'close', text: char, position });
			index++;
		} else if (char === ',') {
			tokens.push({ kind: 'comma', text: char, position });
			index++;
		} else if (char === "'") {
			const quoted = readQuoted(text, index);
			tokens.push({ kind: 'literal', text: text.slice(index, quoted.end), position, literal: { type: 'String', value: quoted.value } });
			index = quoted.end;
		} else if (/[-0-9]/.test(char)) {
			const match = /^-?\d+(\.\d+)?([LlMmDdFf])?/.exec(text.slice(index));
			if (!match) throw new FilterError('Bad Request - Error in query syntax.');
			const suffix = match[2]?.toUpperCase();
			const numeric = Number(match[0].replace(/[LlMmDdFf]$/, ''));
			const type: LiteralType = suffix === 'L' ? 'Int64' : match[1] || suffix ? 'Double' : 'Int32';
			tokens.push({ kind: 'literal', text: match[0], position, literal: { type, value: numeric } });
			index += match[0].length;
		} else if (/[A-Za-z_$]/.test(char)) {
			const match = /^[A-Za-z_$][A-Za-z0-9_/.]*/.exec(text.slice(index));
			const word = match ? match[0] : char;
			index += word.length;
			const lower = word.toLowerCase();
			if ((lower === 'guid' || lower === 'datetime' || lower === 'datetimeoffset') && text[index] === "'") {
				const quoted = readQuoted(text, index);
				index = quoted.end;
				if (lower === 'guid') {
					if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(quoted.value)) {
						throw new FilterError(`Unrecognized 'Edm.Guid' literal 'guid'${quoted.value}'' at '${position}' in '${text}'.`);
					}
					tokens.push({ kind: 'literal', text: word, position, literal: { type: 'Guid', value: quoted.value.toLowerCase() } });
				} else {
					tokens.push({ kind: 'literal', text: word, position, literal: { type: 'DateTime', value: parseDateTimeLiteral(quoted.value) } });
				}
			} else if (lower === 'true' || lower === 'false') {
				tokens.push({ kind: 'literal', text: word, position, literal: { type: 'Boolean', value: lower === 'true' } });
			} else if (lower === 'null') {
				tokens.push({ kind: 'literal', text: word, position, literal: { type: 'Null', value: null } });
			} else {
				tokens.push({ kind: 'word', text: word, position });
			}
		} else {
			throw new FilterError(`Syntax error: character '${char}' is not valid at position ${position} in '${text}'.`);
		}
	}
	return tokens;
}

class Parser {
	private index = 0;

	constructor(
		private readonly tokens: Token[],
		private readonly source: string,
	) {}

	parse(): FilterNode {
		if (this.tokens.length === 0) throw new FilterError('Bad Request - Error in query syntax.');
		const node = this.parseOr();
		if (this.index < this.tokens.length) {
			throw new FilterError(`Syntax error at position ${this.tokens[this.index].position} in '${this.source}'.`);
		}
		return node;
	}

	private peekWord(): string | undefined {
		const token = this.tokens[this.index];
		return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
	}

	private parseOr(): FilterNode {
		let left = this.parseAnd();
		while (this.peekWord() === 'or') {
			this.index++;
			left = { kind: 'binary', op: 'or', left, right: this.parseAnd() };
		}
		return left;
	}

	private parseAnd(): FilterNode {
		let left = this.parseUnary();
		while (this.peekWord() === 'and') {
			this.index++;
			left = { kind: 'binary', op: 'and', left, right: this.parseUnary() };
		}
		return left;
	}

	private parseUnary(): FilterNode {
		if (this.peekWord() === 'not') {
			this.index++;
			return { kind: 'not', operand: this.parseUnary() };
		}
		return this.parseComparison();
	}

	private parseComparison(): FilterNode {
		const left = this.parsePrimary();
		const op = this.peekWord();
		if (op && COMPARISON_OPERATORS.has(op)) {
			this.index++;
			return { kind: 'binary', op, left, right: this.parsePrimary() };
		}
		return left;
	}

	private expect(kind: Token['kind']): Token {
		const token = this.tokens[this.index];
		if (!token || token.kind !== kind) {
			throw new FilterError(`Syntax error at position ${token ? token.position : this.source.length} in '${this.source}'.`);
		}
		this.index++;
		return token;
	}

	private parsePrimary(): FilterNode {
		const token = this.tokens[this.index];
		if (!token) throw new FilterError(`Expression expected at position ${this.source.length} in '${this.source}'.`);
		if (token.kind === 'open') {
			this.index++;
			const inner = this.parseOr();
			this.expect('close');
			return inner;
		}
		if (token.kind === 'literal' && token.literal) {
			this.index++;
			return { kind: 'literal', ...token.literal };
		}
		if (token.kind === 'word') {
			this.index++;
			const lower = token.text.toLowerCase();
			if (this.tokens[this.index]?.kind === 'open' && FUNCTIONS.has(lower)) {
				this.index++;
				const args: FilterNode[] = [];
				if (this.tokens[this.index]?.kind !== 'close') {
					args.push(this.parseOr());
					for (let guard = 0; guard < 8 && this.tokens[this.index]?.kind === 'comma'; guard++) {
						this.index++;
						args.push(this.parseOr());
					}
				}
				this.expect('close');
				return { kind: 'call', name: lower, args };
			}
			if (this.tokens[this.index]?.kind === 'open') {
				throw new FilterError(`Unknown function '${token.text}' at position ${token.position}.`);
			}
			return { kind: 'field', name: token.text, position: token.position };
		}
		throw new FilterError(`Syntax error at position ${token.position} in '${this.source}'.`);
	}
}

export function parseFilter(text: string): FilterNode {
	return new Parser(tokenize(text), text).parse();
}

/** Names of all fields the filter mentions (for mandatory-filter and sync checks). */
export function filterFields(node: FilterNode): string[] {
	switch (node.kind) {
		case 'field':
			return [node.name];
		case 'call':
			return node.args.flatMap(filterFields);
		case 'binary':
			return [...filterFields(node.left), ...filterFields(node.right)];
		case 'not':
			return filterFields(node.operand);
		default:
			return [];
	}
}

/** Rejects unknown fields and comparisons of mismatched types, as Exact's OData layer does. */
export function checkFilter(node: FilterNode, fieldTypes: Map<string, EdmType>, typeName: string): void {
	const typeOf = (operand: FilterNode): string | undefined => {
		if (operand.kind === 'field') return fieldTypes.get(operand.name);
		if (operand.kind === 'literal') return operand.type;
		if (operand.kind === 'call') return ['substringof', 'startswith', 'endswith'].includes(operand.name) ? 'Boolean' : operand.name === 'length' ? 'Int32' : 'String';
		return 'Boolean';
	};
	const visit = (current: FilterNode): void => {
		if (current.kind === 'field') {
			if (!fieldTypes.has(current.name)) {
				throw new FilterError(`No property '${current.name}' exists in type '${typeName}' at position ${current.position}.`);
			}
			return;
		}
		if (current.kind === 'call') return current.args.forEach(visit);
		if (current.kind === 'not') return visit(current.operand);
		if (current.kind !== 'binary') return;
		visit(current.left);
		visit(current.right);
		if (!COMPARISON_OPERATORS.has(current.op)) return;
		const left = typeOf(current.left);
		const right = typeOf(current.right);
		if (!left || !right || left === 'Null' || right === 'Null') return;
		const family = (type: string): string => {
			if (['Int16', 'Int32', 'Int64', 'Byte', 'Double'].includes(type)) return 'number';
			if (type === 'Binary') return 'String';
			return type;
		};
		if (family(left) !== family(right)) {
			const systemName = (type: string): string => (type === 'DateTime' ? 'System.DateTime' : type === 'Guid' ? 'System.Guid' : `System.${type}`);
			throw new FilterError(`Operator '${current.op}' incompatible with operand types '${systemName(left)}' and '${systemName(right)}' at position 0.`);
		}
	};
	visit(node);
}

type Value = string | number | boolean | null | undefined;

function normaliseString(value: string): string {
	return value.replace(/ +$/, '').toLowerCase();
}

function compare(left: Value, right: Value): number | undefined {
	if (left === null || left === undefined || right === null || right === undefined) return undefined;
	if (typeof left === 'string' && typeof right === 'string') {
		const a = normaliseString(left);
		const b = normaliseString(right);
		return a < b ? -1 : a > b ? 1 : 0;
	}
	if (typeof left === 'boolean' || typeof right === 'boolean') {
		return Number(left) - Number(right);
	}
	const a = Number(left);
	const b = Number(right);
	return a < b ? -1 : a > b ? 1 : 0;
}

function evaluate(node: FilterNode, row: Record<string, unknown>): Value {
	switch (node.kind) {
		case 'literal':
			return node.value;
		case 'field':
			return row[node.name] as Value;
		case 'not':
			return !evaluate(node.operand, row);
		case 'call': {
			const args = node.args.map((arg) => evaluate(arg, row));
			const text = (value: Value): string => (value === null || value === undefined ? '' : String(value));
			if (node.name === 'substringof') return normaliseString(text(args[1])).includes(normaliseString(text(args[0])));
			if (node.name === 'startswith') return text(args[0]).toLowerCase().startsWith(text(args[1]).toLowerCase());
			if (node.name === 'endswith') return normaliseString(text(args[0])).endsWith(normaliseString(text(args[1])));
			if (node.name === 'trim') return text(args[0]).trim();
			if (node.name === 'tolower') return text(args[0]).toLowerCase();
			if (node.name === 'toupper') return text(args[0]).toUpperCase();
			if (node.name === 'length') return text(args[0]).length;
			return undefined;
		}
		case 'binary': {
			if (node.op === 'and') return Boolean(evaluate(node.left, row)) && Boolean(evaluate(node.right, row));
			if (node.op === 'or') return Boolean(evaluate(node.left, row)) || Boolean(evaluate(node.right, row));
			const left = evaluate(node.left, row);
			const right = evaluate(node.right, row);
			if (node.op === 'eq' && (left === null || left === undefined || right === null || right === undefined)) {
				return (left ?? null) === (right ?? null);
			}
			if (node.op === 'ne' && (left === null || left === undefined || right === null || right === undefined)) {
				return (left ?? null) !== (right ?? null);
			}
			const order = compare(left, right);
			if (order === undefined) return false;
			switch (node.op) {
				case 'eq':
					return order === 0;
				case 'ne':
					return order !== 0;
				case 'gt':
					return order > 0;
				case 'ge':
					return order >= 0;
				case 'lt':
					return order < 0;
				case 'le':
					return order <= 0;
			}
			return false;
		}
	}
}

export function matchesFilter(node: FilterNode, row: Record<string, unknown>): boolean {
	return Boolean(evaluate(node, row));
}
