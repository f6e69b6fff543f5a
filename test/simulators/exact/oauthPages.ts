/**
 * HTTP side of OAuth: the authorize endpoint (a small consent page for people, auto_consent=demo for scripts)
 * and the token endpoint (form bodies only, client credentials in the body).
 */
import { parseForm } from './httpUtils';
import type { OAuthServer } from './oauth';
import type { SimResponse } from './restApi';
import { SIMULATOR_USER_ID } from './store';

function html(status: number, body: string): SimResponse {
	return { status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body };
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function redirect(location: string): SimResponse {
	return { status: 302, headers: { Location: location }, body: '' };
}

function withParams(uri: string, params: Record<string, string>): string {
	const url = new URL(uri);
	for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
	return url.toString();
}

export class OAuthPages {
	constructor(
		private readonly oauth: OAuthServer,
		private readonly grantedDivisions: () => number[],
		private readonly companyName: string,
	) {}

	/** GET shows the consent page (or consents at once with auto_consent=demo); POST is the consent form's answer. */
	authorize(method: string, url: URL, body: Buffer): SimResponse {
		const params = method === 'POST' ? new URLSearchParams(body.toString('utf8')) : url.searchParams;
		const clientId = params.get('client_id') ?? '';
		const redirectUri = params.get('redirect_uri') ?? '';
		const state = params.get('state');
		if (clientId !== this.oauth.app.clientId) return html(400, '<html><body><h1>Bad Request</h1><p>Unknown client_id.</p></body></html>');
		if (!this.oauth.isRegisteredRedirect(redirectUri)) return html(400, '<html><body><h1>Bad Request</h1><p>The redirect_uri does not match the registered callback.</p></body></html>');
		if (params.get('response_type') !== 'code') return html(400, '<html><body><h1>Bad Request</h1><p>response_type must be code.</p></body></html>');
		const stateParam: Record<string, string> = state === null ? {} : { state };
		const decision = method === 'POST' ? params.get('decision') : params.get('auto_consent') === 'demo' ? 'allow' : undefined;
		if (decision === 'deny') return redirect(withParams(redirectUri, { error: 'access_denied', ...stateParam }));
		if (decision === 'allow') {
			const code = this.oauth.issueCode(SIMULATOR_USER_ID, clientId, redirectUri, this.grantedDivisions());
			return redirect(withParams(redirectUri, { code, ...stateParam }));
		}
		const hidden = ['client_id', 'redirect_uri', 'response_type', 'state', 'force_login']
			.filter((name) => params.get(name) !== null)
			.map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name)!)}">`)
			.join('');
		return html(
			200,
			`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Exact Online - Toegang verlenen</title></head><body style="font-family:sans-serif;max-width:36em;margin:3em auto">` +
				`<h1>Exact Online (simulator)</h1><p>De app <strong>${escapeHtml(clientId)}</strong> vraagt toegang tot <strong>${escapeHtml(this.companyName)}</strong> ` +
				`(administraties ${this.grantedDivisions().join(', ')}) als demogebruiker.</p>` +
				`<form method="post" action="/api/oauth2/auth">${hidden}<button name="decision" value="allow" type="submit">Toestaan</button> ` +
				`<button name="decision" value="deny" type="submit">Weigeren</button></form></body></html>`,
		);
	}

	token(method: string, contentType: string, body: Buffer): SimResponse {
		if (method !== 'POST') return { status: 405, headers: {}, body: '' };
		if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
			return { status: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'invalid_request' }) };
		}
		const outcome = this.oauth.handleTokenRequest(parseForm(body));
		return { status: outcome.status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, body: JSON.stringify(outcome.body) };
	}
}
