/**
 * Deterministic demo data of a Dutch installation company, shared by the Exact Online and OutSmart simulators.
 * A fixed seed and a tiny PRNG keep every run identical, so tests and the sandbox can rely on names and codes.
 */

export interface DemoRelation {
	debtorNumber: string /* '10001'.. unpadded */;
	name: string;
	street: string;
	houseNumber: string;
	postcode: string;
	city: string;
	country: string /* 'NL' | 'BE' */;
	email: string;
	phone: string;
	paymentConditionCode: string /* Exact sales payment condition code, e.g. '14', '30' */;
	blocked: boolean;
	status: 'C' | 'P' | 'S' /* customer, prospect, supplier */;
	vatNumber: string;
}

export interface DemoItem {
	code: string;
	description: string;
	salesPrice: number;
	costPrice: number;
	unit: string;
	itemGroupCode: string;
	revenueGlAccountCode: string;
	costGlAccountCode: string;
	salesVatCode: string;
	isLabour: boolean;
}

export interface DemoItemGroup {
	code: string;
	description: string;
}

export interface DemoGlAccount {
	code: string;
	description: string;
	type: number /* Exact GLAccount Type: 110 revenue, 111 cost of sales ... */;
	balanceSide: 'D' | 'C';
}

export interface DemoPaymentCondition {
	code: string;
	description: string;
	paymentDays: number;
}

export interface DemoVatCode {
	code: string;
	description: string;
	percentage: number /* fraction, 0.21 */;
}

export interface DemoJournal {
	code: string;
	description: string;
	type: number /* 20 = sales journal */;
}

export interface DemoEmployee {
	number: string;
	firstName: string;
	lastName: string;
	email: string;
}

export interface DemoCompany {
	division: number;
	name: string;
	relations: DemoRelation[];
	items: DemoItem[];
	itemGroups: DemoItemGroup[];
	glAccounts: DemoGlAccount[];
	paymentConditions: DemoPaymentCondition[];
	vatCodes: DemoVatCode[];
	journals: DemoJournal[];
	employees: DemoEmployee[];
}

export const DEMO_DIVISION = 3185420;
export const DEMO_COMPANY_NAME = 'Van der Berg Installatietechniek B.V.';
const DEMO_SEED = 20261102;

/** mulberry32: small, fast and good enough to make varied but reproducible demo data. */
export function createPrng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIRST_NAMES = ['Jan', 'Pieter', 'Kees', 'Henk', 'Sanne', 'Anouk', 'Lotte', 'Bram', 'Daan', 'Sem', 'Eva', 'Femke', 'Ruud', 'Marieke', 'Joost', 'Ingrid', 'Wouter', 'Ilse', 'Thijs', 'Noor'];
const LAST_NAMES = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', "O'Neill", 'Smits', 'van Dijk', 'Kok', 'Verhoeven'];
const COMPANY_PREFIXES = ['Bouwbedrijf', 'Vastgoed', 'Woningstichting', 'Kantoorpand', 'Zorgcentrum', 'Basisschool', 'Restaurant', 'Bakkerij', 'Garagebedrijf', 'Hotel', 'Sportschool', 'VvE'];
const COMPANY_SUFFIXES = ['B.V.', 'V.O.F.', 'Beheer B.V.', '& Zn.', 'Holding B.V.'];
const STREETS = ['Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Stationsweg', 'Schoolstraat', 'Julianalaan', 'Beatrixstraat', 'Wilhelminapark', 'Hoofdstraat', 'Industrieweg', 'Nieuwe Gracht', 'Lindelaan', 'Eikenlaan', 'Marktplein', 'Havenkade'];
const NL_CITIES: Array<[string, string]> = [['Utrecht', '35'], ['Amersfoort', '38'], ['Zeist', '37'], ['Nieuwegein', '34'], ['Houten', '39'], ['Hilversum', '12'], ['Amsterdam', '10'], ['Rotterdam', '30'], ['Den Haag', '25'], ['Arnhem', '68'], ['Ede', '67'], ['Veenendaal', '39'], ['Woerden', '34'], ['Gouda', '28']];
const BE_CITIES: Array<[string, string]> = [['Antwerpen', '2000'], ['Gent', '9000'], ['Hasselt', '3500']];
const PAYMENT_CODES = ['14', '30', '08', '21', '14', '30', '14'];

const ITEM_GROUPS: DemoItemGroup[] = [
	{ code: 'CV', description: 'Cv-ketels en toebehoren' },
	{ code: 'RAD', description: 'Radiatoren' },
	{ code: 'LEID', description: 'Leidingwerk en fittingen' },
	{ code: 'REGEL', description: 'Thermostaten en regeltechniek' },
	{ code: 'SANI', description: 'Sanitair' },
	{ code: 'WP', description: 'Warmtepompen' },
	{ code: 'ARBEID', description: 'Arbeid' },
	{ code: 'DIVERS', description: 'Diversen' },
];

const GL_ACCOUNTS: DemoGlAccount[] = [
	{ code: '1100', description: 'Debiteuren', type: 20, balanceSide: 'D' },
	{ code: '1300', description: 'Bank', type: 12, balanceSide: 'D' },
	{ code: '1500', description: 'Te betalen btw', type: 24, balanceSide: 'C' },
	{ code: '1600', description: 'Crediteuren', type: 22, balanceSide: 'C' },
	{ code: '7000', description: 'Inkoopwaarde materialen', type: 111, balanceSide: 'D' },
	{ code: '7010', description: 'Inkoopwaarde installaties', type: 111, balanceSide: 'D' },
	{ code: '7100', description: 'Kosten onderaanneming', type: 111, balanceSide: 'D' },
	{ code: '4000', description: 'Personeelskosten', type: 120, balanceSide: 'D' },
	{ code: '8000', description: 'Omzet materialen', type: 110, balanceSide: 'C' },
	{ code: '8010', description: 'Omzet installaties', type: 110, balanceSide: 'C' },
	{ code: '8100', description: 'Omzet arbeid', type: 110, balanceSide: 'C' },
	{ code: '8200', description: 'Omzet onderhoudscontracten', type: 110, balanceSide: 'C' },
	{ code: '8300', description: 'Omzet verlegd', type: 110, balanceSide: 'C' },
];

const PAYMENT_CONDITIONS: DemoPaymentCondition[] = [
	{ code: '08', description: 'Direct', paymentDays: 0 },
	{ code: '14', description: '14 dagen', paymentDays: 14 },
	{ code: '21', description: '21 dagen', paymentDays: 21 },
	{ code: '30', description: '30 dagen', paymentDays: 30 },
	{ code: '60', description: '60 dagen', paymentDays: 60 },
];

const VAT_CODES: DemoVatCode[] = [
	{ code: '0', description: 'Geen btw', percentage: 0 },
	{ code: '1', description: 'Btw laag 9%', percentage: 0.09 },
	{ code: '2', description: 'Btw hoog 21%', percentage: 0.21 },
	{ code: '5', description: 'Btw verlegd', percentage: 0 },
];

const JOURNALS: DemoJournal[] = [
	{ code: '20', description: 'Bank', type: 12 },
	{ code: '50', description: 'Memoriaal', type: 90 },
	{ code: '70', description: 'Verkoopboek', type: 20 },
	{ code: '71', description: 'Verkoopboek onderhoud', type: 20 },
	{ code: '60', description: 'Inkoopboek', type: 22 },
];

const LABOUR_ITEMS: DemoItem[] = [
	{ code: 'UUR-MONTEUR', description: 'Uurloon monteur', salesPrice: 62.5, costPrice: 38, unit: 'uur', itemGroupCode: 'ARBEID', revenueGlAccountCode: '8100', costGlAccountCode: '4000', salesVatCode: '2', isLabour: true },
	{ code: 'UUR-LEERLING', description: 'Uurloon leerling-monteur', salesPrice: 42.5, costPrice: 22, unit: 'uur', itemGroupCode: 'ARBEID', revenueGlAccountCode: '8100', costGlAccountCode: '4000', salesVatCode: '2', isLabour: true },
	{ code: 'UUR-SPOED', description: 'Uurloon spoeddienst', salesPrice: 89.5, costPrice: 45, unit: 'uur', itemGroupCode: 'ARBEID', revenueGlAccountCode: '8100', costGlAccountCode: '4000', salesVatCode: '2', isLabour: true },
	{ code: 'UUR-ENGINEER', description: 'Uurloon engineer', salesPrice: 78, costPrice: 48, unit: 'uur', itemGroupCode: 'ARBEID', revenueGlAccountCode: '8100', costGlAccountCode: '4000', salesVatCode: '2', isLabour: true },
	{ code: 'VOORRIJKOSTEN', description: 'Voorrijkosten', salesPrice: 35, costPrice: 0, unit: 'stuk', itemGroupCode: 'DIVERS', revenueGlAccountCode: '8100', costGlAccountCode: '4000', salesVatCode: '2', isLabour: false },
];

interface MaterialTemplate {
	group: string;
	names: string[];
	variants: string[];
	price: [number, number];
	unit: string;
	revenue: string;
	cost: string;
}

const MATERIAL_TEMPLATES: MaterialTemplate[] = [
	{ group: 'CV', names: ['Cv-ketel Intergas Xtreme', 'Cv-ketel Remeha Tzerra', 'Cv-ketel Nefit EcoPlus', 'Cv-ketel Vaillant ecoTEC'], variants: ['30 kW', '36 kW', '40 kW', 'CW4', 'CW5'], price: [1450, 2900], unit: 'stuk', revenue: '8010', cost: '7010' },
	{ group: 'CV', names: ['Expansievat', 'Vul- en aftapkraan', 'Rookgasafvoer', 'Luchtaanvoerpijp'], variants: ['8 l', '12 l', '18 l', '60/100', '80/125'], price: [18, 140], unit: 'stuk', revenue: '8000', cost: '7000' },
	{ group: 'RAD', names: ['Paneelradiator Radson', 'Paneelradiator Henrad', 'Designradiator Vasco', 'Badkamerradiator'], variants: ['T22 600x800', 'T22 600x1000', 'T33 500x1200', 'T11 400x600', '1800x500'], price: [120, 690], unit: 'stuk', revenue: '8000', cost: '7000' },
	{ group: 'LEID', names: ['Koperen buis', 'Knelkoppeling', 'Persfitting bocht', 'Soldeerfitting T-stuk', 'Kogelkraan', 'Radiatorkraan'], variants: ['15 mm', '22 mm', '28 mm', '35 mm', '1/2"', '3/4"'], price: [2.5, 48], unit: 'stuk', revenue: '8000', cost: '7000' },
	{ group: 'REGEL', names: ['Thermostaat Honeywell Lyric', 'Thermostaat Nest', 'Slimme thermostaat Tado', 'Kamerthermostaat Remeha eTwist', 'Thermostatische radiatorknop'], variants: ['wit', 'zwart', 'OpenTherm', 'aan/uit'], price: [25, 280], unit: 'stuk', revenue: '8000', cost: '7000' },
	{ group: 'SANI', names: ['Thermostatische mengkraan', 'Toiletcombinatie', 'Wastafelsifon', 'Boiler Inventum'], variants: ['chroom', 'wit', '80 l', '120 l'], price: [35, 950], unit: 'stuk', revenue: '8000', cost: '7000' },
	{ group: 'WP', names: ['Hybride warmtepomp', 'Lucht-water warmtepomp', 'Buffervat'], variants: ['4 kW', '6 kW', '8 kW', '150 l'], price: [2400, 9800], unit: 'stuk', revenue: '8010', cost: '7010' },
	{ group: 'DIVERS', names: ['Inhibitor', 'Systeemreiniger', 'Isolatieslang', 'Ophangbeugel'], variants: ['1 l', '15 mm', '22 mm', 'set'], price: [4, 45], unit: 'stuk', revenue: '8000', cost: '7000' },
];

function pick<T>(random: () => number, values: readonly T[]): T {
	return values[Math.floor(random() * values.length)];
}

function roundCents(value: number): number {
	return Math.round(value * 100) / 100;
}

function buildRelation(random: () => number, index: number): DemoRelation {
	const isBelgian = index % 23 === 7;
	const person = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
	const isCompany = random() < 0.55;
	const lastName = pick(random, LAST_NAMES);
	const name = isCompany ? `${pick(random, COMPANY_PREFIXES)} ${lastName.replace(/^(de|van den|van) /, '')} ${pick(random, COMPANY_SUFFIXES)}` : person;
	const [city, postcodePrefix] = isBelgian ? pick(random, BE_CITIES) : pick(random, NL_CITIES);
	const postcode = isBelgian
		? postcodePrefix
		: `${postcodePrefix}${String(10 + Math.floor(random() * 90))} ${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}`;
	const mailLocal = name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '');
	const status: DemoRelation['status'] = index % 37 === 11 ? 'S' : index % 19 === 5 ? 'P' : 'C';
	const vatDigits = String(100000000 + Math.floor(random() * 899999999));
	return {
		debtorNumber: String(10001 + index),
		name,
		street: pick(random, STREETS),
		houseNumber: String(1 + Math.floor(random() * 180)) + (random() < 0.15 ? pick(random, ['a', 'b', '-2', 'bis']) : ''),
		postcode,
		city,
		country: isBelgian ? 'BE' : 'NL',
		email: `${mailLocal}@example.nl`,
		phone: isBelgian ? `+32 3 ${200 + index % 700} ${String(1000 + index).slice(-4)}` : `030-${String(2000000 + Math.floor(random() * 7999999))}`,
		paymentConditionCode: pick(random, PAYMENT_CODES),
		blocked: index % 41 === 13,
		status,
		vatNumber: isCompany ? (isBelgian ? `BE0${vatDigits}` : `NL${vatDigits}B01`) : '',
	};
}

function buildMaterial(random: () => number, index: number): DemoItem {
	const template = MATERIAL_TEMPLATES[index % MATERIAL_TEMPLATES.length];
	const base = pick(random, template.names);
	const variant = pick(random, template.variants);
	const salesPrice = roundCents(template.price[0] + random() * (template.price[1] - template.price[0]));
	return {
		code: `${template.group}-${String(1000 + index).padStart(5, '0')}`,
		description: `${base} ${variant}`,
		salesPrice,
		costPrice: roundCents(salesPrice * (0.55 + random() * 0.2)),
		unit: template.unit,
		itemGroupCode: template.group,
		revenueGlAccountCode: template.revenue,
		costGlAccountCode: template.cost,
		salesVatCode: '2',
		isLabour: false,
	};
}

const EMPLOYEES: DemoEmployee[] = [
	{ number: '1', firstName: 'Gerrit', lastName: 'van der Berg', email: 'gerrit@vanderberg-installatie.example.nl' },
	{ number: '2', firstName: 'Mark', lastName: 'Hoekstra', email: 'mark@vanderberg-installatie.example.nl' },
	{ number: '3', firstName: 'Sven', lastName: 'Kuipers', email: 'sven@vanderberg-installatie.example.nl' },
	{ number: '4', firstName: 'Ahmed', lastName: 'El Amrani', email: 'ahmed@vanderberg-installatie.example.nl' },
	{ number: '5', firstName: 'Lisa', lastName: 'Post', email: 'lisa@vanderberg-installatie.example.nl' },
	{ number: '6', firstName: 'Tom', lastName: 'Willems', email: 'tom@vanderberg-installatie.example.nl' },
];

/** Builds the demo company. The same options always give the same data. */
export function buildDemoCompany(options: { relationCount?: number; itemCount?: number } = {}): DemoCompany {
	const relationCount = options.relationCount ?? 300;
	const itemCount = Math.max(options.itemCount ?? 400, LABOUR_ITEMS.length);
	const random = createPrng(DEMO_SEED);
	const relations: DemoRelation[] = [];
	for (let index = 0; index < relationCount; index++) relations.push(buildRelation(random, index));
	const items: DemoItem[] = LABOUR_ITEMS.map((item) => ({ ...item }));
	for (let index = 0; items.length < itemCount; index++) items.push(buildMaterial(random, index));
	return {
		division: DEMO_DIVISION,
		name: DEMO_COMPANY_NAME,
		relations,
		items,
		itemGroups: ITEM_GROUPS.map((group) => ({ ...group })),
		glAccounts: GL_ACCOUNTS.map((account) => ({ ...account })),
		paymentConditions: PAYMENT_CONDITIONS.map((condition) => ({ ...condition })),
		vatCodes: VAT_CODES.map((vatCode) => ({ ...vatCode })),
		journals: JOURNALS.map((journal) => ({ ...journal })),
		employees: EMPLOYEES.map((employee) => ({ ...employee })),
	};
}
