import { DateTime } from 'luxon';

/** OutSmart works in Dutch local time; dates without an offset are read and written in this zone. */
export const OUTSMART_TIME_ZONE = 'Europe/Amsterdam';

/**
 * Reads an OutSmart decimal. The API mixes styles: material prices use a comma ('4,55'), hour types and
 * invoices a dot ('50.00'), and Dutch thousands separators appear ('1.234,50'). A value with only dots is
 * read as a dot decimal.
 */
export function parseOutSmartDecimal(value: string | number | undefined): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	let text = value.trim().replace(/\s/g, '');
	if (text === '') return undefined;
	if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
	return Number(text);
}

/** Writes a decimal the way the target field expects it: 'comma' for material prices, 'dot' for hour types. */
export function formatOutSmartDecimal(value: number, style: 'comma' | 'dot', decimals = 2): string {
	const fixed = value.toFixed(decimals);
	return style === 'comma' ? fixed.replace('.', ',') : fixed;
}

const DATE_PATTERNS: Array<{ pattern: RegExp; format: string; hasTime: boolean }> = [
	{ pattern: /^\d{1,2}-\d{1,2}-\d{4}$/, format: 'd-M-yyyy', hasTime: false },
	{ pattern: /^\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}$/, format: 'd-M-yyyy H:mm', hasTime: true },
	{ pattern: /^\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}:\d{2}$/, format: 'd-M-yyyy H:mm:ss', hasTime: true },
	{ pattern: /^\d{4}-\d{2}-\d{2}$/, format: 'yyyy-MM-dd', hasTime: false },
	{ pattern: /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}$/, format: 'yyyy-MM-dd H:mm', hasTime: true },
	{ pattern: /^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}$/, format: 'yyyy-MM-dd H:mm:ss', hasTime: true },
];

/**
 * Reads any of the API's date formats ('d-m-Y' work orders, 'Y-m-d H:i' creation dates, 'Y-m-d H:i:s'
 * timestamps) as ISO: a plain 'YYYY-MM-DD' for a date, a full ISO timestamp with the Dutch offset for a
 * date with time. Undefined for empty, '0000-00-00' or unreadable values.
 */
export function parseOutSmartDate(value: string): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '' || text.startsWith('0000-00-00') || text.startsWith('00-00-0000')) return undefined;
	for (const { pattern, format, hasTime } of DATE_PATTERNS) {
		if (!pattern.test(text)) continue;
		const parsed = DateTime.fromFormat(text, format, { zone: OUTSMART_TIME_ZONE });
		if (!parsed.isValid) return undefined;
		return hasTime ? (parsed.toISO({ suppressMilliseconds: true }) ?? undefined) : parsed.toISODate() ?? undefined;
	}
	return undefined;
}

function toDutchDateTime(value: string): DateTime | undefined {
	const text = value.trim();
	const workorderDate = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
	if (workorderDate) {
		const parsed = DateTime.fromObject(
			{ day: Number(workorderDate[1]), month: Number(workorderDate[2]), year: Number(workorderDate[3]) },
			{ zone: OUTSMART_TIME_ZONE },
		);
		return parsed.isValid ? parsed : undefined;
	}
	// A date-only ISO value names a calendar day, not an instant: keep the day as written.
	const isoDay = /^\d{4}-\d{2}-\d{2}$/.test(text);
	const parsed = isoDay
		? DateTime.fromISO(text, { zone: OUTSMART_TIME_ZONE })
		: DateTime.fromISO(text, { setZone: true }).setZone(OUTSMART_TIME_ZONE);
	return parsed.isValid ? parsed : undefined;
}

/** An ISO date or timestamp as the work-order date OutSmart expects ('d-m-Y', e.g. '05-03-2026'). */
export function formatWorkorderDate(iso: string): string {
	const parsed = toDutchDateTime(iso);
	if (!parsed) throw new Error(`Not a date: '${iso}'. Use an ISO date such as 2026-03-05 or d-m-Y such as 05-03-2026`);
	return parsed.toFormat('dd-MM-yyyy');
}

/** A time ('7:08', '07:08', '07:08:00') or ISO timestamp as the work-order time OutSmart expects ('H:i'). */
export function formatWorkorderTime(value: string): string {
	const text = value.trim();
	const plain = /^(\d{1,2}):(\d{2})(:\d{2})?$/.exec(text);
	if (plain) {
		const hours = Number(plain[1]);
		const minutes = Number(plain[2]);
		if (hours < 24 && minutes < 60) return `${String(hours).padStart(2, '0')}:${plain[2]}`;
	} else {
		const parsed = /T\d/.test(text) ? toDutchDateTime(text) : undefined;
		if (parsed) return parsed.toFormat('HH:mm');
	}
	throw new Error(`Not a time: '${value}'. Use H:i such as 07:30 or an ISO timestamp`);
}
