import type { IDataObject } from 'n8n-workflow';

import {
	decidePoll,
	fingerprintOf,
	matchingPair,
	pairsToRead,
	watchKeyOf,
	watchOfExportTriggers,
	watchOfStatuses,
	type StatusWatch,
	type WatchState,
} from '../../nodes/OutSmart/trigger/workorderStatusWatch';

function order(id: string, status: string, workStatus: string, changes: Array<[string, string]>): IDataObject {
	return { id, WorkorderNo: `WO-${id}`, status, WorkStatus: workStatus, StatusChanges: changes.map(([s, timestamp]) => ({ status: s, timestamp, user: 'x' })) };
}

const compleet: StatusWatch = watchOfStatuses('Compleet', []);

function poll(current: IDataObject[], state: WatchState, watch = compleet, emitExisting = false, now = 1000, reemitAfterMs = 0) {
	const decision = decidePoll(current, state, watch, { emitExisting, now, reemitAfterMs });
	return { ids: decision.emit.map((entry) => entry.id), emit: decision.emit, state: decision.state };
}

describe('work-order status watch', () => {
	const a = order('1', 'Compleet', '', [['Klaargezet', '2026-01-01 08:00:00'], ['Compleet', '2026-01-02 10:00:00']]);
	const b = order('2', 'Compleet', '', [['Compleet', '2026-01-02 11:00:00']]);

	it('ignores existing orders on first activation by default, and emits them when asked', () => {
		const first = poll([a, b], {});
		expect(first.ids).toEqual([]);
		expect(Object.keys(first.state.emitted)).toEqual(['1', '2']);
		expect(poll([a, b], {}, compleet, true).ids).toEqual(['1', '2']);
	});

	it('emits a new order once, and not again on later polls', () => {
		const first = poll([a], {});
		const second = poll([a, b], first.state);
		expect(second.ids).toEqual(['2']);
		expect(second.emit[0].triggerStatus).toEqual({ status: 'Compleet', workStatus: '' });
		expect(poll([a, b], second.state).ids).toEqual([]);
	});

	it('forgets orders that left the status (bounded memory) and fires again when they return', () => {
		const first = poll([a, b], {});
		const left = poll([a], first.state);
		expect(Object.keys(left.state.emitted)).toEqual(['1']);
		expect(poll([a, b], left.state).ids).toEqual(['2']);
	});

	it('fires again when an order re-entered between two polls (a new status log entry)', () => {
		const first = poll([a], {});
		const reentered = order('1', 'Compleet', '', [['Compleet', '2026-01-02 10:00:00'], ['Opgehaald', '2026-01-03 09:00:00'], ['Compleet', '2026-01-03 12:00:00']]);
		expect(poll([reentered], first.state).ids).toEqual(['1']);
	});

	it('does not fire again when only an unwatched status changed', () => {
		const first = poll([a], {});
		const exported = { ...a, WorkStatus: '5812443', StatusChanges: [...(a.StatusChanges as IDataObject[]), { status: '5812443', timestamp: '2026-01-03 12:00:00' }] };
		expect(poll([exported], first.state).ids).toEqual([]);
	});

	it('watches several work statuses and fires again on a move between them', () => {
		const watch = watchOfStatuses('Alle', ['A', 'B']);
		const inA = order('7', 'Compleet', 'A', [['A', '2026-01-02 10:00:00']]);
		const first = poll([], {}, watch);
		const second = poll([inA], first.state, watch);
		expect(second.emit.map((entry) => entry.triggerStatus)).toEqual([{ status: 'Compleet', workStatus: 'A' }]);
		const inB = order('7', 'Compleet', 'B', [['A', '2026-01-02 10:00:00'], ['B', '2026-01-02 11:00:00']]);
		expect(poll([inB], second.state, watch).emit.map((entry) => entry.triggerStatus)).toEqual([{ status: 'Compleet', workStatus: 'B' }]);
		// An order in a work status nobody watches never fires.
		expect(poll([order('8', 'Compleet', 'C', [])], second.state, watch).ids).toEqual([]);
	});

	it('starts afresh when the watched status changes, without flooding', () => {
		const aW = { ...a, WorkStatus: 'W' };
		const first = poll([aW], {});
		const narrowed = watchOfStatuses('Compleet', ['W']);
		const cW = order('3', 'Compleet', 'W', [['W', '2026-01-04 10:00:00']]);
		const rewatched = poll([aW, cW], first.state, narrowed);
		expect(rewatched.ids).toEqual([]);
		expect(rewatched.state.watchKey).not.toBe(first.state.watchKey);
		const dW = order('4', 'Compleet', 'W', [['W', '2026-01-04 11:00:00']]);
		expect(poll([aW, cW, dW], rewatched.state, narrowed).ids).toEqual(['4']);
	});

	it('fires again for an order still waiting after the re-emit interval, only when set', () => {
		const first = poll([a], {}, compleet, false, 0);
		expect(poll([a], first.state, compleet, false, 59 * 60_000, 60 * 60_000).ids).toEqual([]);
		const due = poll([a], first.state, compleet, false, 60 * 60_000, 60 * 60_000);
		expect(due.ids).toEqual(['1']);
		expect(poll([a], due.state, compleet, false, 61 * 60_000, 60 * 60_000).ids).toEqual([]);
		expect(poll([a], first.state, compleet, false, 10 * 60 * 60_000, 0).ids).toEqual([]);
	});

	it('fingerprints only the watched statuses', () => {
		expect(fingerprintOf(a, { mainStatus: 'Compleet', workStatus: '' })).toBe('S:Compleet@2026-01-02 10:00:00');
		const inW = order('9', 'Compleet', 'W', [['Compleet', '2026-01-02 10:00:00'], ['W', '2026-01-02 10:05:00']]);
		expect(fingerprintOf(inW, { mainStatus: 'Compleet', workStatus: 'W' })).toBe('S:Compleet@2026-01-02 10:00:00|W:W@2026-01-02 10:05:00');
		expect(fingerprintOf(inW, { mainStatus: 'Alle', workStatus: 'W' })).toBe('W:W@2026-01-02 10:05:00');
	});
});

describe('work-order status watch of the export triggers', () => {
	const exportTrigger = (name: string, status: string, workstatus: string, successStatus = 'OK', errorStatus = 'ERR') => ({ name, status, workstatus, successStatus, errorStatus });

	it('watches each distinct (main status, work status) pair the triggers name; an empty main status is Alle', () => {
		const watch = watchOfExportTriggers([
			exportTrigger('Factuur', 'Compleet', 'X'),
			exportTrigger('Bij ophalen', 'Opgehaald', 'Y'),
			exportTrigger('Alles compleet', 'Compleet', ''),
			exportTrigger('Elke hoofdstatus', '', 'Z'),
			exportTrigger('Nog eens', 'Compleet', 'X'),
		]);
		expect(watch.pairs).toEqual([
			{ mainStatus: 'Compleet', workStatus: 'X' },
			{ mainStatus: 'Opgehaald', workStatus: 'Y' },
			{ mainStatus: 'Compleet', workStatus: '' },
			{ mainStatus: 'Alle', workStatus: 'Z' },
		]);
		expect(watch.settledWorkStatuses).toEqual(['ERR', 'OK']);
		// One read per pair, leaving out a pair another read already covers (Compleet/X is in Compleet/any).
		expect(pairsToRead(watch)).toEqual([
			{ mainStatus: 'Opgehaald', workStatus: 'Y' },
			{ mainStatus: 'Compleet', workStatus: '' },
			{ mainStatus: 'Alle', workStatus: 'Z' },
		]);
		expect(pairsToRead(watchOfExportTriggers([exportTrigger('a', 'Compleet', 'X'), exportTrigger('b', '', 'X')]))).toEqual([{ mainStatus: 'Alle', workStatus: 'X' }]);
	});

	it('refuses an empty list and a trigger with neither status, naming the fix', () => {
		expect(() => watchOfExportTriggers([])).toThrow('The export triggers list is empty: add at least one export trigger in Build Sales Invoice');
		expect(() => watchOfExportTriggers([exportTrigger('Factuur', 'Compleet', 'X'), exportTrigger('', '', '')])).toThrow(
			"Export trigger '#2' has neither a main status nor a work status: choose at least one of them for it in Build Sales Invoice",
		);
	});

	it('a watch of one main status keeps the memory key it always had', () => {
		expect(watchKeyOf(watchOfStatuses('Compleet', ['B', 'A']))).toBe(JSON.stringify(['Compleet', ['A', 'B']]));
		expect(watchKeyOf(watchOfStatuses('Compleet', []))).toBe(JSON.stringify(['Compleet', []]));
		// The shipped export's trigger (Compleet + one work status) keeps its memory when it reads the export triggers.
		expect(watchKeyOf(watchOfExportTriggers([exportTrigger('Factuur', 'Compleet', 'A')]))).toBe(JSON.stringify(['Compleet', ['A']]));
		expect(watchKeyOf(watchOfExportTriggers([exportTrigger('a', 'Compleet', ''), exportTrigger('b', 'Compleet', 'X')]))).toBe(
			JSON.stringify(['pairs', ['Compleet/', 'Compleet/X']]),
		);
	});

	it('an order belongs to the most specific pair; a pair without work status leaves out the success and error statuses', () => {
		const watch = watchOfExportTriggers([exportTrigger('Alles compleet', 'Compleet', ''), exportTrigger('Factuur', 'Compleet', 'X'), exportTrigger('Bij ophalen', 'Opgehaald', 'Y')]);
		expect(matchingPair(order('1', 'Compleet', 'X', []), watch)).toEqual({ mainStatus: 'Compleet', workStatus: 'X' });
		expect(matchingPair(order('2', 'Compleet', 'W', []), watch)).toEqual({ mainStatus: 'Compleet', workStatus: '' });
		expect(matchingPair(order('3', 'Compleet', '', []), watch)).toEqual({ mainStatus: 'Compleet', workStatus: '' });
		expect(matchingPair(order('4', 'Opgehaald', 'Y', []), watch)).toEqual({ mainStatus: 'Opgehaald', workStatus: 'Y' });
		for (const settled of ['OK', 'ERR']) expect(matchingPair(order('5', 'Compleet', settled, []), watch)).toBeUndefined();
		expect(matchingPair(order('6', 'Opgehaald', 'X', []), watch)).toBeUndefined();
		expect(matchingPair(order('7', 'Klaargezet', 'Y', []), watch)).toBeUndefined();
	});

	it('fires once per order across the pairs, again when it moves to another pair or back out of its error status', () => {
		const watch = watchOfExportTriggers([exportTrigger('Alles compleet', 'Compleet', ''), exportTrigger('Factuur', 'Compleet', 'X'), exportTrigger('Bij ophalen', 'Opgehaald', 'Y')]);
		const inW = order('1', 'Compleet', 'W', [['Compleet', '2026-01-02 10:00:00'], ['W', '2026-01-02 10:00:00']]);
		const inY = order('2', 'Opgehaald', 'Y', [['Opgehaald', '2026-01-02 09:00:00'], ['Y', '2026-01-02 10:00:00']]);
		const first = poll([], {}, watch);
		const second = poll([inW, inY], first.state, watch);
		expect(second.emit.map((entry) => [entry.id, entry.triggerStatus])).toEqual([
			['1', { status: 'Compleet', workStatus: 'W' }],
			['2', { status: 'Opgehaald', workStatus: 'Y' }],
		]);
		// Read twice (by two pairs' reads) or polled again: no second emit.
		expect(poll([inW, inY, inW], second.state, watch).ids).toEqual([]);
		// A new work status that no trigger names, in Compleet with any work status: not a new reason.
		const inV = { ...inW, WorkStatus: 'V', StatusChanges: [...(inW.StatusChanges as IDataObject[]), { status: 'V', timestamp: '2026-01-02 11:00:00' }] };
		const third = poll([inV, inY], second.state, watch);
		expect(third.ids).toEqual([]);
		// Moved into X (another trigger's status): fires for that trigger.
		const inX = { ...inV, WorkStatus: 'X', StatusChanges: [...(inV.StatusChanges as IDataObject[]), { status: 'X', timestamp: '2026-01-02 12:00:00' }] };
		const fourth = poll([inX, inY], third.state, watch);
		expect(fourth.emit.map((entry) => entry.triggerStatus)).toEqual([{ status: 'Compleet', workStatus: 'X' }]);
		// Its export failed: in the error status it is out of every pair and forgotten...
		const failed = { ...inX, WorkStatus: 'ERR', StatusChanges: [...(inX.StatusChanges as IDataObject[]), { status: 'ERR', timestamp: '2026-01-02 13:00:00' }] };
		const fifth = poll([failed, inY], fourth.state, watch, false, 1000, 60 * 60_000);
		expect(fifth.ids).toEqual([]);
		expect(Object.keys(fifth.state.emitted)).toEqual(['2']);
		// ...also long after the re-emit interval, until someone moves it back to a status a trigger uses.
		expect(poll([failed, inY], fifth.state, watch, false, 10 * 60 * 60_000, 60 * 60_000).ids).toEqual(['2']);
		const fixed = { ...failed, WorkStatus: 'W', StatusChanges: [...(failed.StatusChanges as IDataObject[]), { status: 'W', timestamp: '2026-01-02 14:00:00' }] };
		expect(poll([fixed, inY], fifth.state, watch).ids).toEqual(['1']);
	});
});
