/**
 * The stable codes in `details.kind` of every item a node of this package sends to its error output (and
 * in `context.metadata.kind` of an error that stops a run). Templates and alerts route on these codes,
 * never on message texts, which may change and come in two languages.
 */
export const FailureKind = {
	/** Exact answered and refused the request (4xx): nothing was written. */
	exactRefused: 'exact.refused',
	/** Exact could not be reached, or answered 5xx to a read: nothing was written. */
	exactUnavailable: 'exact.unavailable',
	/** A write Exact did not confirm: it may have been carried out, so it was not sent again. */
	exactUnknownOutcome: 'exact.unknownOutcome',
	/** The Exact token chain is gone: the credential must be reconnected. */
	exactReconnect: 'exact.reconnect',
	/** Exact's minute or daily call limit stopped the request. */
	exactLimit: 'exact.limit',
	/** OutSmart answered with a result code other than 200 (or refused the tokens). */
	outSmartRefused: 'outSmart.refused',
	/** OutSmart could not be reached or did not answer properly. */
	outSmartUnavailable: 'outSmart.unavailable',
	/** The work order cannot be exported as it is (unknown customer, item, GL account, ...). */
	orderInvalid: 'order.invalid',
	/** Exact already has an invoice for this order (its export key) that differs from what the order gives now. */
	invoiceDiffers: 'order.invoiceDiffers',
	/**
	 * This execution created the order's invoice, but another execution may have created one at the same time
	 * (or did, and Exact refused to remove this copy): check Exact for a second invoice before exporting again.
	 */
	duplicateUnsettled: 'order.duplicateUnsettled',
	/** The node's configuration is not valid (e.g. two export triggers share a status). */
	configInvalid: 'config.invalid',
	/** The item or a parameter value is not usable (not a GUID, no lines, ...). */
	inputInvalid: 'input.invalid',
	/** The package's own export template: orders of this run were not exported. */
	ordersNotExported: 'orders.notExported',
} as const;

export type FailureKindCode = (typeof FailureKind)[keyof typeof FailureKind];

export const FAILURE_KINDS: readonly FailureKindCode[] = Object.values(FailureKind);
