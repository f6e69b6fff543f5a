import { makeUpdateOperation } from '../common/writeOperations';
import { CONTACT_FIELDS, CONTACT_PATH } from './fields';

export const { description, execute } = makeUpdateOperation({ resource: 'contact', path: CONTACT_PATH, label: 'Contact', fields: CONTACT_FIELDS });
