import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

export type ExactContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export const EXACT_CREDENTIAL_TYPE = 'exactOnlineOAuth2Api';

export interface ExactRequest {
	method: IHttpRequestMethods;
	/** Omitted only for the endpoints without a division (current/Me, system/Users). */
	division?: number;
	/** Path after the division, e.g. 'crm/Accounts' or "salesinvoice/SalesInvoices(guid'…')". */
	resource: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** An absolute URL (a `__next` link) to call as-is instead of division + resource + qs. */
	url?: string;
	/** Keep `__metadata` and `__deferred` in the output. */
	keepMetadata?: boolean;
	/**
	 * May spend the daily budget's reserve: a read that makes writes already done safe (the look-up that
	 * settles duplicate invoices), which would otherwise leave them unchecked.
	 */
	useDailyReserve?: boolean;
}

/** One page as Exact returned it, after normalisation. */
export interface ExactPage {
	records: IDataObject[] | IDataObject | undefined;
	next?: string;
}

export type SyncEntity = 'Accounts' | 'Items' | 'GLAccounts' | 'PaymentConditions' | 'Contacts' | 'SalesInvoices';
