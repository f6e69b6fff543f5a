/**
 * Field lists kept by hand for the endpoints the simulator serves that Pi-Systems/exact-online has no class for
 * (every other endpoint's list is generated: endpointFields.generated.ts). Ours: read from Exact's reference pages
 * (ProjectHourTypes, SyncSyncTimestamp), no generated source confirms them. Format as in the generated file.
 */
export const ENDPOINT_FIELDS: Record<string, string> = {
	'read/project/HourTypes':
		'ItemId:Guid ItemCode:String ItemDescription:String',
	'read/sync/Sync/SyncTimestamp':
		'Modified:DateTime API:String TimeStampAsBigInt:Int64',
};
