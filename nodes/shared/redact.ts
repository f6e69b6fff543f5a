/**
 * Removes secrets from text that may reach a user (error messages, descriptions, logs). Secrets shorter
 * than 4 characters are left alone: replacing them would mangle ordinary words and they protect nothing.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		result = result.split(secret).join('[redacted]');
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) result = result.split(encoded).join('[redacted]');
	}
	return result;
}
