/** A small but valid PDF (one page, Helvetica, a correct xref table) describing a work order. */

function pdfText(value: string): string {
	// Standard fonts lack a Unicode map here, so keep to printable ASCII and escape the string delimiters.
	return value
		.normalize('NFD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/\\/g, '\\\\')
		.replace(/\(/g, '\\(')
		.replace(/\)/g, '\\)');
}

export function buildWorkorderPdf(title: string, lines: string[]): Buffer {
	const textLines = [title, ...lines].slice(0, 60);
	const content = [
		'BT',
		'/F1 16 Tf',
		'50 790 Td',
		`(${pdfText(textLines[0])}) Tj`,
		'/F1 10 Tf',
		'0 -24 Td',
		...textLines.slice(1).flatMap((line) => [`(${pdfText(line)}) Tj`, '0 -14 Td']),
		'ET',
	].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xrefOffset = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}
