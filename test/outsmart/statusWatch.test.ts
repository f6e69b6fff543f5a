import type { IDataObject } from 'n8n-workflow';

import { decidePoll, fingerprintOf, type StatusWatch, type WatchState } from '../../nodes/OutSmart/trigger/workorderStatusWatch';

function order(id: string, status: string, workStatus: string, changes: Array<[string, string]>): IDataObject {
	return { id, WorkorderNo: `WO-${id}`, status, WorkStatus: workStatus, StatusChanges: changes.map(([s, timestamp]) => ({ status: s, timestamp, user: 'x' })) };
}

const compleet: StatusWatch = { mainStatus: 'Compleet', workStatuses: [] };

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
		const watch: StatusWatch = { mainStatus: 'Alle', workStatuses: ['A', 'B'] };
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
		const narrowed: StatusWatch = { mainStatus: 'Compleet', workStatuses: ['W'] };
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
		expect(fingerprintOf(a, compleet)).toBe('S:Compleet@2026-01-02 10:00:00');
		expect(fingerprintOf(a, { mainStatus: 'Compleet', workStatuses: [''] })).toBe('S:Compleet@2026-01-02 10:00:00|W:@');
	});
});
