import type { WritableField } from '../common/fieldMap';

export const CONTACT_PATH = 'crm/Contacts';

export const CONTACT_DEFAULT_FIELDS = [
	'ID', 'Account', 'AccountName', 'FirstName', 'LastName', 'FullName', 'Email', 'Phone', 'Mobile', 'JobTitleDescription', 'IsMainContact', 'Modified',
];

const text = (displayName: string) => ({ displayName, type: 'string' as const });

export const CONTACT_FIELDS: WritableField[] = [
	{ name: 'businessEmail', exact: 'BusinessEmail', property: { displayName: 'Business Email', type: 'string', placeholder: 'name@email.com' } },
	{ name: 'email', exact: 'Email', property: { displayName: 'Email', type: 'string', placeholder: 'name@email.com' } },
	{ name: 'firstName', exact: 'FirstName', property: text('First Name') },
	{ name: 'initials', exact: 'Initials', property: text('Initials') },
	{ name: 'jobTitleDescription', exact: 'JobTitleDescription', property: text('Job Title') },
	{ name: 'lastName', exact: 'LastName', property: text('Last Name') },
	{ name: 'mobile', exact: 'Mobile', property: text('Mobile') },
	{ name: 'phone', exact: 'Phone', property: text('Phone') },
];
