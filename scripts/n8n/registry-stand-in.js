'use strict';
/**
 * A stand-in for registry.npmjs.org, for this one package only, so that n8n's own
 * community-package installer (Settings › Community Nodes › Install, `POST /rest/community-packages`)
 * installs the tarball that `npm pack` just made.
 *
 * Why not a local registry: n8n 2.41.1 always runs npm with `--registry=<registry>` and refuses
 * any registry but https://registry.npmjs.org without an enterprise licence
 * (CommunityPackagesService.getNpmRegistry, FeatureNotLicensedError
 * COMMUNITY_NODES_CUSTOM_REGISTRY). It runs npm with execFile and no `env` option, so the npm
 * child inherits n8n's environment, proxy and CA settings included.
 *
 * So: an HTTP CONNECT proxy on 127.0.0.1, given to n8n as HTTPS_PROXY (its own registry checks
 * and api.n8n.io calls, through @n8n/backend-network) and npm_config_https_proxy (its npm child).
 *
 *  - CONNECT registry.npmjs.org:443: TLS is terminated here with a leaf certificate for
 *    registry.npmjs.org signed by a CA made for this run with the `openssl` CLI, in a temporary
 *    folder (mode 0700) that close() deletes. n8n trusts it through NODE_EXTRA_CA_CERTS (read at
 *    its start), its npm child through npm_config_cafile. The packument of this package
 *    (`GET /<name>`), a version's manifest (`GET /<name>/<version or dist-tag>`) and the tarballs
 *    (`GET /<name>/-/<name>-<version>.tgz`) are answered from the tarballs given to add();
 *    every other path is forwarded to the real registry.
 *  - CONNECT to n8n's own hosts (n8n.io, *.n8n.io, *.n8n.cloud: the package-status check at
 *    api.n8n.io, telemetry, licence, templates) is refused with 403, always.
 *  - CONNECT to any other host: refused as well (`passThrough: false`, the e2e run), or tunnelled
 *    unchanged, TLS end to end and unread (`passThrough: true`, `npm start`, so that a credential
 *    pointing at a real gateway keeps working).
 *  - A plain-HTTP proxy request is refused (loopback is in NO_PROXY and never comes here).
 *
 * Dev tooling only: never part of the package (`files` is dist/ only).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const tls = require('node:tls');
const { spawnSync } = require('node:child_process');

const REGISTRY_HOST = 'registry.npmjs.org';
const REGISTRY_URL = `https://${REGISTRY_HOST}`;
/** n8n's own services: never reached from a local run. */
const N8N_HOSTS = /(^|\.)n8n\.(io|cloud)$/i;
/** What a CONNECT target has to look like (host:port). */
const CONNECT_TARGET = /^([a-z0-9.-]+|\[[0-9a-f:]+\]):(\d{1,5})$/i;

function openssl(args, cwd) {
	const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
	if (result.error) throw new Error(`openssl is needed for the registry stand-in's certificates (Debian: apt-get install -y openssl): ${result.error.message}`);
	if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr.trim()}`);
	return result.stdout;
}

/** A CA and a leaf certificate for registry.npmjs.org signed by it, valid for two days, in `folder`. */
function makeCertificates(folder) {
	const ca = { key: path.join(folder, 'ca.key'), cert: path.join(folder, 'ca.pem') };
	const leaf = { key: path.join(folder, 'leaf.key'), csr: path.join(folder, 'leaf.csr'), cert: path.join(folder, 'leaf.pem'), ext: path.join(folder, 'leaf.ext') };
	const runId = crypto.randomBytes(4).toString('hex');
	openssl(
		[
			'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
			'-keyout', ca.key, '-out', ca.cert, '-days', '2', '-sha256',
			'-subj', `/O=n8n-nodes-whatsapp-maton local run/CN=Registry stand-in CA ${runId}`,
			'-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0',
			'-addext', 'keyUsage=critical,keyCertSign,cRLSign',
		],
		folder,
	);
	openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', leaf.key, '-out', leaf.csr, '-subj', `/CN=${REGISTRY_HOST}`], folder);
	fs.writeFileSync(
		leaf.ext,
		[
			'basicConstraints=critical,CA:FALSE',
			'keyUsage=critical,digitalSignature',
			'extendedKeyUsage=serverAuth',
			`subjectAltName=DNS:${REGISTRY_HOST}`,
			'subjectKeyIdentifier=hash',
			'authorityKeyIdentifier=keyid,issuer',
			'',
		].join('\n'),
	);
	openssl(['x509', '-req', '-in', leaf.csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', leaf.cert, '-days', '2', '-sha256', '-extfile', leaf.ext], folder);
	// The CA's key is not needed any more: nothing else gets signed in this run.
	fs.rmSync(ca.key, { force: true });
	return { caCert: ca.cert, leafKey: leaf.key, leafCert: leaf.cert };
}

/** package.json inside a tarball made by `npm pack` (its files are under package/). */
function readPackedPackageJson(tarball) {
	const result = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
	if (result.status !== 0) throw new Error(`cannot read package/package.json from ${tarball}: ${result.stderr.trim()}`);
	return JSON.parse(result.stdout);
}

/**
 * Starts the stand-in. Resolves {
 *   url,           // the proxy, http://127.0.0.1:<port>
 *   env,           // what n8n's environment needs (proxy, CA, npm settings, a throw-away npm cache)
 *   add(tarball, { tag = 'latest' }) → { name, version, integrity, shasum, tarballUrl }
 *   requests,      // [{ kind: 'served' | 'forwarded' | 'refused' | 'tunnelled', method, path or host, status }]
 *   close()        // stops it and deletes its folder (certificates, npm cache)
 * }.
 */
async function startRegistryStandIn({ passThrough = false, log = () => {} } = {}) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-registry-stand-in-'));
	fs.chmodSync(folder, 0o700);
	let closed = false;
	const removeFolder = () => fs.rmSync(folder, { recursive: true, force: true });
	// Deleted even when the script exits without close() (not on kill -9: then it stays in the temp folder).
	process.once('exit', removeFolder);
	try {
		const certificates = makeCertificates(folder);
		const secureContext = tls.createSecureContext({ key: fs.readFileSync(certificates.leafKey), cert: fs.readFileSync(certificates.leafCert) });
		/** n8n's extra CAs: the ones it had (this machine's NODE_EXTRA_CA_CERTS) and this run's. */
		const n8nCaFile = path.join(folder, 'n8n-extra-ca.pem');
		let inherited = '';
		if (process.env.NODE_EXTRA_CA_CERTS) {
			try {
				inherited = fs.readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8');
			} catch {
				// unreadable: only this run's CA then
			}
		}
		fs.writeFileSync(n8nCaFile, `${inherited.trimEnd()}\n${fs.readFileSync(certificates.caCert, 'utf8')}`.trimStart());

		/** name → { versions: Map<version, { manifest, file, time }>, tags: { latest } } */
		const packages = new Map();
		const requests = [];

		const add = (tarball, { tag = 'latest' } = {}) => {
			const packageJson = readPackedPackageJson(tarball);
			const { name, version } = packageJson;
			const bytes = fs.readFileSync(tarball);
			const shasum = crypto.createHash('sha1').update(bytes).digest('hex');
			const integrity = `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`;
			const tarballUrl = `${REGISTRY_URL}/${name}/-/${name}-${version}.tgz`;
			const file = path.join(folder, `${name}-${version}.tgz`);
			fs.copyFileSync(tarball, file);
			const entry = packages.get(name) ?? { versions: new Map(), tags: {} };
			entry.versions.set(version, {
				manifest: { ...packageJson, _id: `${name}@${version}`, dist: { tarball: tarballUrl, shasum, integrity } },
				file,
				time: new Date().toISOString(),
			});
			if (tag) entry.tags[tag] = version;
			packages.set(name, entry);
			return { name, version, integrity, shasum, tarballUrl };
		};

		const packument = (name, entry) => {
			const versions = Object.fromEntries([...entry.versions].map(([version, { manifest }]) => [version, manifest]));
			const times = [...entry.versions.values()].map(({ time }) => time);
			return {
				_id: name,
				name,
				'dist-tags': entry.tags,
				versions,
				time: { created: times[0], modified: times[times.length - 1], ...Object.fromEntries([...entry.versions].map(([version, { time }]) => [version, time])) },
			};
		};

		const sendJson = (response, status, body, method) => {
			const text = JSON.stringify(body);
			response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
			response.end(method === 'HEAD' ? undefined : text);
			return status;
		};

		/** Answers what this package's paths ask for; undefined when the path is not ours. */
		const serve = (request, response) => {
			const url = new URL(request.url, REGISTRY_URL);
			const segments = url.pathname.split('/').filter(Boolean).map((segment) => decodeURIComponent(segment));
			const entry = packages.get(segments[0]);
			if (!entry || !['GET', 'HEAD'].includes(request.method)) return undefined;
			if (segments.length === 1) return sendJson(response, 200, packument(segments[0], entry), request.method);
			if (segments.length === 2) {
				const version = entry.tags[segments[1]] ?? segments[1];
				const found = entry.versions.get(version);
				if (!found) return sendJson(response, 404, { error: 'version not found' }, request.method);
				return sendJson(response, 200, found.manifest, request.method);
			}
			if (segments.length === 3 && segments[1] === '-') {
				const match = [...entry.versions.values()].find(({ file }) => path.basename(file) === segments[2]);
				if (!match) return sendJson(response, 404, { error: 'not found' }, request.method);
				const bytes = fs.readFileSync(match.file);
				response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length, 'cache-control': 'no-store' });
				response.end(request.method === 'HEAD' ? undefined : bytes);
				return 200;
			}
			return undefined;
		};

		/** Everything else at registry.npmjs.org goes to the real one. */
		const forward = (request, response) => {
			const headers = { ...request.headers, host: REGISTRY_HOST };
			delete headers['proxy-authorization'];
			delete headers['proxy-connection'];
			const upstream = https.request({ host: REGISTRY_HOST, port: 443, method: request.method, path: request.url, headers }, (answer) => {
				requests.push({ kind: 'forwarded', method: request.method, path: request.url, status: answer.statusCode });
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			});
			upstream.on('error', (error) => {
				requests.push({ kind: 'forwarded', method: request.method, path: request.url, status: 502, error: error.message });
				if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
				response.end(`registry stand-in: the real registry did not answer: ${error.message}`);
			});
			request.pipe(upstream);
		};

		/** The HTTP server behind the terminated TLS (never listens itself). */
		const registry = http.createServer((request, response) => {
			const status = serve(request, response);
			if (status !== undefined) {
				requests.push({ kind: 'served', method: request.method, path: request.url, status });
				return;
			}
			forward(request, response);
		});

		const refuse = (socket, host, reason) => {
			requests.push({ kind: 'refused', host, reason });
			socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nregistry stand-in: ${reason}\r\n`);
		};

		const proxy = http.createServer((request, response) => {
			requests.push({ kind: 'refused', host: request.headers.host, reason: 'plain HTTP through the proxy' });
			response.writeHead(403, { 'content-type': 'text/plain' });
			response.end('registry stand-in: only CONNECT is served\n');
		});
		proxy.on('connect', (request, socket, head) => {
			socket.on('error', () => {});
			const match = CONNECT_TARGET.exec(request.url ?? '');
			if (!match) return refuse(socket, request.url, 'not a host:port');
			const [, host, portText] = match;
			const port = Number(portText);
			if (host.toLowerCase() === REGISTRY_HOST && port === 443) {
				socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
				if (head?.length) socket.unshift(head);
				const secure = new tls.TLSSocket(socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
				secure.on('error', () => socket.destroy());
				registry.emit('connection', secure);
				return undefined;
			}
			if (N8N_HOSTS.test(host)) return refuse(socket, `${host}:${port}`, "n8n's own services are not reached from a local run");
			if (!passThrough) return refuse(socket, `${host}:${port}`, 'only registry.npmjs.org is reachable in this run');
			const upstream = net.connect(port, host, () => {
				requests.push({ kind: 'tunnelled', host: `${host}:${port}` });
				socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
				if (head?.length) upstream.write(head);
				upstream.pipe(socket);
				socket.pipe(upstream);
			});
			upstream.on('error', () => {
				if (!socket.destroyed) socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
			});
			socket.on('close', () => upstream.destroy());
			return undefined;
		});
		const sockets = new Set();
		proxy.on('connection', (socket) => {
			sockets.add(socket);
			socket.once('close', () => sockets.delete(socket));
		});
		await new Promise((resolve, reject) => {
			proxy.once('error', reject);
			proxy.listen(0, '127.0.0.1', resolve);
		});
		const url = `http://127.0.0.1:${proxy.address().port}`;
		const noProxy = '127.0.0.1,localhost,::1';
		const npmCache = path.join(folder, 'npm-cache');
		const env = {
			// n8n itself: @n8n/backend-network's agents and undici read these.
			HTTPS_PROXY: url,
			https_proxy: url,
			NO_PROXY: noProxy,
			no_proxy: noProxy,
			NODE_EXTRA_CA_CERTS: n8nCaFile,
			// Its npm child (npm reads npm_config_* before its config files).
			npm_config_https_proxy: url,
			npm_config_noproxy: noProxy,
			npm_config_cafile: certificates.caCert,
			npm_config_strict_ssl: 'true',
			// `npm outdated` (the update check of GET /rest/community-packages) is run without --registry.
			npm_config_registry: `${REGISTRY_URL}/`,
			// A cache of this run only: this stand-in's answers never land in the user's ~/.npm.
			npm_config_cache: npmCache,
			npm_config_update_notifier: 'false',
			npm_config_audit: 'false',
			npm_config_fund: 'false',
		};
		log(`registry stand-in on ${url} (CA and npm cache in ${folder})`);
		return {
			url,
			env,
			folder,
			add,
			requests,
			async close() {
				if (closed) return;
				closed = true;
				for (const socket of sockets) socket.destroy();
				await new Promise((resolve) => proxy.close(() => resolve()));
				removeFolder();
				process.removeListener('exit', removeFolder);
			},
		};
	} catch (error) {
		removeFolder();
		process.removeListener('exit', removeFolder);
		throw error;
	}
}

module.exports = { startRegistryStandIn, REGISTRY_HOST };
