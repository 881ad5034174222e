/** Shown instead of a secret: always the same length, so the mask says nothing about the value. */
export const MASK = '••••••••';

// Words that make a variable's name look secret, matched against the words of the name
// (DB_PASSWORD -> DB, PASSWORD; awsSecretAccessKey -> AWS, SECRET, ACCESS, KEY).
const SECRET_WORDS = new Set([
	'PASSWORD',
	'PASSWD',
	'PASS',
	'SECRET',
	'SECRETS',
	'TOKEN',
	'TOKENS',
	'KEY',
	'APIKEY',
	'PRIVATE',
	'CREDENTIAL',
	'CREDENTIALS',
	'CREDS',
	'AUTH',
	'SIGNATURE',
	'SALT',
	'COOKIE',
	'SESSION',
	'DSN',
]);

/** The words of a variable name: split at _ - . and at lower-to-upper case changes. */
function words(name: string): string[] {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.split(/[_\-.\s]+/)
		.filter(Boolean)
		.map(w => w.toUpperCase());
}

/** True for names like PASSWORD, DB_PASSWORD, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, apiKey. */
export function isSecretName(name: string): boolean {
	return words(name).some(w => SECRET_WORDS.has(w));
}

/** Hides the password of every URL in the text: postgres://app:hunter2@db/x -> postgres://app:••••••••@db/x. */
export function maskUrlPasswords(text: string): string {
	return text.replace(
		/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/]+)(@)/gi,
		(_, before: string, _password: string, at: string) => `${before}${MASK}${at}`,
	);
}

/** An environment entry "NAME=value" as it may be shown: the value hidden when the name looks secret, URL passwords hidden always. */
export function maskEnvEntry(entry: string): string {
	const eq = entry.indexOf('=');
	if (eq < 0) return entry;
	const name = entry.slice(0, eq);
	return isSecretName(name) ? `${name}=${MASK}` : `${name}=${maskUrlPasswords(entry.slice(eq + 1))}`;
}

/** Whether any of these texts would be shown differently masked: the detail pane offers the reveal key only then. */
export function hasSecrets(env: readonly string[], others: readonly string[] = []): boolean {
	return env.some(e => maskEnvEntry(e) !== e) || others.some(t => maskUrlPasswords(t) !== t);
}
