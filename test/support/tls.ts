import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Certificates {
	/** The CA that signed both. */
	readonly ca: string;
	readonly serverCert: string;
	readonly serverKey: string;
	/** A folder with ca.pem, cert.pem and key.pem for a client: what DOCKER_CERT_PATH names. */
	readonly clientDir: string;
}

/** A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl in `dir`. */
export function makeCertificates(dir: string, name: string): Certificates {
	fs.mkdirSync(dir, { recursive: true });
	const at = (f: string) => path.join(dir, `${name}-${f}`);
	const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
	ssl(
		'req',
		'-x509',
		'-newkey',
		'rsa:2048',
		'-nodes',
		'-days',
		'2',
		'-subj',
		`/CN=${name} test CA`,
		'-keyout',
		at('ca-key.pem'),
		'-out',
		at('ca.pem'),
	);
	const sign = (who: string, subject: string, ext: string) => {
		ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', at(`${who}-key.pem`), '-out', at(`${who}-req.pem`));
		fs.writeFileSync(at(`${who}-ext.cnf`), ext);
		ssl(
			'x509',
			'-req',
			'-in',
			at(`${who}-req.pem`),
			'-CA',
			at('ca.pem'),
			'-CAkey',
			at('ca-key.pem'),
			'-CAcreateserial',
			'-days',
			'2',
			'-extfile',
			at(`${who}-ext.cnf`),
			'-out',
			at(`${who}-cert.pem`),
		);
	};
	sign('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
	sign('client', '/CN=dockdeck test client', 'extendedKeyUsage=clientAuth\n');
	const clientDir = path.join(dir, `${name}-client`);
	fs.mkdirSync(clientDir, { recursive: true });
	fs.copyFileSync(at('ca.pem'), path.join(clientDir, 'ca.pem'));
	fs.copyFileSync(at('client-cert.pem'), path.join(clientDir, 'cert.pem'));
	fs.copyFileSync(at('client-key.pem'), path.join(clientDir, 'key.pem'));
	return { ca: at('ca.pem'), serverCert: at('server-cert.pem'), serverKey: at('server-key.pem'), clientDir };
}
