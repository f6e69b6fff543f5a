import { formatSyncCursor, parseSyncCursor } from '../../nodes/ExactOnline/transport/syncCursor';

describe('sync cursor text', () => {
	it('keeps the feed and deletion Timestamps apart and round-trips', () => {
		const cursor = { feed: '89000123', deleted: '89000119', deletedReadAt: 1793602800000, moveMarker: 0, moveCheckedAt: 1793602800000 };
		expect(formatSyncCursor(cursor)).toBe('t=89000123;d=89000119;r=1793602800000;m=0;c=1793602800000');
		expect(parseSyncCursor(formatSyncCursor(cursor))).toEqual(cursor);
	});

	it('reads an older plain-number cursor as both Timestamps, and nothing readable as a first import', () => {
		expect(parseSyncCursor('89000123')).toEqual({ feed: '89000123', deleted: '89000123' });
		expect(parseSyncCursor('')).toBeUndefined();
		expect(parseSyncCursor('t=abc;d=1')).toBeUndefined();
		expect(parseSyncCursor("1 or 1 eq 1")).toBeUndefined();
	});
});
