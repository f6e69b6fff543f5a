import { searchDivisions } from '../../ExactOnline/trigger/divisions';

export const listSearch = { searchDivisions };
