import { divisionSearch } from '../../ExactOnline/methods/divisions';

/** The Division dropdown as the Exact Online trigger shows it: `name (code)`, by name. */
export const listSearch = { searchDivisions: divisionSearch('nameFirst') };
